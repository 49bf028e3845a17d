"""The stored base map (ondergrond) for the printed map: clipped to the map's extent, simplified
to what shows at print scale, as plain rings per layer in drawing order."""

from __future__ import annotations

import numpy as np
import shapely

from bomenplan.domain.base_map import LAYER_ORDER, BaseMapFeature

PRINT_WIDTH_M = 0.17  # the map is 170 mm wide on paper
SIMPLIFY_MM = 0.2  # detail smaller than this on paper is left out


def clipped_base_map(features, extent: tuple[float, float, float, float]
                     ) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """(layer, rings) per polygon inside `extent`, bottom layer first; a ring list holds the outer
    ring then its holes."""
    features: list[BaseMapFeature] = list(features)
    if not features:
        return []
    xmin, ymin, xmax, ymax = extent
    tolerance = (xmax - xmin) / PRINT_WIDTH_M * SIMPLIFY_MM / 1000
    geoms = np.array([f.geometry for f in features], dtype=object)
    box = shapely.box(xmin, ymin, xmax, ymax)
    inside = shapely.intersects(geoms, box)
    out = []
    for layer in LAYER_ORDER:
        picked = [i for i in np.flatnonzero(inside) if features[i].layer == layer]
        if not picked:
            continue
        clipped = shapely.simplify(shapely.clip_by_rect(geoms[picked], xmin, ymin, xmax, ymax), tolerance)
        for part in shapely.get_parts(clipped):
            if part.geom_type != "Polygon" or part.is_empty:
                continue
            rings = [list(part.exterior.coords)] + [list(r.coords) for r in part.interiors]
            out.append((layer, rings))
    return out
