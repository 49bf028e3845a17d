"""The demo base map drawn from the town plan: areas worked out by hand from the rules in
services/demo_base_map.py (road = tree row − 2.5 m verge; blocks 40 m long, 7 m apart,
from 5 m behind the tree row, 12 m deep)."""

import pytest
from shapely.geometry import LineString, Point

from bomenplan.domain.base_map import GEBOUWEN, GROEN, WATER, WEGEN, BaseMapFeature
from bomenplan.services.demo_base_map import demo_base_map
from bomenplan.services.demo_layout import LaanSpec
from bomenplan.services.demo_plan import brink


def street(name="Kerkstraat", two_sided=True, half_width=7.0, length=200.0):
    return LaanSpec(name, "Centrum", "Binnenstad", LineString([(0, 0), (length, 0)]), 10.0,
                    two_sided, half_width, ("Tilia cordata",), 1960)


def of(features, layer, kind=None):
    return [f for f in features if f.layer == layer and (kind is None or f.kind == kind)]


def test_a_street_becomes_a_named_road_between_its_tree_rows():
    features = demo_base_map([street()], [])
    (road,) = of(features, WEGEN)
    assert road.name == "Kerkstraat" and road.kind == "straat"
    assert road.geometry.area == pytest.approx(200 * 2 * 4.5)  # rows at ±7 m, kerb 2.5 m inside
    assert not road.geometry.contains(Point(100, 7.0))  # the trees stand in the verge


def test_building_blocks_line_both_sides_behind_the_trees():
    blocks = of(demo_base_map([street()], []), GEBOUWEN)
    # starts 8, 55, 102, 149 m (every 47 m while a half block still fits before 200 − 8 m)
    assert len(blocks) == 8
    assert all(b.geometry.area == pytest.approx(40 * 12) for b in blocks)
    ys = sorted(round(b.geometry.bounds[1]) for b in blocks)
    assert ys == [-24] * 4 + [12] * 4  # 7 + 5 m front garden, 12 m deep, on either side
    assert min(round(b.geometry.bounds[0]) for b in blocks) == 8


def test_blocks_are_cut_back_from_a_crossing_road():
    crossing = LaanSpec("Dwarsstraat", "Centrum", "Binnenstad", LineString([(30, -60), (30, 60)]),
                        10.0, True, 6.0, ("Tilia cordata",), 1960)
    features = demo_base_map([street(), crossing], [])
    cross_road = next(f.geometry for f in of(features, WEGEN) if f.name == "Dwarsstraat")
    for block in of(features, GEBOUWEN):
        assert block.geometry.distance(cross_road) >= 2.0 - 1e-6


def test_the_brink_is_a_paved_ring_around_a_lawn():
    features = demo_base_map([brink()], [])
    (square,) = of(features, WEGEN, "plein")
    (lawn,) = of(features, GROEN, "plantsoen")
    # the 140 × 90 m square: paved from 5 m inside to 8 m outside the ring of trees
    assert square.geometry.area == pytest.approx(156 * 106 - 130 * 80)
    assert lawn.geometry.area == pytest.approx(130 * 80)
    assert of(features, GEBOUWEN) == []


def test_the_vaart_is_water_with_quays_and_no_houses():
    vaart = LaanSpec("Vaart", "Centrum", "Binnenstad", LineString([(0, 0), (300, 0)]), 10.0, True,
                     14.0, ("Ulmus",), 1996)
    features = demo_base_map([vaart], [])
    (water,) = of(features, WATER)
    assert water.kind == "vaart" and water.geometry.area == pytest.approx(300 * 18)
    assert of(features, GEBOUWEN) == []
    assert of(features, GROEN)[0].name == "Asserbos"  # the wood is always there


def test_an_unknown_layer_is_refused():
    with pytest.raises(ValueError):
        BaseMapFeature("lucht", "", "", Point(0, 0).buffer(1))
