"""The demo generator: regular laan geometry, intended gaps, valid rows, determinism."""

from collections import Counter

import numpy as np
import pytest
from shapely.geometry import LineString, Point

from bomenplan.domain.tree import Tree
from bomenplan.domain.values import Boomgroep, TreeStatus
from bomenplan.services.demo_generate import generate
from bomenplan.services.demo_layout import (
    GAP_KINDS,
    GAP_ONTBREEKT,
    REPLACEMENT,
    LaanSpec,
    curved_line,
    expected_positions,
    pick_gaps,
    plan_laan,
    positions_along,
    row_lines,
    scatter_group,
)
from bomenplan.services.demo_plan import HOOFDLAAN, WIJKEN
from bomenplan.services.demo_trees import SPECIES, measure


def _spec(**changes):
    base = dict(straat="Proeflaan", wijk="Centrum", buurt="B", spacing_m=10.0, two_sided=True,
                half_width_m=6.0, species=("Tilia × europaea",), plantjaar=1950,
                centre=LineString([(233000, 557000), (233500, 557000)]))
    base.update(changes)
    return LaanSpec(**base)


@pytest.mark.parametrize("spacing", [8.0, 10.0, 12.0])
@pytest.mark.parametrize("bulge", [0.0, 25.0])
def test_positions_along_are_regularly_spaced(spacing, bulge):
    line = curved_line((233000, 557000), (233400, 557100), bulge)
    xy = positions_along(line, spacing, np.random.default_rng(1), jitter_m=0.3)
    steps = np.hypot(*np.diff(xy, axis=0).T)
    # jitter of ±0.3 m per axis moves each step by at most 2·0.3·√2; the curve shortens chords a bit
    assert np.all(np.abs(steps - spacing) < 0.9)
    assert len(xy) == int((line.length - 8.0) // spacing) + 1


def test_curved_line_bulges_by_the_given_amount_and_straight_line_does_not():
    straight = curved_line((0, 0), (100, 0), 0.0)
    curved = curved_line((0, 0), (100, 0), 20.0)
    assert straight.length == pytest.approx(100.0)
    assert curved.interpolate(0.5, normalized=True).y == pytest.approx(20.0, abs=0.5)
    assert Point(curved.coords[0]).equals(Point(0, 0)) and Point(curved.coords[-1]).equals(Point(100, 0))


def test_two_sided_rows_lie_on_both_sides_at_half_width():
    centre = LineString([(0, 0), (100, 0)])
    left, right = row_lines(centre, True, 6.0)
    assert {round(left.coords[0][1], 6), round(right.coords[0][1], 6)} == {6.0, -6.0}
    assert len(row_lines(centre, False, 4.0)) == 1


def test_pick_gaps_honours_minimum_and_fraction():
    rng = np.random.default_rng(3)
    kinds = pick_gaps(200, 0.0, rng, minimum=30)
    assert sum(k in GAP_KINDS for k in kinds) == 30
    assert pick_gaps(100, 0.0, rng) == [None] * 100
    many = pick_gaps(1000, 0.1, rng, replacement_fraction=0.05)
    counts = Counter(many)
    assert 60 < sum(counts[k] for k in GAP_KINDS) < 140
    assert 20 < counts[REPLACEMENT] < 80


def test_plan_laan_gaps_are_where_intended_and_rest_is_regular():
    spec = _spec(gap_fraction=0.1, min_gaps=8)
    plan = plan_laan(spec, np.random.default_rng(5))
    gaps = [p for p in plan if p.kind in GAP_KINDS]
    assert len(gaps) >= 8
    assert {p.row for p in plan} == {0, 1}
    for row in (0, 1):  # positions of each row stay regular, gaps included
        xy = np.array([[p.x, p.y] for p in sorted(plan, key=lambda p: p.index) if p.row == row])
        assert np.all(np.abs(np.hypot(*np.diff(xy, axis=0).T) - 10.0) < 0.9)


def test_plan_laan_mixed_species_alternate():
    plan = plan_laan(_spec(species=("Quercus robur", "Quercus rubra"), gap_fraction=0.0),
                     np.random.default_rng(1))
    row0 = sorted((p for p in plan if p.row == 0), key=lambda p: p.index)
    assert [p.species for p in row0[:4]] == ["Quercus robur", "Quercus rubra"] * 2


def test_hoofdlaan_misses_at_least_25_trees():
    plan = plan_laan(HOOFDLAAN, np.random.default_rng(2040))
    assert sum(p.kind in GAP_KINDS for p in plan) >= 25
    assert any(p.kind == REPLACEMENT for p in plan)
    assert len(expected_positions(HOOFDLAAN)) == len(plan)


def test_plan_is_deterministic_per_seed():
    a = plan_laan(_spec(gap_fraction=0.1), np.random.default_rng(9))
    b = plan_laan(_spec(gap_fraction=0.1), np.random.default_rng(9))
    c = plan_laan(_spec(gap_fraction=0.1), np.random.default_rng(10))
    assert a == b
    assert a != c


def test_scatter_group_keeps_distance_and_avoids():
    rng = np.random.default_rng(4)
    avoid = np.array([[0.0, 0.0]])
    xy = scatter_group((0.0, 0.0), 30.0, 25, 6.0, rng, avoid, 8.0)
    assert len(xy) == 25
    d = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    assert d[np.triu_indices(len(xy), 1)].min() >= 6.0
    assert np.hypot(*xy.T).max() <= 30.0 and np.hypot(*xy.T).min() >= 8.0


def test_diameter_and_height_grow_with_age():
    young = measure("Quercus robur", 5, np.random.default_rng(1))
    old = measure("Quercus robur", 120, np.random.default_rng(1))
    assert young.stamdiameter_cm < 20 < 80 < old.stamdiameter_cm
    assert young.height_m < old.height_m


@pytest.fixture(scope="module")
def rows():
    return generate(np.random.default_rng(2040), 2026)


def test_generated_municipality_is_deterministic(rows):
    again = generate(np.random.default_rng(2040), 2026)
    other = generate(np.random.default_rng(7), 2026)
    assert np.array_equal(rows.batch().x, again.batch().x)
    assert rows.text == again.text and rows.numbers == again.numbers
    assert len(other) != len(rows) or not np.array_equal(other.batch().x, rows.batch().x)


def test_generated_rows_are_valid_register_trees(rows):
    assert 8000 <= len(rows) <= 12000
    text, numbers = rows.text, rows.numbers
    for i in range(len(rows)):
        Tree(None, text["boomnummer"][i], None, Point(rows.x[i], rows.y[i]),
             species_name=text["species_name"][i], plantjaar=numbers["plantjaar"][i],
             stamdiameter_cm=numbers["stamdiameter_cm"][i],
             kroondiameter_m=numbers["kroondiameter_m"][i], status=TreeStatus(text["status"][i]))
    assert len(set(text["boomnummer"])) == len(rows)
    assert {w.name for w in WIJKEN} == set(text["wijk"])
    assert set(text["boomgroep"]) == {Boomgroep.LAANBOOM, Boomgroep.SOLITAIR, Boomgroep.BOOMWEIDE}
    assert set(text["species_name"]) - {""} <= set(SPECIES)
    assert GAP_ONTBREEKT not in set(text["status"])


def test_policy_and_safety_mix_is_realistic(rows):
    n = len(rows)
    beleid = Counter(rows.text["beleidsstatus"])
    veilig = Counter(rows.text["boomveiligheidsklasse"])
    assert 0.01 < beleid["monumentaal"] / n < 0.035
    assert 0.05 < beleid["waardevol"] / n < 0.11
    assert veilig["zonder gebreken"] / n > 0.85
    assert veilig["attentieboom"] > 0 and veilig["risicoboom"] > 0
    assert Counter(rows.text["eigenaar"])["Particulier"] > 0
