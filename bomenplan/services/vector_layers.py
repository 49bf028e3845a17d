"""Offline map layers the user adds: a GeoPackage / Shapefile layer (e.g. a BGT or BAG extract)
read with pyogrio and brought to RD New with pyproj when it is in another CRS."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.tree import RD_NEW

VECTOR_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json")


class VectorLayerError(BomenplanError):
    """A layer file that cannot be shown; the message names the file (and layer)."""


@dataclass(frozen=True)
class VectorLayerData:
    path: str
    layer: str  # the layer inside the file
    geometries: np.ndarray  # shapely geometries in RD New metres, none empty
    polygons: bool  # True: polygons (filled); False: lines (outline only)
    notes: list[str] = field(default_factory=list)  # e.g. "omgerekend van WGS 84 naar RD New"

    @property
    def title(self) -> str:
        stem = Path(self.path).stem
        return stem if self.layer in ("", stem) else f"{stem} — {self.layer}"


def file_layers(path: str | Path) -> list[str]:
    """The map layers in a file (a GeoPackage may hold several: pand, wegdeel, waterdeel …);
    tables without geometry, such as QGIS's layer_styles, are left out."""
    import pyogrio  # on first use: pyogrio (with pyarrow) costs ~0.1 s at start-up

    path = _checked(path)
    try:
        layers = [str(name) for name, kind in pyogrio.list_layers(path) if kind]
    except Exception as exc:  # pyogrio/GDAL raise several types for unreadable files
        raise VectorLayerError(f"{path.name}: niet te lezen als geobestand ({exc})") from None
    if not layers:
        raise VectorLayerError(f"{path.name}: bevat geen kaartlagen")
    return layers


def read_vector_layer(path: str | Path, layer: str | None = None) -> VectorLayerData:
    import pyogrio

    path = _checked(path)
    layer = layer or file_layers(path)[0]
    try:
        meta, _fids, wkb, _fields = pyogrio.raw.read(path, layer=layer)
    except Exception as exc:
        raise VectorLayerError(f"{path.name}, laag {layer}: niet te lezen ({exc})") from None
    geometries = shapely.from_wkb(wkb) if wkb is not None else np.empty(0, dtype=object)
    geometries = geometries[~(shapely.is_missing(geometries) | shapely.is_empty(geometries))]
    kinds = set(shapely.get_type_id(geometries).tolist())
    polygon_kinds, line_kinds = {3, 6}, {1, 5}
    if not len(geometries):
        raise VectorLayerError(f"{path.name}, laag {layer}: bevat geen geometrie")
    if not (kinds <= polygon_kinds or kinds <= line_kinds):
        raise VectorLayerError(f"{path.name}, laag {layer}: alleen vlakken of lijnen kunnen op de "
                               "kaart (deze laag heeft punten of gemengde geometrie)")
    notes: list[str] = []
    geometries = to_rd_new(f"{path.name}, laag {layer}", geometries, meta.get("crs"), notes)
    return VectorLayerData(str(path), layer, geometries, kinds <= polygon_kinds, notes)


def to_rd_new(name: str, geometries: np.ndarray, crs: str | None, notes: list[str]) -> np.ndarray:
    """All coordinates transformed at once (50 000 polygons in well under a second)."""
    import pyproj  # on first use, not at start-up

    if crs is None:
        notes.append(f"{name}: geen coördinatenstelsel opgegeven; aangenomen RD New")
        return geometries
    try:
        source = pyproj.CRS.from_user_input(crs)
    except pyproj.exceptions.CRSError:
        raise VectorLayerError(f"{name}: onbekend coördinatenstelsel {crs}") from None
    if source.to_epsg() == 28992:
        return geometries
    transformer = pyproj.Transformer.from_crs(source, RD_NEW, always_xy=True)
    out = shapely.transform(geometries, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    if not np.all(np.isfinite(shapely.get_coordinates(out))):
        raise VectorLayerError(f"{name}: coördinaten zijn niet om te rekenen naar RD New")
    notes.append(f"{name}: omgerekend van {source.name} naar RD New")
    return out


def _checked(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise VectorLayerError(f"{path}: bestand bestaat niet")
    if path.suffix.lower() not in VECTOR_SUFFIXES:
        raise VectorLayerError(f"{path.name}: onbekend bestandstype (gebruik GeoPackage, Shapefile "
                               "of GeoJSON)")
    return path
