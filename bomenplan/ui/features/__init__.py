"""Feature screens plug into the main window through `install(window)` in their module."""

from __future__ import annotations

from bomenplan.optional_modules import import_if_present

FEATURES = ("species", "lanen", "complaints", "bomenbank")


def install_all(window) -> None:
    for name in FEATURES:
        module = import_if_present(f"{__name__}.{name}")
        if module is not None:
            module.install(window)
