"""Plain-data preparation of polygon and line layers for the map (runs in a worker: numpy + shapely).

Polygons are binned into square tiles by their centre, so a paint only draws the tiles in view,
and every tile has a detailed and a simplified outline (level of detail). Rings come out as one
coordinate array per tile with NaN between rings, ready for one QPainterPath per tile.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

TILE_M = 300.0
SIMPLIFY_M = 3.0  # the outline used when a pixel covers more than DETAIL_MAX_M_PER_PX metres
DETAIL_MAX_M_PER_PX = 1.5


@dataclass(frozen=True)
class TileRings:
    bounds: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax of its polygons
    detailed: np.ndarray  # (n, 2) ring coordinates, NaN rows between rings
    simplified: np.ndarray


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    angle_deg: float  # text direction, counter-clockwise from east, within (-90, 90]
    text: str


def tile_rings(geometries, tile_m: float = TILE_M, simplify_m: float = SIMPLIFY_M) -> list[TileRings]:
    """Polygons or lines (their parts) binned by centre into tiles of tile_m metres."""
    polygons = shapely.get_parts(np.asarray(geometries, dtype=object))
    polygons = polygons[~shapely.is_empty(polygons)]
    if len(polygons) == 0:
        return []
    polygons = shapely.orient_polygons(polygons)  # exterior ccw, holes cw: winding fill
    centres = shapely.get_coordinates(shapely.centroid(polygons))
    keys = np.floor(centres / tile_m).astype(np.int64)
    order = np.lexsort((keys[:, 1], keys[:, 0]))
    keys, polygons = keys[order], polygons[order]
    starts = np.flatnonzero(np.r_[True, np.any(keys[1:] != keys[:-1], axis=1)])
    tiles = []
    for start, end in zip(starts, [*starts[1:], len(polygons)], strict=True):
        group = polygons[start:end]
        xmin, ymin, xmax, ymax = shapely.total_bounds(group)
        simple = shapely.simplify(group, simplify_m, preserve_topology=False)
        tiles.append(TileRings((float(xmin), float(ymin), float(xmax), float(ymax)),
                               _ring_coordinates(group), _ring_coordinates(simple)))
    return tiles


def _ring_coordinates(parts: np.ndarray) -> np.ndarray:
    """Polygons' rings and lines as one coordinate array with NaN rows between them."""
    parts = parts[~shapely.is_empty(parts)]
    kinds = shapely.get_type_id(parts)
    rings = np.concatenate([shapely.get_rings(parts[kinds == 3]), parts[kinds == 1]])
    if len(rings) == 0:
        return np.empty((0, 2))
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    breaks = np.flatnonzero(np.diff(ring_of)) + 1
    return np.insert(coords, breaks, np.nan, axis=0)


def road_labels(geometries, names) -> list[Label]:
    """One label per named polygon, at its representative point along its longest side."""
    labels = []
    for geometry, name in zip(geometries, names, strict=True):
        if not name or geometry.is_empty:
            continue
        point = geometry.representative_point()
        corners = np.asarray(geometry.minimum_rotated_rectangle.exterior.coords)
        if len(corners) < 4:
            continue
        sides = np.diff(corners[:3], axis=0)
        dx, dy = sides[int(np.argmax(np.hypot(sides[:, 0], sides[:, 1])))]
        angle = float(np.degrees(np.arctan2(dy, dx)))
        if angle > 90:
            angle -= 180
        elif angle <= -90:
            angle += 180
        labels.append(Label(point.x, point.y, angle, name))
    return labels
