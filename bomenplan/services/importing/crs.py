"""Source coordinates → RD New (EPSG:28992): column/WKT/geometry reading, swap detection, pyproj."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyproj
import shapely

from bomenplan.domain.tree import RD_NEW
from bomenplan.services.importing.validate import RowRejects, outside_nl, parse_numbers

RDTRANS_GRID = "nl_nsgi_rdtrans2018.tif"
# ETRS89 (≈ WGS84) lon/lat → RD via the RDNAPTRANS™2018 grid (RD → ETRS89 offsets, so inverted).
_RDTRANS_PIPELINE = (
    "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
    f"+step +proj=hgridshift +inv +grids={RDTRANS_GRID} "
    "+step +proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 "
    "+x_0=155000 +y_0=463000 +ellps=bessel"
)
_SAMPLE = 2000


@dataclass(frozen=True)
class Transformation:
    transformer: pyproj.Transformer | None  # None = source is RD New already
    description: str
    accuracy_m: float | None


def source_coordinates(rejects: RowRejects, source, mapping) -> tuple[np.ndarray, np.ndarray]:
    """x/y from mapped columns, a WKT column or the file's geometry; missing → rejected."""
    n = len(source.lines)
    x_col, y_col, wkt_col = (mapping.fields.get(k) for k in ("x", "y", "wkt"))
    if x_col and y_col:
        x, bad_x = parse_numbers(source.column(x_col))
        y, bad_y = parse_numbers(source.column(y_col))
        rejects.add(bad_x, "x", source.column(x_col), "x-coördinaat is geen getal")
        rejects.add(bad_y, "y", source.column(y_col), "y-coördinaat is geen getal")
        rejects.add(np.isnan(x), "x", source.column(x_col), "x-coördinaat ontbreekt")
        rejects.add(np.isnan(y), "y", source.column(y_col), "y-coördinaat ontbreekt")
        return x, y
    if wkt_col:
        text = source.column(wkt_col)
        geoms = shapely.from_wkt(np.asarray(text.to_pylist(), dtype=object), on_invalid="ignore")
        pts = shapely.point_on_surface(geoms)
        x, y = shapely.get_x(pts), shapely.get_y(pts)
        rejects.add(np.isnan(x), "wkt", text, "geometrie ontbreekt of is ongeldig")
        return x, y
    if source.geometry_xy is not None:
        x, y = (np.asarray(a, dtype=np.float64) for a in source.geometry_xy)
        rejects.add(np.isnan(x), "geometrie", "", "geometrie ontbreekt")
        return x, y
    rejects.add(np.ones(n, dtype=bool), "x", "", "geen coördinaatkolommen gekoppeld")
    return np.full(n, np.nan), np.full(n, np.nan)


def make_transformation(crs: str | None, grid_dir: str | Path | None = None) -> Transformation:
    try:
        source_crs = pyproj.CRS.from_user_input(crs or RD_NEW)
    except pyproj.exceptions.CRSError as exc:
        raise ValueError(f"onbekend coördinatenstelsel {crs!r}") from exc
    target = pyproj.CRS.from_user_input(RD_NEW)
    if source_crs.equals(target, ignore_axis_order=True):
        return Transformation(None, f"geen ({target.name})", 0.0)
    if grid_dir and (Path(grid_dir) / RDTRANS_GRID).exists():
        pyproj.datadir.append_data_dir(str(grid_dir))
        if source_crs.is_geographic and source_crs.ellipsoid.name.startswith(("WGS 84", "GRS 1980")):
            try:
                pipeline = pyproj.Transformer.from_pipeline(_RDTRANS_PIPELINE)
            except pyproj.exceptions.ProjError as exc:
                raise ValueError(f"{Path(grid_dir) / RDTRANS_GRID}: grid onbruikbaar ({exc})") from exc
            return _describe(pipeline, f"RDNAPTRANS™2018 ({RDTRANS_GRID}, {pipeline.definition})")
    group = pyproj.transformer.TransformerGroup(source_crs, target, always_xy=True)
    # TransformerGroup lists only operations whose grids are available, best first.
    best = (group.transformers[0] if group.transformers
            else pyproj.Transformer.from_crs(source_crs, target, always_xy=True))
    return _describe(best, best.description)


def _describe(transformer: pyproj.Transformer, description: str) -> Transformation:
    accuracy = transformer.accuracy
    return Transformation(transformer, description, accuracy if accuracy and accuracy > 0 else None)


def to_rd(t: Transformation, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if t.transformer is None:
        return x.copy(), y.copy()
    with np.errstate(invalid="ignore"):
        rx, ry = t.transformer.transform(x, y, errcheck=False)
    rx, ry = np.asarray(rx, dtype=np.float64), np.asarray(ry, dtype=np.float64)
    bad = ~np.isfinite(rx) | ~np.isfinite(ry)
    rx[bad], ry[bad] = np.nan, np.nan
    return rx, ry


def should_swap(t: Transformation, x: np.ndarray, y: np.ndarray, valid: np.ndarray) -> bool:
    """True when swapping x and y puts clearly more of a sample inside the Netherlands."""
    idx = np.flatnonzero(valid)
    if idx.size == 0:
        return False
    idx = idx[:: max(1, idx.size // _SAMPLE)]
    sx, sy = x[idx], y[idx]
    inside_as_is = np.count_nonzero(~outside_nl(*to_rd(t, sx, sy)))
    inside_swapped = np.count_nonzero(~outside_nl(*to_rd(t, sy, sx)))
    return inside_swapped > max(inside_as_is, idx.size // 2)


def wgs84_of(crs: str | None, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude of source coordinates (to tell the user where points land)."""
    t = pyproj.Transformer.from_crs(crs or RD_NEW, "EPSG:4326", always_xy=True)
    with np.errstate(invalid="ignore"):
        lon, lat = t.transform(x, y, errcheck=False)
    return np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
