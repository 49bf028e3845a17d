"""Feature modules are optional: a build may leave one out, and whoever lists them skips it."""

from __future__ import annotations

import importlib
from types import ModuleType


def import_if_present(name: str) -> ModuleType | None:
    """Module `name`, or None when it does not exist; an import missing inside it still raises."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None
