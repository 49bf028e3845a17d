"""Feature screens plug into the main window through `install(window)` in their module."""

from __future__ import annotations

import importlib

FEATURES = ("species", "lanen", "complaints")


def install_all(window) -> None:
    for name in FEATURES:
        module_name = f"{__name__}.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.install(window)
