"""Dutch number and count wording shared by screens, letters and reports."""

from __future__ import annotations


def number_nl(value: float) -> str:
    """1.5 → '1,5'; 2.0 → '2' (decimal comma, no trailing zeros)."""
    return f"{value:g}".replace(".", ",")


def plural(count: int, one: str, many: str) -> str:
    """'1 boom', '2 bomen', '0 bomen' — the count with thousands separated by a dot."""
    return f"{count:,}".replace(",", ".") + " " + (one if count == 1 else many)


def date_nl(value) -> str:
    """A date as dd-mm-jjjj (2026-04-02 → '02-04-2026'); '' for None."""
    return value.strftime("%d-%m-%Y") if value is not None else ""


def timestamp_nl(text: str | None) -> str:
    """A stored ISO moment ('2026-04-02T10:11:12' or '2026-04-02') as '02-04-2026 10:11'."""
    if not text:
        return ""
    day, _, time = text.replace(" ", "T").partition("T")
    year, month, rest = day.split("-", 2)
    return f"{rest[:2]}-{month}-{year}" + (f" {time[:5]}" if time else "")


def decimal_nl(value: float, digits: int = 1) -> str:
    """A measured value with a decimal comma and no grouping: 85.66 → '85,7' (digits=1)."""
    return f"{value:.{digits}f}".replace(".", ",")
