"""Gaps in lanen: expected tree positions along each row without a living tree.

Expected positions follow the row's spacing, anchored on the living trees: between two living
trees `round(distance / spacing) - 1` trees are missing, spread evenly; before the first and
after the last living tree the row continues to its ends. One STRtree query covers all rows of
all lanen, so a whole register takes one bulk pass. Quality figures: `laan_quality.py`.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import shapely

from bomenplan.domain.laan import Laan
from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.values import TreeStatus

DEFAULT_TOLERANCE_SHARE = 0.4  # tolerance = 0.4 × spacing unless given
CAUSE_RADIUS_SHARE = 0.5


class GapCause(StrEnum):
    STOBBE = "stobbe"
    GEKAPT = "gekapt"
    LEEG_PLANTVAK = "leeg plantvak"
    ONTBREEKT = "ontbreekt"


_CAUSE_OF_STATUS = {str(TreeStatus.STOBBE): GapCause.STOBBE, str(TreeStatus.GEKAPT): GapCause.GEKAPT,
                    str(TreeStatus.LEEG_PLANTVAK): GapCause.LEEG_PLANTVAK}


@dataclass(frozen=True)
class Gap:
    """A run of consecutive expected positions without a living tree, in one row of a laan."""

    laan_index: int  # index into the analysed list of lanen
    laan_id: int | None
    row: int
    positions: tuple[tuple[float, float], ...]
    causes: tuple[GapCause, ...]  # one per position
    tree_ids: tuple[int | None, ...]  # the stump / felled tree / empty site record, if any
    at_end: bool

    @property
    def n_missing(self) -> int:
        return len(self.positions)

    @property
    def x(self) -> float:
        return float(np.mean([p[0] for p in self.positions]))

    @property
    def y(self) -> float:
        return float(np.mean([p[1] for p in self.positions]))

    @property
    def cause_text(self) -> str:
        return ", ".join(dict.fromkeys(str(c) for c in self.causes))


@dataclass
class RowTrees:
    """Living trees matched to rows, sorted by (row, chainage): input for quality figures."""

    row_laan: np.ndarray  # per row: index of its laan
    row: np.ndarray  # per matched tree: row index
    tree: np.ndarray  # per matched tree: index into the register columns
    chainage: np.ndarray
    expected: np.ndarray  # per row: expected positions (living + missing)


def _tolerances(lanen: list[Laan], tolerance: float | None) -> np.ndarray:
    spacing = np.array([laan.spacing_m for laan in lanen])
    return np.full(len(lanen), tolerance) if tolerance else spacing * DEFAULT_TOLERANCE_SHARE


@contextmanager
def bulk_geometry():
    """Pause the cyclic garbage collector while hundreds of thousands of geometries are made:
    its generation scans otherwise cost more than building them (3-5× at 750k points)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def find_gaps_bulk(lanen: list[Laan], cols: RegisterColumns, tolerance: float | None = None,
                   progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
                   ) -> tuple[list[Gap], RowTrees]:
    with bulk_geometry():
        return _find_gaps_bulk(lanen, cols, tolerance, progress, cancelled)


def _find_gaps_bulk(lanen, cols, tolerance, progress, cancelled) -> tuple[list[Gap], RowTrees]:
    lines = np.array([row for laan in lanen for row in laan.rows], dtype=object)
    row_laan = np.repeat(np.arange(len(lanen)), [len(laan.rows) for laan in lanen])
    if not len(lines):
        return [], RowTrees(row_laan, *(np.empty(0, dtype=np.int64),) * 3, np.empty(0, np.int64))
    tol = _tolerances(lanen, tolerance)[row_laan]
    spacing = np.array([laan.spacing_m for laan in lanen])[row_laan]
    length = shapely.length(lines)
    living = np.flatnonzero(cols.status == str(TreeStatus.LEVEND))
    pts = shapely.points(cols.x[living], cols.y[living])
    r, t = shapely.STRtree(pts).query(lines, predicate="dwithin", distance=tol)
    progress(0.3)
    check_cancelled(cancelled)
    s = shapely.line_locate_point(lines[r], pts[t])
    order = np.lexsort((s, r))
    r, t, s = r[order], living[t[order]], s[order]
    n_rows = len(lines)
    counts = np.bincount(r, minlength=n_rows)
    first = np.searchsorted(r, np.arange(n_rows))
    # Inner runs: between consecutive living trees of one row.
    same = r[1:] == r[:-1]
    delta = np.diff(s)
    inner_missing = np.where(same, np.maximum(np.round(delta / spacing[r[:-1]]) - 1, 0), 0).astype(int)
    # End runs: from the row start to the first tree and from the last tree to the row end.
    has = counts > 0
    s_first = np.where(has, s[np.minimum(first, len(s) - 1)] if len(s) else 0, 0.0)
    s_last = np.where(has, s[np.minimum(first + counts - 1, len(s) - 1)] if len(s) else 0, 0.0)
    head = np.where(has, np.floor(s_first / spacing + 0.5), 0).astype(int)
    tail = np.where(has, np.floor((length - s_last) / spacing + 0.5), 0).astype(int)
    empty_n = np.where(has, 0, np.floor(length / spacing + 0.5) + 1).astype(int)
    progress(0.5)
    runs = _runs(r, s, delta, inner_missing, head, tail, empty_n, s_first, s_last, spacing, length)
    gaps = _gaps(runs, lines, lanen, row_laan, tol, spacing, cols, cancelled)
    expected = counts + head + tail + empty_n + np.bincount(
        r[:-1], weights=inner_missing, minlength=n_rows).astype(int)
    progress(1.0)
    return gaps, RowTrees(row_laan, r, t, s, expected)


