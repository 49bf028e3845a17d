"""3-30-300 on hand-built geometry (metres); every expected value is worked out in the comments."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from bomenplan.domain.rule_3_30_300 import (
    Rule3030300,
    canopy_per_buurt,
    crowns,
    evaluate,
    green_distance,
    trees_near,
)

BUURTEN = np.array([box(0, 0, 100, 100), box(100, 0, 200, 100)])  # A, B: 10 000 m² each
D1, D2, D3 = box(10, 10, 20, 20), box(60, 60, 70, 70), box(180, 20, 190, 30)  # D1, D2 in A; D3 in B
DWELLINGS = np.array([D1, D2, D3])
# distance to D1: 5, 10, 14, 16 m; to D2: (75,65) 5 m, (65,80) 10 m
TREES = shapely.points([(25, 15), (20, 30), (15, 34), (15, 36), (75, 65), (65, 80)])
# crown trees, none within 15 m of a dwelling: r 18 m at (80,25) = 1 017,88 m² and r 25 m at (30,72)
# = 1 963,50 m², apart (68,6 m > 43 m); r 10 m at (100,75) straddles A|B: 157,08 m² each.
# A: 3 138,46 m² = 31,4 % (meets 30); B: 157,08 m² = 1,6 %. The six trees above have no crown.
CROWN_XY = np.array([(80.0, 25.0), (30.0, 72.0), (100.0, 75.0)])
TREE_XY = np.vstack([shapely.get_coordinates(TREES), CROWN_XY])
TREE_D = np.array([0.0] * 6 + [36.0, 50.0, 20.0])
# G1 6 000 m²: D1 290 m, D2 240 m, D3 √(120² + 280²) = 304,6 m; G2 only 50 m², 10 m from D3
GREENS = np.array([box(0, 310, 60, 410), box(180, 40, 190, 45)])


def test_trees_within_15_m_of_each_dwelling():
    assert trees_near(DWELLINGS, TREES, 15.0).tolist() == [3, 2, 0]


def test_distance_to_green_ignores_areas_below_the_minimum():
    d = green_distance(DWELLINGS, GREENS, 5_000.0)
    assert d.tolist() == pytest.approx([290.0, 240.0, math.hypot(120, 280)])
    assert green_distance(DWELLINGS, GREENS, 10.0)[2] == pytest.approx(10.0)
    assert np.isinf(green_distance(DWELLINGS, GREENS[:0], 5_000.0)).all()


def test_per_buurt_shares_and_canopy():
    a, b = evaluate(["A", "B"], BUURTEN, DWELLINGS, TREE_XY, TREE_D, GREENS)
    assert (a.dwellings, a.with_3_trees, a.near_green, a.all_three) == (2, 1, 2, 1)
    assert a.canopy_m2 == pytest.approx(3_138.46, rel=0.02) and a.canopy_pct >= 30.0
    assert a.pct(a.with_3_trees) == 50.0
    assert (b.dwellings, b.with_3_trees, b.near_green, b.all_three) == (1, 0, 0, 0)
    assert b.canopy_m2 == pytest.approx(157.08, rel=0.02)


def test_thresholds_are_settings():
    rule = Rule3030300(min_trees=2, canopy_pct=40.0, min_green_area_m2=10.0)
    a, b = evaluate(["A", "B"], BUURTEN, DWELLINGS, TREE_XY, TREE_D, GREENS, rule)
    assert a.with_3_trees == 2 and a.all_three == 0  # 31 % canopy < 40 %: nobody meets all three
    assert b.near_green == 1  # the 50 m² green now counts, 10 m away


def test_overlapping_crowns_count_once_and_outside_parts_not_at_all():
    # two r = 20 m discs 28,28 m apart: 2 × 1 256,64 − lens (800·acos(0,7071) − 14,142·28,284
    # = 228,32) = 2 284,95 m², all inside A
    xy = np.array([(30.0, 30.0), (50.0, 50.0)])
    a, b = canopy_per_buurt(xy[:, 0], xy[:, 1], np.array([40.0, 40.0]), BUURTEN)
    assert a == pytest.approx(2_284.95, rel=0.02) and b == 0.0
    # one r = 30 m disc on the A|B border at y = 50: half (1 413,72 m²) in each
    a, b = canopy_per_buurt(np.array([100.0]), np.array([50.0]), np.array([60.0]), BUURTEN)
    assert a == pytest.approx(1_413.72, rel=0.02) and b == pytest.approx(1_413.72, rel=0.02)


def test_crown_discs_have_the_crown_area():
    (disc,) = crowns(np.array([0.0]), np.array([0.0]), np.array([10.0]))
    assert disc.area == pytest.approx(math.pi * 25, rel=0.03)
