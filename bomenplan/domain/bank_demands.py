"""Open laan gap positions as demands for the bomenbank: where, which species, which size.

The neighbours of a position are the living trees within 2.5 spacings of it. Their mean stem
circumference is the size to match (no small replacements among old trees); the laan's intended
species and the neighbours' most common species are the species that fit; the neighbours' most
common wijk is the position's wijk.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import shapely

from bomenplan.domain.bank_matching import GapDemand
from bomenplan.domain.laan import Herplantstrategie, Laan
from bomenplan.domain.laan_gaps import Gap
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.values import TreeStatus

NEIGHBOUR_SPACINGS = 2.5


def gap_demands(lanen: list[Laan], gaps: list[Gap], cols: RegisterColumns,
                soil_volume_m3: dict[int, float] | None = None,
                sortiment: list[tuple[str, ...]] | None = None) -> tuple[list[GapDemand], list[str]]:
    """One demand per missing position, and per demand the wijk of its neighbours.

    `soil_volume_m3` maps a laan id to the rootable soil volume per position, when known;
    `sortiment` gives per laan the preferred species of the sortiment matrix."""
    soil = soil_volume_m3 or {}
    owners = [(gi, pi) for gi, g in enumerate(gaps) for pi in range(g.n_missing)]
    if not owners:
        return [], []
    px = np.array([gaps[gi].positions[pi][0] for gi, pi in owners])
    py = np.array([gaps[gi].positions[pi][1] for gi, pi in owners])
    radius = np.array([NEIGHBOUR_SPACINGS * lanen[gaps[gi].laan_index].spacing_m for gi, _ in owners])
    living = np.flatnonzero(cols.status == str(TreeStatus.LEVEND))
    tree_pts = shapely.points(cols.x[living], cols.y[living])
    pos, idx = shapely.STRtree(tree_pts).query(shapely.points(px, py), predicate="dwithin", distance=radius)
    rows = living[idx]
    diam = cols.stamdiameter_cm[rows].astype(float)
    ok = np.isfinite(diam) & (diam > 0)
    total = np.bincount(pos[ok], weights=diam[ok], minlength=len(owners))
    count = np.bincount(pos[ok], minlength=len(owners))
    mean_d = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    species_of, wijk_of = _modes(pos, cols.species_name[rows], len(owners)), _modes(pos, cols.wijk[rows], len(owners))
    demands = []
    for k, (gi, pi) in enumerate(owners):
        gap, laan = gaps[gi], lanen[gaps[gi].laan_index]
        wanted = tuple(dict.fromkeys(s for s in (laan.intended_species.strip(), species_of[k]) if s))
        demands.append(GapDemand(
            laan_id=laan.id, laan_name=laan.name, x=float(px[k]), y=float(py[k]), species=wanted,
            mixed=laan.herplantstrategie is Herplantstrategie.GEMENGD,
            sortiment=sortiment[gap.laan_index] if sortiment else (),
            neighbour_stamomtrek_cm=None if math.isnan(mean_d[k]) else math.pi * float(mean_d[k]),
            soil_volume_m3=soil.get(laan.id), gap_index=gi, position_index=pi,
            cause_tree_id=gap.tree_ids[pi]))
    return demands, wijk_of


def _modes(pos: np.ndarray, values: np.ndarray, n: int) -> list[str]:
    """Most common non-empty value per position ('' when none)."""
    counters: list[Counter] = [Counter() for _ in range(n)]
    for p, v in zip(pos.tolist(), values.tolist(), strict=True):
        if v:
            counters[p][v] += 1
    return [c.most_common(1)[0][0] if c else "" for c in counters]
