"""3-30-300 on hand-built geometry (metres); every expected value is worked out in the comments."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from bomenplan.domain.rule_3_30_300 import Rule3030300, crowns, evaluate, green_distance, trees_near

BUURTEN = np.array([box(0, 0, 100, 100), box(100, 0, 200, 100)])  # A, B: 10 000 m² each
D1, D2, D3 = box(10, 10, 20, 20), box(60, 60, 70, 70), box(180, 20, 190, 30)  # D1, D2 in A; D3 in B
DWELLINGS = np.array([D1, D2, D3])
# distance to D1: 5, 10, 14, 16 m; to D2: (75,65) 5 m, (65,80) 10 m
TREES = shapely.points([(25, 15), (20, 30), (15, 34), (15, 36), (75, 65), (65, 80)])
# crowns in A: 40×40 + 40×40 − 20×20 overlap = 2 800 m²; the third straddles A|B: 500 m² each
CROWNS = np.array([box(0, 0, 40, 40), box(20, 20, 60, 60), box(90, 0, 110, 50)])
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
    a, b = evaluate(["A", "B"], BUURTEN, DWELLINGS, TREES, CROWNS, GREENS)
    assert (a.dwellings, a.with_3_trees, a.near_green, a.all_three) == (2, 1, 2, 1)
    assert a.canopy_m2 == pytest.approx(3_300.0) and a.canopy_pct == pytest.approx(33.0)
    assert a.pct(a.with_3_trees) == 50.0
    assert (b.dwellings, b.with_3_trees, b.near_green, b.all_three) == (1, 0, 0, 0)
    assert b.canopy_pct == pytest.approx(5.0)


def test_thresholds_are_settings():
    rule = Rule3030300(min_trees=2, canopy_pct=40.0, min_green_area_m2=10.0)
    a, b = evaluate(["A", "B"], BUURTEN, DWELLINGS, TREES, CROWNS, GREENS, rule)
    assert a.with_3_trees == 2 and a.all_three == 0  # 33 % canopy < 40 %: nobody meets all three
    assert b.near_green == 1  # the 50 m² green now counts, 10 m away


def test_crown_discs_have_the_crown_area():
    (disc,) = crowns(np.array([0.0]), np.array([0.0]), np.array([10.0]))
    assert disc.area == pytest.approx(math.pi * 25, rel=0.03)
