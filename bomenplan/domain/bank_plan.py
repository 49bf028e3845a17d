"""A transplant plan: each bank tree to at most one gap position and each position at most one
tree, best score first (greedy over the ranked proposals), grouped per wijk."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from bomenplan.domain.bank_matching import GapDemand, Proposals
from bomenplan.domain.bomenbank import BankTree


@dataclass(frozen=True)
class PlanLine:
    demand: GapDemand
    tree: BankTree
    score: float
    distance_km: float
    wijk: str


def assign_greedy(proposals: Proposals, wijken: list[str]) -> list[PlanLine]:
    """Highest score first; a tree or position already taken is skipped."""
    order = np.argsort(-proposals.score, kind="stable")
    used_trees: set[int] = set()
    used_positions: set[int] = set()
    lines = []
    for k in order.tolist():
        g, b = int(proposals.demand[k]), int(proposals.bank_index[k])
        if g in used_positions or b in used_trees:
            continue
        used_positions.add(g)
        used_trees.add(b)
        lines.append(PlanLine(proposals.demands[g], proposals.bank[b], float(proposals.score[k]),
                              float(proposals.distance_km[k]), wijken[g] if g < len(wijken) else ""))
    lines.sort(key=lambda line: (line.wijk, line.demand.laan_name, line.demand.y, line.demand.x))
    return lines


def by_wijk(lines: list[PlanLine]) -> dict[str, list[PlanLine]]:
    groups: dict[str, list[PlanLine]] = {}
    for line in lines:
        groups.setdefault(line.wijk or "(wijk onbekend)", []).append(line)
    return groups


def plan_cost(lines: list[PlanLine]) -> Decimal:
    return sum((line.tree.cost for line in lines), Decimal("0.00"))
