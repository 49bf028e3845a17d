"""Real registers: one odd candidate never aborts detection, and boomgroep is inferred when the
register does not record it. Hand-built positions in RD New metres (Assen)."""

import numpy as np
import pytest
from shapely.geometry import LineString

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.laan import Laan
from bomenplan.domain.laan_detection import detect_lanen_report
from bomenplan.domain.laan_proposals import SKIP_PARK_GROUP, SKIP_SPACING
from bomenplan.domain.register_columns import COLUMN_TYPES, RegisterColumns

X0, Y0 = 230_000.0, 555_000.0


def register(points: list[tuple[float, float]], straat: list[str] | None = None,
             boomgroep: list[str] | None = None) -> RegisterColumns:
    n = len(points)
    data = {name: [""] * n for name in COLUMN_TYPES}
    data.update(id=list(range(1, n + 1)), site_id=list(range(1, n + 1)),
                x=[p[0] for p in points], y=[p[1] for p in points],
                species_name=["Tilia x europaea"] * n, status=["levend"] * n, plantjaar=[0] * n,
                stamdiameter_cm=[None] * n, straat=straat or [""] * n,
                boomgroep=boomgroep or ["onbekend"] * n)
    return RegisterColumns.from_lists(data)


def row(steps: list[float], x0=X0, y0=Y0) -> list[tuple[float, float]]:
    xs = x0 + np.concatenate([[0.0], np.cumsum(steps)])
    return [(float(x), y0) for x in xs]


def grid(n: int, spacing: float, x0: float, y0: float) -> list[tuple[float, float]]:
    return [(x0 + i * spacing, y0 + j * spacing) for i in range(n) for j in range(n)]


@pytest.mark.parametrize("spacing", [2.0, 40.0])
def test_the_spacing_bounds_themselves_are_valid(spacing):
    laan = Laan(id=None, name="L", rows=(LineString([(0, 0), (100, 0)]),), spacing_m=spacing)
    assert laan.spacing_m == spacing


@pytest.mark.parametrize("spacing", [1.99, 40.01])
def test_a_spacing_just_outside_the_bounds_is_refused(spacing):
    with pytest.raises(ValidationError, match="plantafstand"):
        Laan(id=None, name="L", rows=(LineString([(0, 0), (100, 0)]),), spacing_m=spacing)


def test_a_row_at_exactly_two_metres_is_proposed():
    cols = register(row([2.0] * 9), straat=["Smalle laan"] * 10)
    found = detect_lanen_report(cols)
    assert [laan.spacing_m for laan in found.lanen] == [2.0]
    assert found.skipped == {}


def test_a_candidate_the_laan_rules_refuse_is_skipped_and_counted():
    # Median step 2.05 m lets the chain through; its mean spacing is
    # (5 × 2.05 + 4 × 1.90) / 9 = 1.983 → 1.98 m, below the 2 m minimum: skipped, not raised.
    odd = row([2.05] * 5 + [1.90] * 4)
    good = row([8.0] * 9, y0=Y0 + 500)
    cols = register(odd + good, straat=["Smalle laan"] * 10 + ["Brede laan"] * 10)
    found = detect_lanen_report(cols)
    assert [laan.straat for laan in found.lanen] == ["Brede laan"]
    assert found.skipped == {SKIP_SPACING: 1}


def test_row_grid_and_lone_tree_get_laanboom_boomweide_and_solitair():
    street = row([8.0] * 9)  # 10 trees at 8 m
    park = grid(5, 6.0, X0, Y0 + 300)  # 25 trees at 6 m
    lone = [(X0 + 600, Y0 + 600)]
    cols = register(street + park + lone)
    found = detect_lanen_report(cols)
    assert len(found.lanen) == 1 and set(found.lanen[0].tree_ids) == set(range(1, 11))
    assert set(found.boomgroep[:10]) == {"laanboom"}
    assert set(found.boomgroep[10:35]) == {"boomweide"}
    assert found.boomgroep[35] == "solitair"
    assert found.inferred == {"laanboom": 10, "boomweide": 25, "solitair": 1}


def park(n: int, y_ranges: list[tuple[float, float]], seed: int = 2) -> list[tuple[float, float]]:
    """Irregular park trees around the street row (x from -30 to 100 m). 90 trees on 130 × 34 m
    is one per ~49 m²; the part of a 15 m circle beyond 6 m from the row is ~178 m², so a row
    tree has ~3.6 park trees per side (the rule asks for 3)."""
    rng = np.random.default_rng(seed)
    points = []
    for y_low, y_high in y_ranges:
        xs, ys = rng.uniform(-30, 100, n), rng.uniform(y_low, y_high, n)
        points += [(X0 + float(a), Y0 + float(b)) for a, b in zip(xs, ys, strict=True)]
    return points


def test_a_row_through_a_park_group_is_no_laan():
    street = row([8.0] * 9)
    alone = detect_lanen_report(register(street))
    assert len(alone.lanen) == 1  # the same row on its own is a laan
    found = detect_lanen_report(register(street + park(90, [(-40, -6), (6, 40)])))
    assert found.lanen == []
    assert found.skipped == {SKIP_PARK_GROUP: 1}
    assert set(found.boomgroep[:10]) == {"boomweide"}


def test_a_laan_along_the_edge_of_a_park_stays_a_laan():
    street = row([8.0] * 9)
    found = detect_lanen_report(register(street + park(90, [(6, 40)])))
    assert [sorted(laan.tree_ids) for laan in found.lanen] == [list(range(1, 11))]
    assert set(found.boomgroep[:10]) == {"laanboom"}


def test_recorded_boomgroep_is_kept_and_not_counted_as_inferred():
    cols = register(row([8.0] * 9) + [(X0 + 600, Y0 + 600)],
                    boomgroep=["laanboom"] * 10 + ["boomweide"])
    found = detect_lanen_report(cols)
    assert found.boomgroep.tolist() == ["laanboom"] * 10 + ["boomweide"]
    assert found.inferred == {}
