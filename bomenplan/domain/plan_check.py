"""Redevelopment check: which trees' zones does a plan area touch, and what must be done.

The plan is a (multi)polygon in RD New metres. Trees come in as column arrays so a whole 300k
register is checked at once: a numpy bounding-box filter, then an STRtree over the plan parts
gives each nearby stem its distance to the plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.tree_protection import (
    KWETSBARE_ZONE_MARGIN_M,
    RPA_MAX_RADIUS_M,
    SOEST_ONE_SIDED_M,
    Measure,
    Zone,
    required_measures,
    zone_radii,
)

# A plan further than this from every tree of the register is taken to be outside the municipality.
MAX_DISTANCE_FROM_REGISTER_M = 5_000.0


class PlanAreaError(BomenplanError):
    """The plan area cannot be used; the message says why, in Dutch."""


@dataclass(frozen=True)
class ProtectionColumns:
    """Per tree: id, boomnummer, stem position, crown Ø (m), stem Ø (cm), beleidsstatus, verplantbaar."""

    tree_id: np.ndarray
    boomnummer: np.ndarray
    x: np.ndarray
    y: np.ndarray
    crown_diameter_m: np.ndarray  # NaN = unknown
    stem_diameter_cm: np.ndarray  # NaN = unknown
    beleidsstatus: np.ndarray
    verplantbaar: np.ndarray


@dataclass(frozen=True)
class AffectedTree:
    tree_id: int
    boomnummer: str
    distance_m: float  # stem centre to plan; 0 = inside
    zones: tuple[Zone, ...]
    measures: tuple[Measure, ...]
    kwetsbare_zone_m: float | None
    rpa_m: float | None
    graafafstand_m: float | None


def prepare_plan(parts: list[BaseGeometry], register_bounds: tuple[float, float, float, float] | None,
                 label: str = "plangebied") -> tuple[MultiPolygon, list[str]]:
    """Polygonal parts → one valid MultiPolygon, plus notes for the user. Raises PlanAreaError."""
    notes: list[str] = []
    polygons: list[Polygon] = []
    for i, geom in enumerate(parts, start=1):
        if geom is None or geom.is_empty:
            continue
        if not geom.is_valid:
            reason = shapely.is_valid_reason(geom)
            geom = shapely.make_valid(geom)
            kept = [g for g in _polygons(geom) if g.area > 0]
            if not kept:
                raise PlanAreaError(f"{label}, vlak {i}: ongeldige geometrie ({reason}) is niet te herstellen")
            notes.append(f"{label}, vlak {i}: ongeldige geometrie ({reason}) hersteld met make_valid; "
                         f"oppervlakte nu {sum(g.area for g in kept):.0f} m²")
            polygons += kept
            continue
        found = _polygons(geom)
        if not found:
            raise PlanAreaError(f"{label}, vlak {i}: is een {geom.geom_type}, geen vlak (polygoon)")
        polygons += found
    if not polygons or sum(p.area for p in polygons) <= 0:
        raise PlanAreaError(f"{label}: bevat geen vlak met oppervlakte")
    plan = MultiPolygon(polygons)
    if not plan.is_valid:  # overlapping parts
        plan = MultiPolygon(_polygons(shapely.make_valid(shapely.union_all(polygons))))
    if register_bounds is not None:
        xmin, ymin, xmax, ymax = register_bounds
        box = shapely.box(xmin, ymin, xmax, ymax)
        gap = plan.distance(box)
        if gap > MAX_DISTANCE_FROM_REGISTER_M:
            raise PlanAreaError(f"{label}: ligt {gap / 1000:.1f} km buiten de gemeente (het gebied van het "
                                "register); controleer het coördinatenstelsel")
    return plan, notes


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def max_reach_m(max_crown_diameter_m: float | None) -> float:
    """How far from the plan a stem can be and still have a zone touched (crown, RPA cap, Soest table)."""
    crown = max_crown_diameter_m or 0.0
    return max(crown / 2.0 + KWETSBARE_ZONE_MARGIN_M, RPA_MAX_RADIUS_M, max(SOEST_ONE_SIDED_M))


def check_plan(plan: BaseGeometry, trees: ProtectionColumns) -> list[AffectedTree]:
    """Every tree whose kwetsbare boomzone, RPA or digging distance reaches the plan, nearest first."""
    if len(trees.x) == 0:
        return []
    crown_max = np.nanmax(trees.crown_diameter_m) if np.isfinite(trees.crown_diameter_m).any() else None
    max_reach = max_reach_m(crown_max)
    xmin, ymin, xmax, ymax = plan.bounds
    near = np.flatnonzero((trees.x >= xmin - max_reach) & (trees.x <= xmax + max_reach)
                          & (trees.y >= ymin - max_reach) & (trees.y <= ymax + max_reach))
    if len(near) == 0:
        return []
    index = shapely.STRtree(_polygons(plan))
    points = shapely.points(trees.x[near], trees.y[near])
    (point_idx, _part_idx), dist = index.query_nearest(points, max_distance=max_reach, return_distance=True)
    best = np.full(len(near), np.inf)
    np.minimum.at(best, point_idx, dist)
    reached = np.isfinite(best)
    near, d = near[reached], best[reached]
    kz, rpa, dig = zone_radii(trees.crown_diameter_m[near], trees.stem_diameter_cm[near])
    with np.errstate(invalid="ignore"):
        in_kz, in_rpa, in_dig = d <= kz, d <= rpa, d <= dig  # NaN radius → False
    unknown = ~(np.isfinite(kz) & np.isfinite(rpa)) & ~(in_kz | in_rpa | in_dig) & (d <= RPA_MAX_RADIUS_M)
    hit = np.flatnonzero(in_kz | in_rpa | in_dig | unknown)
    status = trees.beleidsstatus[near[hit]].tolist()
    movable = trees.verplantbaar[near[hit]].tolist()
    ids, numbers = trees.tree_id[near[hit]].tolist(), trees.boomnummer[near[hit]].tolist()
    radii = [np.where(np.isfinite(r[hit]), r[hit], np.nan).tolist() for r in (kz, rpa, dig)]
    flags = np.column_stack([in_kz[hit], in_rpa[hit], in_dig[hit], unknown[hit]]).tolist()
    cache: dict = {}
    out = []
    for j, (fkz, frpa, fdig, funk) in enumerate(flags):
        dj = float(d[hit[j]])
        key = (fkz, frpa, fdig, funk, status[j], bool(movable[j]) and dj == 0.0)
        if key not in cache:
            zones = tuple(z for z, f in ((Zone.KWETSBARE_BOOMZONE, fkz), (Zone.RPA, frpa),
                                         (Zone.GRAAFAFSTAND, fdig), (Zone.ONBEKEND, funk)) if f)
            cache[key] = zones, required_measures(zones, 0.0 if key[5] else dj, str(status[j]), key[5])
        zones, measures = cache[key]
        out.append(AffectedTree(ids[j], str(numbers[j]), dj, zones, measures,
                                *(None if math.isnan(r[j]) else r[j] for r in radii)))
    out.sort(key=lambda a: (a.distance_m, a.boomnummer))
    return out
