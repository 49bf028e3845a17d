"""Detected tree rows → Laan proposals. A candidate the laan rules refuse is left out and counted
by reason, so one odd row never aborts the detection of a whole city."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from bomenplan.domain.boomgroep_inference import GroupSettings, infer_boomgroep
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.laan import MAX_SPACING_M, MIN_SPACING_M, Laan, LaanType, spacing_is_valid
from bomenplan.domain.laan_rows import Row
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.values import Beleidsstatus, Boomgroep, TreeStatus

HOOFDSTRUCTUUR_SHARE = 0.5  # share of structuurbepalend trees that marks a hoofdbomenstructuur
SPACING_DECIMALS = 2  # a proposal's spacing is stored in cm
SKIP_SPACING = f"plantafstand niet tussen {MIN_SPACING_M:g} en {MAX_SPACING_M:g} m"
SKIP_PARK_GROUP = "rij door een boomgroep (park), geen laan"
RECORDED_ROW_SHARE = 0.5  # a row mostly recorded as laanbomen stays a laan, park or not


@dataclass(frozen=True)
class Detection:
    lanen: list[Laan]
    skipped: dict[str, int]  # reason → candidates not proposed
    boomgroep: np.ndarray  # per register row: the recorded value, or the inferred one if unknown
    inferred: dict[str, int]  # inferred boomgroep → trees it was inferred for


def make_proposals(groups: list[list[Row]], lines, keep: np.ndarray,
                   cols: RegisterColumns) -> tuple[list[tuple[list[Row], Laan]], dict[str, int]]:
    """(rows, laan) for every group the laan rules accept; skipped candidates by reason."""
    proposals, skipped, k = [], Counter(), 0
    for group in groups:
        group_lines = tuple(lines[k:k + len(group)])
        k += len(group)
        try:
            laan = _make_laan(group, group_lines, keep, cols)
        except ValidationError as exc:
            skipped[SKIP_SPACING if exc.field == "plantafstand" else
                    f"{exc.field}: door de laanregels geweigerd"] += 1
            continue
        proposals.append((group, laan))
    return proposals, dict(skipped)


def _make_laan(group: list[Row], lines: tuple, keep: np.ndarray, cols: RegisterColumns) -> Laan:
    spacing = round(float(np.average([r.spacing for r in group],
                                     weights=[len(r.positions) for r in group])), SPACING_DECIMALS)
    if not spacing_is_valid(spacing):
        raise ValidationError("plantafstand", f"{spacing:g} m")
    rows_idx = np.concatenate([keep[r.positions] for r in group])
    straten = Counter(str(s) for s in cols.straat[rows_idx] if s)
    straat = straten.most_common(1)[0][0] if straten else ""
    living = cols.status[rows_idx] == str(TreeStatus.LEVEND)
    species = Counter(str(s) for s in cols.species_name[rows_idx][living] if s)
    cx, cy = lines[0].centroid.x, lines[0].centroid.y
    name = straat or f"Bomenrij bij {cx:.0f}, {cy:.0f}"
    structural = (cols.beleidsstatus[rows_idx][living] == str(Beleidsstatus.STRUCTUURBEPALEND)).mean() \
        if living.any() else 0.0
    hoofd = bool(structural >= HOOFDSTRUCTUUR_SHARE)
    laan_type = (LaanType.HOOFDBOMENSTRUCTUUR if hoofd
                 else LaanType.WOONSTRAAT if straat else LaanType.PARKWEG)
    return Laan(id=None, name=name, rows=lines, spacing_m=spacing, straat=straat,
                laan_type=laan_type, hoofdbomenstructuur=hoofd,
                intended_species=species.most_common(1)[0][0] if species else "",
                tree_ids=tuple(int(t) for t in cols.id[rows_idx]))


def without_park_rows(proposals, skipped: dict[str, int], x, y, near_i, near_j,
                      recorded: np.ndarray, groups: GroupSettings) -> tuple[list[Laan], np.ndarray]:
    """The proposals that are no row through a park group (unless recorded as laanbomen), and
    the boomgroep inferred per position."""
    laan_of = np.full(len(x), -1, dtype=np.int64)
    direction = np.zeros((len(proposals), 2))
    for k, (group, _laan) in enumerate(proposals):
        for row in group:
            laan_of[row.positions] = k
        first = group[0].positions
        direction[k] = x[first[-1]] - x[first[0]], y[first[-1]] - y[first[0]]
    inferred = infer_boomgroep(x, y, near_i, near_j, laan_of, direction, groups)
    recorded_row = recorded == str(Boomgroep.LAANBOOM)
    lanen = []
    for k, (group, laan) in enumerate(proposals):
        positions = np.concatenate([row.positions for row in group])
        if inferred.park_rows[k] and recorded_row[positions].mean() < RECORDED_ROW_SHARE:
            skipped[SKIP_PARK_GROUP] = skipped.get(SKIP_PARK_GROUP, 0) + 1
        else:
            lanen.append(laan)
    return lanen, inferred.values
