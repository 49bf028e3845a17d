"""Report rows from the standplaats and bomenbank registers: soil-volume shortage per straat
(services/soil_summary.py) and the best bomenbank proposals per laan (services/bomenbank.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.soil_volume import ShortageSummary, summarize_shortages

TOP_STRATEN = 25  # straten with the largest shortage shown
TOP_PER_LAAN = 3  # best proposals shown per laan
TOP_LANEN = 20


@dataclass(frozen=True)
class BankMatchRow:
    laan: str
    open_positions: int  # gap positions of the laan in the scope
    code: str  # bomenbank tree label
    species_name: str
    stamomtrek_cm: float
    location: str
    score: float  # 0–1, higher fits better


def soil_shortage_per_straat(uow, cols: RegisterColumns) -> list[ShortageSummary] | None:
    """Per straat of the scope's trees that have a standplaats record: trees, known, short and the
    summed shortage in m³; straten with a shortage only, largest first. None: no records."""
    from bomenplan.services.soil_summary import soil_columns

    soil = soil_columns(uow)
    mine = np.isin(soil["tree_id"], cols.id)
    if not mine.any():
        return None
    rows = summarize_shortages(soil["straat"][mine], soil["available_m3"][mine], soil["required_m3"][mine])
    rows = [r for r in rows if r.n_short > 0]
    rows.sort(key=lambda r: (-r.shortage_m3, r.key))
    return rows[:TOP_STRATEN]


def bank_matches_per_laan(uow, scope_kind: str, scope_name: str, on: date) -> list[BankMatchRow]:
    """For each laan with open gap positions in the scope, its best bomenbank proposals: the
    proposals ranked 1 for a position, best score first, each bank tree once per laan."""
    from bomenplan.services.bomenbank import match

    result = match(uow, on)
    p = result.proposals
    wanted = [_in_scope(d.laan_name, result.wijken[i], scope_kind, scope_name) for i, d in enumerate(p.demands)]
    positions: dict[str, int] = {}
    for i, d in enumerate(p.demands):
        if wanted[i]:
            positions[d.laan_name] = positions.get(d.laan_name, 0) + 1
    best: dict[str, dict[int, BankMatchRow]] = {}
    order = np.argsort(-p.score, kind="stable") if len(p) else []
    for k in order:
        demand_i, bank_i = int(p.demand[k]), int(p.bank_index[k])
        if not wanted[demand_i] or int(p.rank[k]) != 1:
            continue
        d, b = p.demands[demand_i], p.bank[bank_i]
        per_laan = best.setdefault(d.laan_name, {})
        if len(per_laan) < TOP_PER_LAAN and bank_i not in per_laan:
            per_laan[bank_i] = BankMatchRow(d.laan_name, positions[d.laan_name], b.code, b.species_name,
                                            b.stamomtrek_cm, b.location, float(p.score[k]))
    lanen = sorted(best, key=lambda name: (-max(r.score for r in best[name].values()), name))[:TOP_LANEN]
    return [row for name in lanen for row in best[name].values()]


def _in_scope(laan_name: str, wijk: str, kind: str, name: str) -> bool:
    if kind == "wijk":
        return wijk == name
    if kind == "laan":
        return laan_name == name
    return True
