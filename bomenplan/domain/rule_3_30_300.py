"""The 3-30-300 rule per buurt (Konijnendijk 2023, J. For. Res. 34:821-830; DOMAIN.md §8), in bulk
with STRtrees, following the NINA implementation (NINAnor/itree-support-tools, calc_rule_3_30_300.py):
  3   = a dwelling has ≥ 3 trees within 15 m of its footprint (Nieuwenhuijsen 2022, Barcelona);
  30  = crown area (union, clipped to the buurt) ÷ buurt area ≥ 30 %;
  300 = a public green area of ≥ 0.5 ha lies within 300 m (Euclidean) of the dwelling.
All thresholds are settings. Results per buurt are shares of dwellings, as NINA and TALEA report."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)


@dataclass(frozen=True)
class Rule3030300:
    min_trees: int = 3
    tree_distance_m: float = 15.0
    canopy_pct: float = 30.0
    green_distance_m: float = 300.0
    min_green_area_m2: float = 5_000.0  # WHO/ISGlobal 0,5 ha; set 10 000 for the 1 ha variant


DEFAULT_RULE = Rule3030300()


@dataclass(frozen=True)
class BuurtResult:
    buurt: str
    area_m2: float
    dwellings: int
    with_3_trees: int
    canopy_m2: float
    near_green: int
    all_three: int  # dwellings meeting 3 and 300 in a buurt that meets 30

    @property
    def canopy_pct(self) -> float:
        return 100.0 * self.canopy_m2 / self.area_m2 if self.area_m2 else 0.0

    def pct(self, count: int) -> float:
        return 100.0 * count / self.dwellings if self.dwellings else 0.0


def crowns(x: np.ndarray, y: np.ndarray, crown_diameter_m: np.ndarray) -> np.ndarray:
    """Crown polygons: discs of the crown diameter around each trunk (16-sided, area within 3 %)."""
    return shapely.buffer(shapely.points(x, y), np.asarray(crown_diameter_m, "f8") / 2.0, quad_segs=4)


def trees_near(dwellings: np.ndarray, trees: np.ndarray, distance_m: float) -> np.ndarray:
    """Per dwelling footprint the number of tree points within `distance_m` of it."""
    if not len(dwellings) or not len(trees):
        return np.zeros(len(dwellings), "i8")
    pairs = shapely.STRtree(trees).query(dwellings, predicate="dwithin", distance=distance_m)
    return np.bincount(pairs[0], minlength=len(dwellings))


def green_distance(dwellings: np.ndarray, greens: np.ndarray, min_area_m2: float) -> np.ndarray:
    """Per dwelling the distance to the nearest green polygon of at least `min_area_m2` (inf: none)."""
    big = greens[shapely.area(greens) >= min_area_m2] if len(greens) else greens
    out = np.full(len(dwellings), np.inf)
    if not len(big) or not len(dwellings):
        return out
    (left, _right), dist = shapely.STRtree(big).query_nearest(dwellings, return_distance=True,
                                                               all_matches=False)
    out[left] = dist
    return out


def assign(points: np.ndarray, buurten: np.ndarray) -> np.ndarray:
    """Index of the buurt polygon holding each point (-1: none; the first when they overlap)."""
    out = np.full(len(points), -1, "i8")
    if not len(points) or not len(buurten):
        return out
    pt, bu = shapely.STRtree(buurten).query(points, predicate="within")
    first = np.unique(pt, return_index=True)[1]
    out[pt[first]] = bu[first]
    return out


def evaluate(names: list[str], buurten: np.ndarray, dwellings: np.ndarray, tree_points: np.ndarray,
             crown_polys: np.ndarray, greens: np.ndarray, rule: Rule3030300 = DEFAULT_RULE,
             progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> list[BuurtResult]:
    """3-30-300 per buurt; a dwelling belongs to the buurt holding its centroid."""
    near = trees_near(dwellings, tree_points, rule.tree_distance_m) >= rule.min_trees
    progress(0.3)
    green_ok = green_distance(dwellings, greens, rule.min_green_area_m2) <= rule.green_distance_m
    progress(0.5)
    home = assign(shapely.centroid(dwellings), buurten)
    crown_tree = shapely.STRtree(crown_polys) if len(crown_polys) else None
    results = []
    for i, (name, polygon) in enumerate(zip(names, buurten, strict=True)):
        check_cancelled(cancelled)
        canopy = 0.0
        if crown_tree is not None:
            hits = crown_tree.query(polygon, predicate="intersects")
            if len(hits):
                canopy = shapely.intersection(shapely.union_all(crown_polys[hits]), polygon).area
        mine = home == i
        area = float(polygon.area)
        meets_30 = area > 0 and 100.0 * canopy / area >= rule.canopy_pct
        results.append(BuurtResult(name, area, int(mine.sum()), int((near & mine).sum()), float(canopy),
                                   int((green_ok & mine).sum()),
                                   int((near & green_ok & mine).sum()) if meets_30 else 0))
        progress(0.5 + 0.5 * (i + 1) / len(names))
    return results
