"""3-30-300 with stored buurt polygons, measured crowns and a path network (hand-built, metres)."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import LineString, Polygon, box

from bomenplan.domain.areas import BUURT, AreaBoundary
from bomenplan.domain.register_columns import COLUMN_TYPES, RegisterColumns
from bomenplan.services.monitor_3_30_300 import crown_diameters, run_monitor

TRIANGLE = Polygon([(0, 0), (100, 0), (0, 100)])  # 5 000 m²


def _cols(xy, hoogteklasse, buurt="Hier", ids=None):
    n = len(xy)
    data = {name: [""] * n if dt == "O" else [0] * n for name, dt in COLUMN_TYPES.items()}
    data.update(id=ids or list(range(1, n + 1)), x=[p[0] for p in xy], y=[p[1] for p in xy],
                hoogteklasse=hoogteklasse, status=["levend"] * n, buurt=[buurt] * n,
                stamdiameter_cm=[None] * n)
    return RegisterColumns.from_lists(data)


def _cells_within(r: float) -> int:
    """1 m cells whose centre lies within r of a trunk standing on a cell corner (whole metres)."""
    halves = [k + 0.5 for k in range(-int(r) - 1, int(r) + 1)]
    return sum(1 for a in halves for b in halves if a * a + b * b <= r * r)


def test_measured_crowns_win_over_the_assumption_per_hoogteklasse():
    cols = _cols([(0, 0), (1, 1), (2, 2)], ["0-6 m", "12-15 m", "onbekend"], ids=[7, 8, 9])
    diameters, measured = crown_diameters(cols, measured={9: 14.0, 99: 3.0})  # 99 is not in cols
    assert diameters.tolist() == [3.0, 8.0, 14.0] and measured == 1


def test_canopy_share_uses_the_buurt_polygon_and_the_measured_crown():
    # tree 1 at (20, 20): measured 20 m crown, 42 m from the hypotenuse x + y = 100, so wholly inside;
    # tree 2 at (80, 80) stands outside the triangle (its crown too: 42 m beyond the hypotenuse).
    cols = _cols([(20, 20), (80, 80)], ["onbekend", "onbekend"])
    area = AreaBoundary(BUURT, "Driehoek", "BU0001", "", TRIANGLE)
    result = run_monitor(cols, np.array([box(300, 300, 310, 310)]), np.array([], dtype=object),
                         areas=[area], measured_crowns={1: 20.0})
    (buurt,) = result.buurten
    assert buurt.buurt == "Driehoek" and buurt.area_m2 == pytest.approx(5_000)
    # cells under a 10 m radius: 316 (π·10² = 314,2 m²) → 316 / 5 000 = 6,32 %
    assert _cells_within(10.0) == 316
    assert buurt.canopy_m2 == pytest.approx(316) and buurt.canopy_pct == pytest.approx(6.32)
    assert any("gemeten bij 1 van 2" in n for n in result.notes)
    assert any("1 levende bomen staan buiten" in n for n in result.notes)
    assert not any("omhullende" in n for n in result.notes)


def test_without_polygons_the_hull_of_the_trees_is_the_fallback_and_the_notes_say_so():
    cols = _cols([(0, 0), (100, 0), (0, 100)], ["onbekend"] * 3)
    result = run_monitor(cols, np.array([box(300, 300, 310, 310)]), np.array([], dtype=object))
    (buurt,) = result.buurten
    # triangle 5 000 m² grown by 25 m: 5 000 + perimeter (341,4 m) × 25 + π·25² = 15 498 m² (32-gon: less)
    assert buurt.buurt == "Hier" and buurt.area_m2 == pytest.approx(15_498, rel=0.005)
    assert any("omhullende" in n for n in result.notes)
    assert any("alleen hemelsbreed" in n for n in result.notes) and buurt.near_green_network is None


def test_network_share_per_buurt_next_to_the_euclidean_one():
    # a path along y = 0 from x = 0 to 400 (nodes every 25 m); a 1 ha park at x 400-500, y -50-50.
    # house 1 (149-151, 1-3): 249 m straight; node (150, 0) 1 m away + 250 m walk = 251 m
    # house 2 (39-41, 1-3): 359 m straight; 1 + 360 = 361 m: too far both ways
    # house 3 (388-390, 149-151): √(10² + 99²) = 99,5 m straight; nearest node is the path's end
    #   (400, 0), at the park's edge, √(10² + 149²) = 149,3 m away: 149,3 m
    # house 4 (149-151, 188-190): √(249² + 138²) = 284,7 m straight; node (150, 0) 188 m away
    #   + 250 m walk = 438 m: meets 300 only as the crow flies
    cols = _cols([(200, 50)], ["onbekend"])
    area = AreaBoundary(BUURT, "Strook", "", "", box(0, -10, 400, 200))
    houses = np.array([box(149, 1, 151, 3), box(39, 1, 41, 3), box(388, 149, 390, 151),
                       box(149, 188, 151, 190)], dtype=object)
    greens = np.array([box(400, -50, 500, 50)], dtype=object)
    result = run_monitor(cols, houses, greens, areas=[area], network_lines=np.array([LineString([(0, 0), (400, 0)])]))
    (buurt,) = result.buurten
    assert buurt.dwellings == 4
    assert buurt.near_green == 3 and buurt.near_green_network == 2
