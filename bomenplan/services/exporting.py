"""Export the register to CSV (optionally Excel-friendly), GeoJSON (RFC 7946, WGS84) or GeoPackage
(RD New). The format follows the file suffix."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyproj

from bomenplan.domain.tree import RD_NEW
from bomenplan.services.safe_files import replacing, replacing_text, spreadsheet_text

FORMATS = {".csv": "CSV", ".geojson": "GeoJSON", ".gpkg": "GPKG"}
_NUMERIC = {"plantjaar", "stamdiameter_cm", "kroondiameter_m", "nvtb_waarde_eur", "x", "y"}


def export_trees(uow, path, excel: bool = False) -> int:
    """Write all trees to `path`; returns the number of trees written."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: onbekend exportformaat (kies {', '.join(FORMATS)})")
    with uow:
        columns, rows = uow.exchange.export_rows()
    if fmt == "CSV":
        _write_csv(path, columns, rows, excel)
    else:
        _write_geo(path, fmt, columns, rows)
    return len(rows)


def _write_csv(path: Path, columns, rows, excel: bool) -> None:
    numeric = [c in _NUMERIC for c in columns]

    def cell(value, is_number: bool) -> str:
        if value is None:
            return ""
        if is_number and isinstance(value, float):
            text = repr(value)
            return text.replace(".", ",") if excel else text
        return str(value) if is_number else spreadsheet_text(value)

    with replacing_text(path, encoding="utf-8-sig" if excel else "utf-8") as f:
        writer = csv.writer(f, delimiter=";" if excel else ",")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(v, n) for v, n in zip(row, numeric, strict=True)])


def _write_geo(path: Path, driver: str, columns, rows) -> None:
    import pyogrio

    data = dict(zip(columns, zip(*rows, strict=True), strict=True)) if rows else {c: () for c in columns}
    x = np.asarray(data["x"], dtype=np.float64)
    y = np.asarray(data["y"], dtype=np.float64)
    crs = RD_NEW
    options = {}
    if driver == "GeoJSON":  # RFC 7946: WGS84 longitude/latitude
        to_wgs = pyproj.Transformer.from_crs(RD_NEW, "EPSG:4326", always_xy=True)
        x, y = to_wgs.transform(x, y)
        crs = "EPSG:4326"
        options = {"RFC7946": "YES", "COORDINATE_PRECISION": 8}
    attrs = {c: pa.array(list(data[c]), _arrow_type(c)) for c in columns if c not in ("x", "y")}
    attrs["geometry"] = pa.array(_wkb_points(x, y), pa.binary())
    with replacing(path) as temp:
        pyogrio.write_arrow(pa.table(attrs), temp, layer=path.stem, driver=driver,
                            geometry_name="geometry", geometry_type="Point", crs=crs,
                            layer_options=options or None)
        if driver == "GPKG":  # QGIS opens it with the map's colours
            from bomenplan.services.qgis_styles import tree_styles, write_layer_styles

            write_layer_styles(temp, tree_styles(path.stem, [str(n or "") for n in data["species_name"]]))


def _arrow_type(column: str) -> pa.DataType:
    if column == "plantjaar":
        return pa.int32()
    return pa.float64() if column in _NUMERIC else pa.string()


def _wkb_points(x, y) -> list[bytes]:
    import shapely

    return shapely.to_wkb(shapely.points(np.asarray(x), np.asarray(y))).tolist()
