"""Empty cells in a re-import: "no change" unless the user clears on purpose.

A municipal update file often leaves cells empty that the register holds (an appraised NVTB
value, a measured kroondiameter). An empty cell keeps the stored value; the cell text `<leeg>`
clears that one value, and the option "lege cel wist" (--lege-cel-wist) makes every empty
cell clear (the old behaviour)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

CLEAR_MARK = "<leeg>"


def split_clear_marks(source, fields: dict[str, str | None]):
    """(source with `<leeg>` cells made empty, blank masks per mapped field of the original).

    The original source is not changed (the GUI runs it twice: preview, then store)."""
    data = dict(source.data)
    blanks: dict[str, np.ndarray] = {}
    for target, col in fields.items():
        if not col or col not in source.data:
            continue
        stripped = pc.utf8_trim_whitespace(source.data[col])
        blanks[target] = pc.equal(stripped, "").to_numpy(zero_copy_only=False)
        marked = pc.equal(pc.utf8_lower(stripped), CLEAR_MARK)
        if pc.any(marked).as_py():
            data[col] = pc.if_else(marked, pa.scalar("", pa.string()), source.data[col])
    return replace(source, data=data), blanks


def blank_rows(blanks: dict[str, np.ndarray], sources: tuple[str, ...], n: int) -> np.ndarray:
    """Rows where every mapped source column of a register field is empty."""
    masks = [blanks[s] for s in sources if s in blanks]
    if not masks:
        return np.zeros(n, dtype=bool)
    return np.logical_and.reduce(masks)
