"""The time stamp written with every logged change, decision and work order."""

from __future__ import annotations

from datetime import datetime


def now_text() -> str:
    """Local time now, ISO 8601 to the second (as stored in change_log and decision logs)."""
    return datetime.now().isoformat(timespec="seconds")
