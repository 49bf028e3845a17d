"""The 300 along a real walk network: the Osdorp sidewalk network of Amsterdam (RD New GeoPackage in
../shared/data, skipped when absent). Checked against bounds that follow from the definition."""

from __future__ import annotations

import numpy as np
import shapely
from scipy.sparse.csgraph import connected_components
from shapely.geometry import box

from bomenplan.domain.network_distance import ENTRY_M, build_network, network_green_distance
from bomenplan.domain.rule_3_30_300 import green_distance
from bomenplan.services.monitor_3_30_300 import read_lines
from tests.helpers import shared_file


def test_osdorp_walk_network_is_connected_and_never_shorter_than_the_crow_flies():
    lines, _notes = read_lines(shared_file("amsterdam-osdorp-sidewalks", "osdpm_map.gpkg"))
    assert len(lines) == 14114  # every LineString of the file
    network = build_network(lines)
    _n, label = connected_components(network.graph, directed=False)
    assert np.bincount(label).max() > 0.95 * len(network)  # the sidewalks join up into one network
    x0, y0, x1, y1 = shapely.total_bounds(lines)
    rng = np.random.default_rng(7)
    hx, hy = rng.uniform(x0, x1 - 10, 400), rng.uniform(y0, y1 - 8, 400)
    houses = shapely.box(hx, hy, hx + 10, hy + 8)
    park = np.array([box(114550, 485400, 114650, 485500)])  # 1 ha inside the network's extent
    along = network_green_distance(houses, network, park, 10_000, 300.0)
    straight = green_distance(houses, park, 10_000)
    reached = np.isfinite(along)
    assert reached.sum() >= 10
    # a walk ends at a node within ENTRY_M of the park, so it is at least the straight distance
    # minus ENTRY_M; and nobody reached along the paths is beyond 300 m straight (+ ENTRY_M)
    assert (along[reached] >= straight[reached] - ENTRY_M - 1e-6).all()
    assert (straight[reached] <= 300.0 + ENTRY_M).all()
