"""Offline field work as the GUI reaches it (issue 15 §4). The copying and merging live in
persistence; the composition root (app.py) registers them here with the open database, so
screens call them without importing persistence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bomenplan.domain.field_work import CheckinResult, CheckoutResult, FieldScope

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class FieldGateway:
    database: str  # the open register or field file: a file path or a URL
    banner: str  # "Veldkopie van …" when the open database is a field file, else ""
    source: str  # the register a field file came from (URL without password), else ""
    check_out: Callable[[str, str, FieldScope, str, Progress, Cancelled], CheckoutResult]
    check_in: Callable[[str, str, Mapping, Progress, Cancelled], CheckinResult]
    hold_text: Callable[[int], str] = lambda _tree_id: ""  # "In het veld bij …" or ""
    release: Callable[[str, str], int] = lambda _server, _field_file: 0  # trees released

    @property
    def is_field_copy(self) -> bool:
        return bool(self.banner)


_gateway: list[FieldGateway] = []


def register_field_gateway(gateway: FieldGateway) -> None:
    _gateway[:] = [gateway]


def field_gateway() -> FieldGateway | None:
    """The registered gateway, or None (then the Veldwerk menu stays disabled)."""
    return _gateway[0] if _gateway else None
