"""Plain CSV output shared by the exports: UTF-8, ',' separated, one header row; written to a
temporary file first and text cells neutralised against spreadsheet formulas."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from bomenplan.services.safe_files import replacing_text, spreadsheet_cell


def write_csv(path, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write `header` then `rows` to `path` (replacing it only once all rows are written)."""
    with replacing_text(path) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([spreadsheet_cell(v) for v in row] for row in rows)
