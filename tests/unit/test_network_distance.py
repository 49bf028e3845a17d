"""Walking distance to green over a hand-built path network (metres); expected values by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
from shapely.geometry import LineString, box

from bomenplan.domain.network_distance import build_network, entry_nodes, network_green_distance

# a 3 × 3 grid of paths 100 m apart: x = 0, 100, 200 and y = 0, 100, 200, each 200 m long
GRID = [LineString([(0, y), (200, y)]) for y in (0, 100, 200)] + \
       [LineString([(x, 0), (x, 200)]) for x in (0, 100, 200)]
PARK = box(200, 200, 300, 300)  # 1 ha, touching the grid only at its corner node (200, 200)
SMALL = box(-60, 50, -10, 100)  # 2 500 m², 10 m west of the x = 0 path


def _houses(*corners):
    return np.array([box(x, y, x + 2, y + 2) for x, y in corners], dtype=object)


def test_grid_distance_is_the_walk_along_the_paths_plus_the_step_to_the_nearest_node():
    network = build_network(GRID)
    # house 1 at (-4..-2, -4..-2): nearest node (0, 0) at √(2² + 2²) = 2,83 m; walk 200 + 200 = 400 m
    # house 2 at (101..103, 101..103): node (100, 100) at √2 = 1,41 m; walk 100 + 100 = 200 m
    houses = _houses((-4, -4), (101, 101))
    far = network_green_distance(houses, network, np.array([PARK]), 5_000, 1_000, entry_m=10)
    assert far == pytest.approx([400 + math.sqrt(8), 200 + math.sqrt(2)])
    near = network_green_distance(houses, network, np.array([PARK]), 5_000, 300, entry_m=10)
    assert near[0] == math.inf and near[1] == pytest.approx(200 + math.sqrt(2))


def test_green_below_the_minimum_area_is_no_destination():
    network = build_network(GRID)
    houses = _houses((1, 60))  # 1 m from the x = 0 path, 11 m from the 0,25 ha green
    assert network_green_distance(houses, network, np.array([SMALL]), 5_000, 300)[0] == math.inf
    assert network_green_distance(houses, network, np.array([SMALL]), 2_000, 300)[0] < 40


def test_a_detour_makes_a_straight_line_neighbour_too_far():
    # no path along x = 200 between y = 0 and 200 (a canal): from (200, 0) the walk goes west,
    # north and east: 200 + 200 + 200 = 600 m, while the park's corner is 198 m straight north
    paths = [LineString([(0, 0), (200, 0)]), LineString([(0, 0), (0, 200)]), LineString([(0, 200), (200, 200)])]
    houses = _houses((199, -2))  # nearest node (200, 0): the house's corner (200, 0) lies on it
    network = build_network(paths)
    assert network_green_distance(houses, network, np.array([PARK]), 5_000, 1_000, entry_m=10)[0] == \
        pytest.approx(600.0)
    assert network_green_distance(houses, network, np.array([PARK]), 5_000, 300, entry_m=10)[0] == math.inf


def test_crossing_lines_become_a_junction_and_long_lines_get_nodes_every_25_m():
    cross = [LineString([(0, 100), (200, 100)]), LineString([(100, 0), (100, 200)])]
    network = build_network(cross)
    # 4 arms of 100 m, each cut into 4 pieces: 4 × 4 outer nodes + the junction = 17 nodes
    assert len(network) == 17
    assert network.graph.sum() / 2 == pytest.approx(400.0)  # every edge stored both ways
    park = box(200, 90, 260, 190)  # 6 000 m² at the east arm's end (200, 100)
    houses = _houses((98, -2))  # its corner (100, 0) is the south arm's end: 0 m step
    # south end → junction 100 m → east end 100 m = 200 m (straight it is 141 m)
    assert network_green_distance(houses, network, np.array([park]), 5_000, 300, entry_m=1)[0] == \
        pytest.approx(200.0)


def test_entry_nodes_are_the_nodes_within_reach_of_the_green():
    network = build_network(GRID)
    entries = entry_nodes(network, np.array([PARK]), entry_m=10)
    assert [tuple(network.nodes[i]) for i in entries] == [(200.0, 200.0)]
    # 30 m reach adds the nodes at 25 m on the two paths ending there: (175, 200) and (200, 175)
    assert len(entry_nodes(network, np.array([PARK]), entry_m=30)) == 3


def test_no_network_or_no_green_gives_no_distance():
    houses = _houses((0, 0))
    assert network_green_distance(houses, build_network([]), np.array([PARK]), 0, 300)[0] == math.inf
    assert network_green_distance(houses, build_network(GRID), np.array([], dtype=object), 0, 300)[0] == math.inf
