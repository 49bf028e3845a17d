"""Walking distance over a path or street network from each dwelling to public green (the "300"
of 3-30-300 measured along the network as well as straight; DOMAIN.md §8, default for Assen).

The lines are noded (crossings become junctions) and cut into pieces of at most `node_step_m`, so
a dwelling reaches the network at a node no more than half a step from its nearest point. A green
area is entered at every node within `entry_m` of it. One multi-source Dijkstra (scipy) from all
entry nodes gives each node its distance to the nearest green; a dwelling adds its straight
distance to its nearest node."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

NODE_STEP_M = 25.0
ENTRY_M = 25.0  # a green area is entered from any node within this distance (a verge, a kerb)
SNAP_DECIMALS = 2  # vertices closer than a centimetre are the same node


@dataclass(frozen=True)
class Network:
    nodes: np.ndarray  # (n, 2) coordinates
    graph: object  # scipy.sparse csr matrix of edge lengths (symmetric)

    def __len__(self) -> int:
        return len(self.nodes)


def build_network(lines, node_step_m: float = NODE_STEP_M) -> Network:
    """A graph of the line network: nodes at vertices and junctions, edges weighted by length."""
    from scipy.sparse import coo_matrix

    lines = np.asarray([g for g in lines if g is not None and not g.is_empty], dtype=object)
    if not len(lines):
        return Network(np.empty((0, 2)), coo_matrix((0, 0)).tocsr())
    noded = shapely.get_parts(shapely.union_all(lines))
    noded = shapely.segmentize(noded[shapely.get_type_id(noded) == 1], node_step_m)
    coords, part = shapely.get_coordinates(noded, return_index=True)
    keys = np.round(coords, SNAP_DECIMALS)
    unique, node_of = np.unique(keys, axis=0, return_inverse=True)
    node_of = node_of.ravel()
    same_line = part[1:] == part[:-1]
    a, b = node_of[:-1][same_line], node_of[1:][same_line]
    length = np.hypot(*(coords[1:][same_line] - coords[:-1][same_line]).T)
    keep = a != b
    n = len(unique)
    graph = coo_matrix((np.r_[length[keep], length[keep]], (np.r_[a[keep], b[keep]], np.r_[b[keep], a[keep]])),
                       shape=(n, n)).tocsr()  # duplicates sum: parallel equal pieces are rare
    graph.sum_duplicates()
    return Network(unique, graph)


def entry_nodes(network: Network, greens: np.ndarray, entry_m: float = ENTRY_M) -> np.ndarray:
    """Indices of the nodes within `entry_m` of one of the green polygons."""
    if not len(network) or not len(greens):
        return np.empty(0, "i8")
    points = shapely.points(network.nodes)
    hits = shapely.STRtree(points).query(greens, predicate="dwithin", distance=entry_m)[1]
    return np.unique(hits)


def network_green_distance(dwellings: np.ndarray, network: Network, greens: np.ndarray, min_area_m2: float,
                           max_distance_m: float, entry_m: float = ENTRY_M) -> np.ndarray:
    """Per dwelling the distance over the network to the nearest green polygon of at least
    `min_area_m2` (the straight step to the nearest node included); inf beyond `max_distance_m`."""
    from scipy.sparse.csgraph import dijkstra

    out = np.full(len(dwellings), np.inf)
    big = greens[shapely.area(greens) >= min_area_m2] if len(greens) else greens
    entries = entry_nodes(network, big, entry_m)
    if not len(dwellings) or not len(entries):
        return out
    to_green = dijkstra(network.graph, directed=False, indices=entries, min_only=True, limit=max_distance_m)
    (left, node), snap = shapely.STRtree(shapely.points(network.nodes)).query_nearest(
        dwellings, return_distance=True, all_matches=False)
    total = snap + to_green[node]
    out[left] = np.where(total <= max_distance_m, total, np.inf)
    return out
