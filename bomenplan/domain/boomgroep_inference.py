"""Boomgroep (IMBOR: laanboom / solitair / boomweide, DOMAIN.md §1) inferred from the positions,
for registers that do not record it (real imports leave it `onbekend`).

The rule, with its thresholds in `GroupSettings`:
1. A detected row runs through a park group when, for at least `min_group_share` of its trees,
   either other trees stand on *both* sides of the row (at least `min_side_neighbours` per side
   within `radius_m`, the row's own trees not counted), or at least `min_block_neighbours` trees
   of *other* rows stand within `radius_m` (a planted block or grid). Such a row is no laan and
   its trees are boomweide. A row along the edge of a park has the park on one side only and
   stays a laan.
2. The trees of the other detected rows are laanboom.
3. A tree in no row is boomweide when at least `min_group_neighbours` other trees that are in no
   row stand within `radius_m`; otherwise it is solitair.
Recorded values are never replaced: the rule only fills in `onbekend`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bomenplan.domain.values import Boomgroep


@dataclass(frozen=True)
class GroupSettings:
    radius_m: float = 15.0  # neighbours counted around a tree
    min_side_neighbours: int = 3  # per side of a row: the row runs through a group
    min_block_neighbours: int = 4  # trees of other rows nearby: a planted block
    min_group_share: float = 0.5  # share of a row's trees that decides it is a park group
    min_group_neighbours: int = 2  # a tree in no row with this many free neighbours is in a group


@dataclass(frozen=True)
class InferredGroups:
    values: np.ndarray  # per position: laanboom / solitair / boomweide
    park_rows: np.ndarray  # per detected laan: True = runs through a park group, no laan


def infer_boomgroep(x: np.ndarray, y: np.ndarray, near_i: np.ndarray, near_j: np.ndarray,
                    laan_of: np.ndarray, laan_direction: np.ndarray,
                    settings: GroupSettings = GroupSettings()) -> InferredGroups:
    """Boomgroep per position.

    `near_i, near_j`: every ordered pair of distinct positions within `settings.radius_m`;
    `laan_of`: the detected laan of each position (-1: none); `laan_direction`: (n_lanen, 2) direction of each laan's first row."""
    n, n_lanen = len(x), len(laan_direction)
    i, j = near_i, near_j
    in_laan = laan_of >= 0
    park_rows = np.zeros(n_lanen, dtype=bool)
    if n_lanen:
        park_rows = _park_rows(x, y, i, j, laan_of, laan_direction, settings)
    row = in_laan.copy()
    row[in_laan] = ~park_rows[laan_of[in_laan]]
    free = ~row[i] & ~row[j]
    free_neighbours = np.bincount(i[free], minlength=n)
    values = np.where(row, str(Boomgroep.LAANBOOM),
                      np.where(free_neighbours >= settings.min_group_neighbours,
                               str(Boomgroep.BOOMWEIDE), str(Boomgroep.SOLITAIR))).astype(object)
    return InferredGroups(values=values, park_rows=park_rows)


def _park_rows(x, y, i, j, laan_of, direction, s: GroupSettings) -> np.ndarray:
    n, n_lanen = len(x), len(direction)
    own = laan_of[i]
    foreign = (own >= 0) & (laan_of[j] != own)
    i, j, own = i[foreign], j[foreign], own[foreign]
    dx, dy = direction[own, 0], direction[own, 1]
    side = dx * (y[j] - y[i]) - dy * (x[j] - x[i])  # > 0: left of the row
    left = np.bincount(i[side > 0], minlength=n)
    right = np.bincount(i[side < 0], minlength=n)
    block = np.bincount(i[laan_of[j] >= 0], minlength=n)
    crowded = (np.minimum(left, right) >= s.min_side_neighbours) | (block >= s.min_block_neighbours)
    in_laan = laan_of >= 0
    trees = np.bincount(laan_of[in_laan], minlength=n_lanen)
    crowded_trees = np.bincount(laan_of[in_laan & crowded], minlength=n_lanen)
    return (trees > 0) & (crowded_trees >= s.min_group_share * trees)


def fill_unknown(recorded: np.ndarray, keep: np.ndarray,
                 values: np.ndarray) -> tuple[np.ndarray, dict[str, int]]:
    """Recorded boomgroep per register row, with the inferred value (`values`, per position
    `keep`) where it is unknown; and how many trees got each inferred value."""
    boomgroep = recorded.copy()
    known = [str(b) for b in Boomgroep if b != Boomgroep.ONBEKEND]
    unknown = ~np.isin(boomgroep[keep], known)
    boomgroep[keep[unknown]] = values[unknown]
    found, n = np.unique(values[unknown].astype(str), return_counts=True)
    return boomgroep, dict(zip(found.tolist(), n.tolist(), strict=True))
