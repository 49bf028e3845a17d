"""Exports of the lanen analysis: gaps (CSV or GeoPackage, RD New) and the lanen report (CSV)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bomenplan.domain.tree import RD_NEW
from bomenplan.services.csv_output import write_csv
from bomenplan.services.lanen import LanenReport
from bomenplan.services.safe_files import replacing

GAP_COLUMNS = ("laan_id", "laan", "rij", "x", "y", "ontbrekende_bomen", "oorzaak", "boom_ids",
               "aan_einde")
REPORT_COLUMNS = ("laan_id", "laan", "straat", "type", "status", "hoofdbomenstructuur", "rijen",
                  "lengte_m", "plantafstand_m", "verwacht", "levend", "ontbrekend", "gaten",
                  "compleetheid_pct", "afwijkende_vervangers", "hoofdsoort", "aandeel_hoofdsoort",
                  "kwaliteit")
_KWALITEIT_ORDER = {"slecht": 0, "matig": 1, "goed": 2}


def gap_rows(report: LanenReport) -> list[tuple]:
    rows = []
    for g in report.analysis.gaps:
        laan = report.lanen[g.laan_index]
        ids = " ".join(str(i) for i in g.tree_ids if i is not None)
        rows.append((laan.id, laan.name, g.row + 1, round(g.x, 2), round(g.y, 2), g.n_missing,
                     g.cause_text, ids, "ja" if g.at_end else "nee"))
    return rows


def report_rows(report: LanenReport) -> list[tuple]:
    """One row per laan, worst first (kwaliteit, then completeness)."""
    return [row for row, _line in report_rows_with_lines(report)]


def report_rows_with_lines(report: LanenReport) -> list[tuple[tuple, object]]:
    """The report rows, each with its laan's rows as one MultiLineString (RD New)."""
    pairs = []
    for q in report.analysis.quality:
        laan = report.lanen[q.laan_index]
        pairs.append(((laan.id, laan.name, laan.straat, str(laan.laan_type), str(laan.status),
                       "ja" if laan.hoofdbomenstructuur else "nee", len(laan.rows),
                       round(laan.length_m, 1), laan.spacing_m, q.expected, q.living, q.missing,
                       q.n_gaps, q.completeness_pct, len(q.misfit_tree_ids), q.dominant_species,
                       q.species_share, str(q.kwaliteit)), laan.geometry))
    pairs.sort(key=lambda pair: (_KWALITEIT_ORDER[pair[0][-1]], pair[0][13]))
    return pairs


def export_gaps(report: LanenReport, path) -> int:
    """Write one row per gap to .csv or .gpkg (points in RD New); returns the number of gaps."""
    path = Path(path)
    rows = gap_rows(report)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(path, GAP_COLUMNS, rows)
    elif suffix == ".gpkg":
        _write_gpkg(path, rows)
    else:
        raise ValueError(f"{path}: onbekend exportformaat (kies .csv of .gpkg)")
    return len(rows)


def _write_gpkg(path: Path, rows) -> None:
    import pyarrow as pa
    import pyogrio
    import shapely

    cols = list(zip(*rows, strict=True)) if rows else [()] * len(GAP_COLUMNS)
    data = dict(zip(GAP_COLUMNS, cols, strict=True))
    x = np.asarray(data["x"], dtype=np.float64)
    y = np.asarray(data["y"], dtype=np.float64)
    table = pa.table({
        **{c: pa.array(list(data[c]), type=pa.int64() if c in ("laan_id", "rij", "ontbrekende_bomen")
                       else pa.float64() if c in ("x", "y") else pa.string()) for c in GAP_COLUMNS},
        "geometry": pa.array(shapely.to_wkb(shapely.points(x, y)).tolist(), type=pa.binary()),
    })
    with replacing(path) as temp:
        pyogrio.write_arrow(table, temp, layer="gaten", driver="GPKG", crs=RD_NEW,
                            geometry_name="geometry", geometry_type="Point")
        from bomenplan.services.qgis_styles import gap_style, write_layer_styles

        write_layer_styles(temp, [gap_style("gaten")])


def export_report(report: LanenReport, path) -> int:
    """The lanen report as .csv, or as .gpkg (a line per laan, styled by kwaliteit for QGIS)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".gpkg"):
        raise ValueError(f"{path}: het lanenrapport wordt als .csv of .gpkg geschreven")
    pairs = report_rows_with_lines(report)
    rows = [row for row, _line in pairs]
    if suffix == ".csv":
        write_csv(path, REPORT_COLUMNS, rows)
    else:
        from bomenplan.services.lanen_gpkg import write_lanen_gpkg

        write_lanen_gpkg(path, REPORT_COLUMNS, rows, [line for _row, line in pairs])
    return len(rows)
