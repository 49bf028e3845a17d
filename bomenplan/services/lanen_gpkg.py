"""The lanen report as a GeoPackage for QGIS: one (multi)line per laan in RD New with the report's
columns (kwaliteit goed / matig / slecht among them) and a `layer_styles` row that colours the
lines by quality as the app's lanen layer does."""

from __future__ import annotations

from pathlib import Path

from bomenplan.domain.tree import RD_NEW
from bomenplan.services.safe_files import replacing

LAYER = "lanen"
INTEGER_COLUMNS = {"laan_id", "rijen", "verwacht", "levend", "ontbrekend", "gaten",
                   "afwijkende_vervangers"}
REAL_COLUMNS = {"lengte_m", "plantafstand_m", "compleetheid_pct", "aandeel_hoofdsoort"}


def write_lanen_gpkg(path: Path, columns: tuple[str, ...], rows: list[tuple], lines: list) -> None:
    """`rows` as attributes, `lines[i]` (a shapely MultiLineString) as the geometry of row i."""
    import pyarrow as pa
    import pyogrio
    import shapely

    from bomenplan.services.qgis_line_styles import lanen_quality_style
    from bomenplan.services.qgis_styles import write_layer_styles

    values = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    table = pa.table({
        **{c: pa.array(list(v), type=_arrow_type(pa, c)) for c, v in zip(columns, values, strict=True)},
        "geometry": pa.array(shapely.to_wkb(list(lines)).tolist() if lines else [], type=pa.binary()),
    })
    with replacing(path) as temp:
        pyogrio.write_arrow(table, temp, layer=LAYER, driver="GPKG", crs=RD_NEW,
                            geometry_name="geometry", geometry_type="MultiLineString")
        write_layer_styles(temp, [lanen_quality_style(LAYER)])


def _arrow_type(pa, column: str):
    if column in INTEGER_COLUMNS:
        return pa.int64()
    return pa.float64() if column in REAL_COLUMNS else pa.string()
