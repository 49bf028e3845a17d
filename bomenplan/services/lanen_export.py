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
    rows = []
    for q in report.analysis.quality:
        laan = report.lanen[q.laan_index]
        rows.append((laan.id, laan.name, laan.straat, str(laan.laan_type), str(laan.status),
                     "ja" if laan.hoofdbomenstructuur else "nee", len(laan.rows),
                     round(laan.length_m, 1), laan.spacing_m, q.expected, q.living, q.missing,
                     q.n_gaps, q.completeness_pct, len(q.misfit_tree_ids), q.dominant_species,
                     q.species_share, str(q.kwaliteit)))
    rows.sort(key=lambda r: (_KWALITEIT_ORDER[r[-1]], r[13]))
    return rows


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
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise ValueError(f"{path}: het lanenrapport wordt als .csv geschreven")
    rows = report_rows(report)
    write_csv(path, REPORT_COLUMNS, rows)
    return len(rows)
