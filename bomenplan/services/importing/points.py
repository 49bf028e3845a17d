"""One representative point per source geometry; a missing, empty or broken geometry (an unclosed
ring, NaN coordinates) gives NaN for that row only, so the row is rejected with its line instead
of the whole file failing."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.errors import GEOSException


def representative_xy(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """x, y of a point on each geometry (NaN where there is none)."""
    geoms = np.asarray(geoms, dtype=object)
    x = np.full(len(geoms), np.nan)
    y = np.full(len(geoms), np.nan)
    usable = ~shapely.is_missing(geoms)
    usable[usable] = ~shapely.is_empty(geoms[usable])
    idx = np.flatnonzero(usable)
    try:
        points = shapely.point_on_surface(geoms[idx])
        x[idx], y[idx] = _xy(points)
    except GEOSException:  # one broken geometry: go one by one
        for i in idx.tolist():
            try:
                x[i], y[i] = _xy(shapely.point_on_surface(geoms[i:i + 1]))
            except GEOSException:
                continue
    return x, y


def _xy(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    empty = shapely.is_empty(points)
    x = np.full(len(points), np.nan)
    y = np.full(len(points), np.nan)
    x[~empty], y[~empty] = shapely.get_x(points[~empty]), shapely.get_y(points[~empty])
    return x, y
