"""Read a plan area from GeoJSON / GeoPackage / Shapefile (pyogrio) and bring it to RD New (pyproj)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from bomenplan.domain.plan_check import PlanAreaError
from bomenplan.domain.tree import RD_BOUNDS, RD_NEW

PLAN_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp")


def read_plan_file(path: str | Path) -> tuple[list[BaseGeometry], list[str]]:
    """The file's geometries in RD New metres, and notes for the user (CRS used, layer chosen)."""
    path = Path(path)
    if not path.exists():
        raise PlanAreaError(f"{path}: bestand bestaat niet")
    if path.suffix.lower() not in PLAN_SUFFIXES:
        raise PlanAreaError(f"{path.name}: onbekend bestandstype (gebruik GeoJSON, GeoPackage of Shapefile)")
    import pyogrio  # GDAL and its geopandas glue: ~0.4 s, so loaded on first use, not at start-up

    notes = []
    try:
        layers = pyogrio.list_layers(path)
        layer = None
        if len(layers) > 1:
            polygon_layers = [str(name) for name, kind in layers if kind and "Polygon" in str(kind)]
            layer = polygon_layers[0] if polygon_layers else str(layers[0][0])
            notes.append(f"{path.name}: {len(layers)} lagen; laag '{layer}' gebruikt")
        meta, _fids, geometry, _fields = pyogrio.raw.read(path, layer=layer)
    except Exception as exc:  # pyogrio/GDAL raise several types for unreadable files
        raise PlanAreaError(f"{path.name}: niet te lezen als geobestand ({exc})") from None
    if geometry is None or len(geometry) == 0:
        raise PlanAreaError(f"{path.name}: bevat geen geometrie")
    geoms = shapely.from_wkb(geometry)
    present = [g for g in geoms if g is not None and not g.is_empty]
    if not present:
        raise PlanAreaError(f"{path.name}: alle geometrieën zijn leeg")
    crs = meta.get("crs")
    return _to_rd(path.name, present, crs, notes), notes


def _to_rd(name: str, geoms: list[BaseGeometry], crs: str | None, notes: list[str]) -> list[BaseGeometry]:
    import pyproj  # ~0.2 s: loaded on first use, not at start-up

    if crs is None:
        crs = _guess_crs(name, geoms)
        notes.append(f"{name}: geen coördinatenstelsel opgegeven; aangenomen {crs}")
    try:
        source = pyproj.CRS.from_user_input(crs)
    except pyproj.exceptions.CRSError:
        raise PlanAreaError(f"{name}: onbekend coördinatenstelsel {crs}") from None
    if source == pyproj.CRS(RD_NEW) or source.to_epsg() == 28992:
        return geoms
    transformer = pyproj.Transformer.from_crs(source, RD_NEW, always_xy=True)
    out = [shapely.transform(g, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
           for g in geoms]
    notes.append(f"{name}: omgerekend van {source.name} naar RD New")
    if any(not np.all(np.isfinite(shapely.get_coordinates(g))) for g in out):
        raise PlanAreaError(f"{name}: coördinaten zijn niet om te rekenen naar RD New")
    return out


def _guess_crs(name: str, geoms: list[BaseGeometry]) -> str:
    xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
    rx0, ry0, rx1, ry1 = RD_BOUNDS
    if rx0 <= xmin and xmax <= rx1 and ry0 <= ymin and ymax <= ry1:
        return RD_NEW
    if -180 <= xmin and xmax <= 180 and -90 <= ymin and ymax <= 90:
        return "EPSG:4326"
    raise PlanAreaError(f"{name}: geen coördinatenstelsel opgegeven en de coördinaten ({xmin:.0f}, {ymin:.0f}) "
                        "passen niet bij RD New of lengte/breedte")
