"""Who did what (issue 16 §3): the user's name, role and team from the settings, used as the
inspecteur default and for every change-log, decision and criteria entry."""

from __future__ import annotations

from bomenplan.services.user_profile import current_user_name
from bomenplan.ui.settings import USER_NAME, USER_ROLE, USER_TEAM

MAX_SIGNATURE = 120  # change_log.user and inspection.inspecteur hold 120 characters


def user_name(settings) -> str:
    """The name from the settings; before it is set, the operating-system login."""
    name = settings.get(USER_NAME).strip() if settings is not None else ""
    return name or current_user_name()


def user_signature(settings) -> str:
    """"J. de Vries (boomverzorger, Team Noord)": name with role and team, for log entries."""
    name = user_name(settings)
    if settings is None:
        return name
    extra = ", ".join(v for v in (settings.get(USER_ROLE).strip(), settings.get(USER_TEAM).strip())
                      if v)
    return (f"{name} ({extra})" if extra else name)[:MAX_SIGNATURE]


def window_user(window) -> str:
    return user_signature(getattr(window, "settings", None))


def profile_is_empty(settings) -> bool:
    return not settings.get(USER_NAME).strip()
