"""Report writers (reportlab) are plugged in by the composition root, so the UI can print reports
without importing the reports layer (import-linter keeps ui and reports independent)."""

from __future__ import annotations

from collections.abc import Callable

from bomenplan.domain.errors import BomenplanError

_writers: dict[str, Callable] = {}


def register_writer(name: str, writer: Callable) -> None:
    _writers[name] = writer


def writer(name: str) -> Callable:
    if name not in _writers:
        raise BomenplanError(f"rapport '{name}' is niet beschikbaar")
    return _writers[name]
