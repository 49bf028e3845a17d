"""Redevelopment check as a use case: plan area (drawn or from a file) → affected trees, saved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from bomenplan.domain.plan_check import AffectedTree, check_plan, max_reach_m, prepare_plan
from bomenplan.domain.roles import Permission
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.plan_files import read_plan_file

MAP_MARGIN_M = 30.0  # trees this far around the plan are drawn on the map


@dataclass(frozen=True)
class PlanCheckResult:
    plan_id: int | None
    name: str
    plan: MultiPolygon
    notes: list[str]
    affected: list[AffectedTree]
    trees_xy: list[tuple[float, float, bool]]  # nearby trees for the map: x, y, affected


def check_plan_area(uow, parts: list[BaseGeometry], name: str, source: str = "getekend",
                    notes: list[str] | None = None, save: bool = True) -> PlanCheckResult:
    """Validate (repairing when safe), check every living tree, and store plan and result."""
    notes = list(notes or [])
    with uow:
        bounds = uow.plans.register_bounds()
        plan, repair_notes = prepare_plan(parts, bounds, label=name)
        margin = max(max_reach_m(uow.plans.max_crown_diameter()), MAP_MARGIN_M)
        xmin, ymin, xmax, ymax = plan.bounds
        trees = uow.plans.protection_columns((xmin - margin, ymin - margin, xmax + margin, ymax + margin))
    notes += repair_notes
    affected = check_plan(plan, trees)
    plan_id = None
    if save:
        with uow:
            authorize(uow, Permission.PLANS)
            plan_id = uow.plans.save(name, source, plan, notes, affected)
            log_change(uow, "plan", plan_id, "getoetst", "", f"{name}: {len(affected)} bomen geraakt")
            uow.commit()
    hit = {a.tree_id for a in affected}
    xmin, ymin, xmax, ymax = plan.buffer(MAP_MARGIN_M).bounds
    mask = (trees.x >= xmin) & (trees.x <= xmax) & (trees.y >= ymin) & (trees.y <= ymax)
    nearby = [(float(x), float(y), int(i) in hit)
              for i, x, y in zip(trees.tree_id[mask], trees.x[mask], trees.y[mask], strict=True)]
    return PlanCheckResult(plan_id, name, plan, notes, affected, nearby)


def check_plan_file(uow, path: str | Path, save: bool = True) -> PlanCheckResult:
    parts, notes = read_plan_file(path)
    return check_plan_area(uow, parts, Path(path).stem, source=str(path), notes=notes, save=save)
