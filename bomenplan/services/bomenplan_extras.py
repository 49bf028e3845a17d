"""Parts of the Bomenplan report that come from the other registers: sortiment matrix, standplaats
problems, bomenbank stock and the 3-30-300 monitor. None = no data for this area."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
import shapely

from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.rule_3_30_300 import BuurtResult, assign
from bomenplan.domain.soil_volume import ShortageSummary
from bomenplan.services.bomenplan_soil_bank import (
    BankMatchRow,
    bank_matches_per_laan,
    soil_shortage_per_straat,
)


@dataclass(frozen=True)
class Extras:
    sortiment: list[tuple[str, ...]] | None  # one row per matrix rule
    sortiment_version: str
    standplaats: tuple[int, int] | None  # (sites with open problems, open problems)
    bank: list[tuple[str, int]] | None  # bomenbank trees per status
    bank_species: list[tuple[str, int]] | None
    buurten_3_30_300: list[BuurtResult] | None
    notes_3_30_300: tuple[str, ...] = ()
    soil_per_straat: list[ShortageSummary] | None = None  # straten with a soil-volume shortage
    bank_matches: list[BankMatchRow] | None = None  # best bomenbank proposals per laan


def _any(value) -> str:
    return "alle" if value is None else ("ja" if value is True else "nee" if value is False else str(value))


def sortiment_rows(uow) -> tuple[list[tuple[str, ...]], str]:
    from bomenplan.services.sortiment_data import current_matrix

    with uow:
        matrix = current_matrix(uow)
    rows = [(_any(r.laan_type), _any(r.kroonruimte), _any(r.verharding), _any(r.kabels_leidingen),
             ", ".join(str(g) for g in r.grootteklassen), ", ".join(r.voorkeursoorten))
            for r in sorted(matrix.rules, key=lambda r: (-r.specificity, r.line))]
    return rows, matrix.version


def standplaats_counts(uow, cols: RegisterColumns) -> tuple[int, int] | None:
    from bomenplan.services.standplaats import problem_sites

    sites = set(int(s) for s in cols.site_id if s > 0)
    mine = [(site, n) for site, _x, _y, n in problem_sites(uow) if site in sites]
    return (len(mine), sum(n for _s, n in mine)) if mine else None


def bank_counts(uow) -> tuple[list[tuple[str, int]] | None, list[tuple[str, int]] | None]:
    from bomenplan.services.bomenbank import list_bank

    bank = list_bank(uow)
    if not bank:
        return None, None
    status = Counter(str(b.status) for b in bank)
    species = Counter(b.species_name for b in bank if str(b.status) == "beschikbaar")
    return sorted(status.items()), sorted(species.items(), key=lambda kv: (-kv[1], kv[0]))[:10]


def _holding_trees(monitor, cols: RegisterColumns) -> list[bool]:
    """Per buurt of the monitor: does it hold trees of `cols` (by polygon when it has them)?"""
    if monitor.outlines is None:
        mine = set(str(b) for b in np.unique(cols.buurt))
        return [b.buurt in mine for b in monitor.buurten]
    home = assign(shapely.points(cols.x, cols.y), monitor.outlines)
    held = set(np.unique(home[home >= 0]).tolist())
    return [i in held for i in range(len(monitor.buurten))]


def gather(uow_factory, cols: RegisterColumns, monitor=None, scope=None, on: date | None = None) -> Extras:
    """`monitor`: a MonitorResult (services/monitor_3_30_300.py) or None; its buurten are kept when
    they hold trees of `cols`. `scope` (kind, name) and `on` select the bomenbank proposals."""
    rows, version = sortiment_rows(uow_factory())
    status, species = bank_counts(uow_factory())
    buurten, notes = None, ()
    if monitor is not None:
        buurten = [b for b, keep in zip(monitor.buurten, _holding_trees(monitor, cols), strict=True) if keep] or None
        notes = tuple(monitor.notes)
    matches = None
    if status and any(k == "beschikbaar" for k, _n in status):
        kind, name = (scope.kind, scope.name) if scope is not None else ("alles", "")
        matches = bank_matches_per_laan(uow_factory(), kind, name, on or date.today()) or None
    return Extras(rows or None, version, standplaats_counts(uow_factory(), cols), status, species,
                  buurten, notes, soil_shortage_per_straat(uow_factory(), cols), matches)
