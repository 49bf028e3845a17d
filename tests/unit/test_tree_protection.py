"""Zones around a tree, worked out by hand from the cited rules (DOMAIN.md §4)."""

import math

import numpy as np
import pytest
from shapely.geometry import LineString, Polygon, box

from bomenplan.domain.plan_check import PlanAreaError, ProtectionColumns, check_plan, prepare_plan
from bomenplan.domain.tree_protection import (
    Measure,
    Zone,
    digging_distance_m,
    kwetsbare_boomzone_radius_m,
    rpa_radius_m,
    zone_radii,
)


def test_kwetsbare_boomzone_is_crown_radius_plus_one_and_a_half_metre():
    assert kwetsbare_boomzone_radius_m(8.0) == pytest.approx(5.5)  # 8/2 + 1.5


@pytest.mark.parametrize("stem_cm, radius", [(50, 6.0), (100, 12.0), (125, 15.0)])
def test_rpa_is_twelve_times_stem_diameter(stem_cm, radius):
    assert rpa_radius_m(stem_cm) == pytest.approx(radius, abs=0.01)


def test_rpa_area_capped_at_707_square_metres():
    r = rpa_radius_m(150)  # 12 × 1.5 m = 18 m uncapped
    assert math.pi * r * r == pytest.approx(707.0)
    assert r == pytest.approx(15.0, abs=0.01)


@pytest.mark.parametrize("stem_cm, one_sided, expected", [
    (30, False, 1.325),  # halfway 1.15 (20 cm) and 1.50 (40 cm)
    (70, False, 2.0),  # halfway 1.75 and 2.25
    (125, True, 4.5),  # halfway 4.0 (100 cm) and 5.0 (150 cm)
    (40, True, 2.5),  # table value
    (10, False, 1.15),  # below the table: its first value
    (200, False, 3.5),  # above the table: its last value
])
def test_soest_digging_distance_interpolates_linearly(stem_cm, one_sided, expected):
    assert digging_distance_m(stem_cm, one_sided) == pytest.approx(expected)


def test_zone_radii_are_nan_where_size_is_unknown():
    kz, rpa, dig = zone_radii(np.array([8.0, np.nan]), np.array([np.nan, 30.0]))
    assert kz[0] == pytest.approx(5.5) and math.isnan(kz[1])
    assert math.isnan(rpa[0]) and rpa[1] == pytest.approx(3.6)
    assert math.isnan(dig[0]) and dig[1] == pytest.approx(1.325)


X0, Y0 = 150_000.0, 450_000.0
PLAN = box(X0, Y0, X0 + 10, Y0 + 10)


def _trees(rows):
    cols = list(zip(*rows, strict=True))
    return ProtectionColumns(
        tree_id=np.array(cols[0]), boomnummer=np.array(cols[1], dtype=object),
        x=np.array(cols[2], dtype=float), y=np.array(cols[3], dtype=float),
        crown_diameter_m=np.array(cols[4], dtype=float), stem_diameter_cm=np.array(cols[5], dtype=float),
        beleidsstatus=np.array(cols[6], dtype=object), verplantbaar=np.array(cols[7], dtype=bool))


def test_plan_check_lists_touched_zones_and_measures():
    trees = _trees([
        # id, nr, x, y, crown m, stem cm, status, verplantbaar
        (1, "A", X0 + 15, Y0 + 5, 8.0, 30.0, "geen", False),  # 5 m away: kz 5.5 yes, RPA 3.6 no, dig 1.325 no
        (2, "B", X0 + 5, Y0 + 5, 6.0, 40.0, "monumentaal", True),  # inside
        (3, "C", X0 + 30, Y0 + 5, np.nan, np.nan, "geen", False),  # 20 m, unknown: beyond 15 m
        (4, "D", X0 + 20, Y0 + 5, np.nan, np.nan, "geen", False),  # 10 m, unknown size
        (5, "E", X0 + 13, Y0 + 5, 2.0, 20.0, "geen", False),  # 3 m: kz 2.5, RPA 2.4, dig 1.15 → none
    ])
    found = {a.boomnummer: a for a in check_plan(PLAN, trees)}
    assert set(found) == {"A", "B", "D"}
    assert found["A"].distance_m == pytest.approx(5.0)
    assert found["A"].zones == (Zone.KWETSBARE_BOOMZONE,)
    assert found["A"].measures == (Measure.WERKPLAN, Measure.HEKWERK)
    assert found["B"].distance_m == 0.0
    assert found["B"].zones == (Zone.KWETSBARE_BOOMZONE, Zone.RPA, Zone.GRAAFAFSTAND)
    assert found["B"].measures == (Measure.BEA, Measure.WERKPLAN, Measure.HEKWERK, Measure.GRAAFAFSTAND,
                                   Measure.VERPLANTEN)
    assert found["D"].zones == (Zone.ONBEKEND,)
    assert Measure.BEOORDELEN in found["D"].measures
    assert [a.boomnummer for a in check_plan(PLAN, trees)][0] == "B"  # nearest first


def test_plan_check_uses_nearest_of_several_parts():
    far_part = box(X0 + 100, Y0, X0 + 110, Y0 + 10)
    plan, _ = prepare_plan([far_part, PLAN], None)
    trees = _trees([(1, "A", X0 + 15, Y0 + 5, 8.0, 30.0, "geen", False)])
    assert check_plan(plan, trees)[0].distance_m == pytest.approx(5.0)


def test_invalid_bowtie_is_repaired_and_the_user_told():
    bowtie = Polygon([(X0, Y0), (X0 + 10, Y0 + 10), (X0 + 10, Y0), (X0, Y0 + 10)])
    plan, notes = prepare_plan([bowtie], (X0, Y0, X0 + 100, Y0 + 100))
    assert plan.is_valid
    assert plan.area == pytest.approx(50.0)  # two triangles of 25 m²
    assert len(notes) == 1 and "make_valid" in notes[0] and "vlak 1" in notes[0]


@pytest.mark.parametrize("parts, text", [
    ([], "geen vlak"),
    ([Polygon()], "geen vlak"),
    ([LineString([(X0, Y0), (X0 + 5, Y0)])], "LineString"),
])
def test_empty_or_non_polygon_plans_are_refused(parts, text):
    with pytest.raises(PlanAreaError, match=text):
        prepare_plan(parts, None)


def test_plan_far_outside_the_register_is_refused():
    far = box(X0 + 50_000, Y0, X0 + 50_010, Y0 + 10)
    with pytest.raises(PlanAreaError, match="km buiten de gemeente"):
        prepare_plan([far], (X0, Y0, X0 + 1000, Y0 + 1000))


def test_tree_in_a_hole_of_the_plan_is_measured_to_the_hole_edge():
    outer = [(X0 - 50, Y0 - 50), (X0 + 50, Y0 - 50), (X0 + 50, Y0 + 50), (X0 - 50, Y0 + 50)]
    hole = [(X0 - 5, Y0 - 5), (X0 + 5, Y0 - 5), (X0 + 5, Y0 + 5), (X0 - 5, Y0 + 5)]
    plan, _ = prepare_plan([Polygon(outer, [hole])], None)
    trees = _trees([(1, "A", X0, Y0, 8.0, 30.0, "geen", True)])  # 5 m from every hole edge
    (a,) = check_plan(plan, trees)
    assert a.distance_m == pytest.approx(5.0)
    assert a.zones == (Zone.KWETSBARE_BOOMZONE,)  # 5 ≤ 5.5; RPA 3.6 and 1.325 m not reached
    assert Measure.VERPLANTEN not in a.measures  # not inside the plan itself
