"""Dutch number and count wording shared by screens, letters and reports."""

from __future__ import annotations


def number_nl(value: float) -> str:
    """1.5 → '1,5'; 2.0 → '2' (decimal comma, no trailing zeros)."""
    return f"{value:g}".replace(".", ",")


def plural(count: int, one: str, many: str) -> str:
    """'1 boom', '2 bomen', '0 bomen' — the count with thousands separated by a dot."""
    return f"{count:,}".replace(",", ".") + " " + (one if count == 1 else many)
