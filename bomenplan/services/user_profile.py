"""Who is working: the user's name for change-log, decision and criteria entries.

The GUI keeps name, role and team in its settings (ui/settings.py); command-line work uses
BOMENPLAN_USER, else the operating-system login.
"""

from __future__ import annotations

import getpass
import os


def current_user_name() -> str:
    name = os.environ.get("BOMENPLAN_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (e.g. a container without passwd entry)
        return ""
