"""Vectorised validation of source columns against the tree rules (domain/tree.py).

Each row is rejected at most once: the first failing field is recorded.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from bomenplan.domain.tree import MIN_PLANTJAAR, RD_BOUNDS, RD_WORKING_BOUNDS
from bomenplan.domain.values import Beheertype, TreeStatus
from bomenplan.services.importing import codes

_NUMBER = r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"
# Same limits as domain.tree.validate_tree.
MAX_STAMDIAMETER_CM = 500.0
MAX_KROONDIAMETER_M = 60.0


class RowRejects:
    """Per-row first rejection: field, value and reason (None = accepted so far)."""

    def __init__(self, n: int):
        self.rejected = np.zeros(n, dtype=bool)
        self.field = np.full(n, None, dtype=object)
        self.value = np.full(n, "", dtype=object)
        self.reason = np.full(n, "", dtype=object)

    def add(self, mask: np.ndarray, field: str, values, reason) -> None:
        new = mask & ~self.rejected
        if not new.any():
            return
        idx = np.flatnonzero(new)
        self.rejected[idx] = True
        self.field[idx] = field
        self.value[idx] = _pick(values, idx)
        self.reason[idx] = _pick(reason, idx)


def _pick(values, idx):
    if isinstance(values, str):
        return values
    if isinstance(values, pa.Array):
        return np.asarray(values.take(pa.array(idx)).to_pylist(), dtype=object)
    return np.asarray(values, dtype=object)[idx]


def parse_numbers(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Text → float64 (NaN when empty) and a mask of non-empty values that are no number."""
    fixed = pc.replace_substring(arr, ",", ".")
    ok = pc.match_substring_regex(fixed, _NUMBER)
    values = pc.cast(pc.if_else(ok, fixed, pa.scalar(None, pa.string())), pa.float64())
    numbers = values.to_numpy(zero_copy_only=False).astype(np.float64)
    bad = ~ok.to_numpy(zero_copy_only=False) & (pc.not_equal(arr, "").to_numpy(zero_copy_only=False))
    return numbers, bad


def reject_shifted_rows(rejects: RowRejects, source, mapping) -> None:
    """A column name as a value means the row is shifted (Amsterdam: 'jaarvanaanleg' as owner)."""
    headers = pa.array(source.columns, pa.string())
    for target, col in mapping.fields.items():
        if col:
            mask = pc.is_in(source.column(col), value_set=headers).to_numpy(zero_copy_only=False)
            rejects.add(mask, target, source.column(col),
                        f"rij verschoven: kolomnaam als waarde in kolom '{col}'")


def optional_number(rejects: RowRejects, source, col: str | None, field: str,
                    upper: float, unit: str) -> np.ndarray:
    """A positive measure; 0 or empty = unknown (NaN); text or out of range = rejected."""
    n = len(source.lines)
    if not col:
        return np.full(n, np.nan)
    values, bad = parse_numbers(source.column(col))
    rejects.add(bad, field, source.column(col), f"{field} is geen getal")
    values[values == 0] = np.nan
    out = (values < 0) | (values > upper)
    rejects.add(out, field, source.column(col), f"{field} ligt niet tussen 0 en {upper:g} {unit}")
    return values


def plantjaar(rejects: RowRejects, source, col: str | None) -> np.ndarray:
    """Planting year; 0 or empty = unknown (0 in the batch → NULL)."""
    n = len(source.lines)
    if not col:
        return np.zeros(n, dtype=np.int64)
    values, bad = parse_numbers(source.column(col))
    rejects.add(bad, "plantjaar", source.column(col), "plantjaar is geen jaartal")
    known = np.isfinite(values) & (values != 0)
    last = date.today().year + 1
    wrong = known & ((values != np.round(values)) | (values < MIN_PLANTJAAR) | (values > last))
    rejects.add(wrong, "plantjaar", source.column(col),
                f"plantjaar ligt niet tussen {MIN_PLANTJAAR} en {last}")
    return np.where(known & ~wrong, values, 0).astype(np.int64)


def status_and_beheertype(rejects: RowRejects, source, mapping) -> tuple[np.ndarray, np.ndarray]:
    n = len(source.lines)
    status = np.full(n, TreeStatus.LEVEND.value, dtype=object)
    beheer = np.full(n, "vrij uitgroeiend", dtype=object)
    if mapping.fields.get("beheertype"):
        pairs = codes.map_unique(source.column(mapping.fields["beheertype"]),
                                 codes.beheertype_and_status)
        for i, (b, s) in enumerate(pairs):
            beheer[i] = b or Beheertype.ONBEKEND.value  # a value we do not know is not invented
            if s:
                status[i] = s
    if mapping.fields.get("status"):
        col = source.column(mapping.fields["status"])
        found = codes.map_unique(col, codes.status_code)
        unknown = np.equal(found, None)
        rejects.add(unknown, "status", col, "onbekende status")
        stobbe = status == TreeStatus.STOBBE.value
        status = np.where(unknown | stobbe, status, found)
    return status, beheer


def outside_nl(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return _outside(x, y, RD_BOUNDS)


def outside_working_area(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Positions the register cannot hold (see domain.tree.RD_WORKING_BOUNDS)."""
    return _outside(x, y, RD_WORKING_BOUNDS)


def _outside(x: np.ndarray, y: np.ndarray, bounds) -> np.ndarray:
    xmin, ymin, xmax, ymax = bounds
    with np.errstate(invalid="ignore"):
        return ~((x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax))