def _runs(r, s, delta, inner_missing, head, tail, empty_n, s_first, s_last, spacing, length):
    """Per run: row, at_end flag and the chainages of its missing positions."""
    run_row, run_end, run_n, run_s = [], [], [], []
    inner = np.flatnonzero(inner_missing > 0)
    k = inner_missing[inner]
    run_row.append(r[inner])
    run_end.append(np.zeros(len(inner), dtype=bool))
    run_n.append(k)
    step = np.repeat(delta[inner] / (k + 1), k)
    rank = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k) + 1
    run_s.append(np.repeat(s[inner], k) + rank * step)
    for n_end, anchor, sign in ((head, s_first, -1.0), (tail, s_last, 1.0)):
        rows = np.flatnonzero(n_end > 0)
        k = n_end[rows]
        rank = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k) + 1
        pos = np.repeat(anchor[rows], k) + sign * rank * np.repeat(spacing[rows], k)
        run_row.append(rows)
        run_end.append(np.ones(len(rows), dtype=bool))
        run_n.append(k)
        run_s.append(np.clip(pos, 0, np.repeat(length[rows], k)))
    rows = np.flatnonzero(empty_n > 0)
    k = empty_n[rows]
    rank = np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k)
    run_row.append(rows)
    run_end.append(np.ones(len(rows), dtype=bool))
    run_n.append(k)
    run_s.append(rank * np.repeat(length[rows] / np.maximum(k - 1, 1), k))
    return tuple(np.concatenate(v) for v in (run_row, run_end, run_n, run_s))


def _gaps(runs, lines, lanen, row_laan, tol, spacing, cols: RegisterColumns, cancelled) -> list[Gap]:
    run_row, run_end, run_n, run_s = runs
    pos_row = np.repeat(run_row, run_n)
    pos = shapely.line_interpolate_point(lines[pos_row], run_s)
    px, py = shapely.get_x(pos), shapely.get_y(pos)
    check_cancelled(cancelled)
    cause_idx = np.full(len(pos), -1, dtype=np.int64)
    dead = np.flatnonzero(np.isin(cols.status, list(_CAUSE_OF_STATUS)))
    if len(dead) and len(pos):
        dead_pts = shapely.points(cols.x[dead], cols.y[dead])
        # A stump / felled tree / empty site up to half a spacing away belongs to the position.
        radius = np.maximum(tol, CAUSE_RADIUS_SHARE * spacing)
        q, d = shapely.STRtree(dead_pts).query_nearest(pos, max_distance=float(radius.max()),
                                                       return_distance=True)
        q_pos, q_dead = q
        near = d <= radius[pos_row[q_pos]]
        cause_idx[q_pos[near]] = dead[q_dead[near]]
    ids, statuses = cols.id, cols.status
    gaps, k = [], 0
    row_in_laan = np.arange(len(lines)) - np.searchsorted(row_laan, row_laan)
    for row, at_end, n in zip(run_row.tolist(), run_end.tolist(), run_n.tolist(), strict=True):
        sl = slice(k, k + n)
        k += n
        found = cause_idx[sl].tolist()
        li = int(row_laan[row])
        gaps.append(Gap(
            laan_index=li, laan_id=lanen[li].id, row=int(row_in_laan[row]),
            positions=tuple(zip(px[sl].tolist(), py[sl].tolist(), strict=True)),
            causes=tuple(_CAUSE_OF_STATUS[statuses[i]] if i >= 0 else GapCause.ONTBREEKT
                         for i in found),
            tree_ids=tuple(int(ids[i]) if i >= 0 else None for i in found), at_end=bool(at_end)))
    return gaps


def find_laan_gaps(laan: Laan, cols: RegisterColumns, tolerance: float | None = None) -> list[Gap]:
    """Gaps of one laan (same algorithm as the bulk analysis)."""
    return find_gaps_bulk([laan], cols, tolerance)[0]
