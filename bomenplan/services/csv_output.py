"""Plain CSV output shared by the exports: UTF-8, ',' separated, one header row."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path


def write_csv(path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write `header` then `rows` to `path` (replacing it)."""
    with Path(path).open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
