"""3-30-300 per buurt from the live register plus imported building footprints and green areas
(GeoPackage, GeoJSON or Shapefile; any CRS is converted to RD New); results as CSV."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np
import shapely

from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.rule_3_30_300 import DEFAULT_RULE, BuurtResult, Rule3030300, evaluate
from bomenplan.services.csv_output import write_csv
from bomenplan.services.plan_files import read_plan_file

# Crown diameter (m) assumed per hoogteklasse when none is measured: an assumption of this app
# (about half the height), not a published table; change it here or per call.
DEFAULT_CROWN_M = {"0-6 m": 3.0, "6-9 m": 5.0, "9-12 m": 6.0, "12-15 m": 8.0, "15-18 m": 9.0,
                   "18-24 m": 11.0, ">= 24 m": 13.0, "onbekend": 6.0}
BUURT_MARGIN_M = 25.0  # buurt outline when no polygons are given: hull of its trees + this margin
CSV_HEADER = ("buurt", "oppervlak_ha", "woningen", "pct_3_bomen", "pct_kroonbedekking",
              "pct_groen_300m", "pct_alle_drie", "voldoet_30", "opmerking")


@dataclass
class MonitorResult:
    buurten: list[BuurtResult]
    rule: Rule3030300
    notes: list[str] = field(default_factory=list)


def crown_diameters(cols: RegisterColumns, per_class: dict[str, float] = DEFAULT_CROWN_M) -> np.ndarray:
    fallback = per_class.get("onbekend", 6.0)
    return np.array([per_class.get(str(h), fallback) for h in cols.hoogteklasse], dtype="f8")


def buurt_outlines(cols: RegisterColumns, margin: float = BUURT_MARGIN_M) -> tuple[list[str], np.ndarray]:
    """Approximate buurt polygons: the convex hull of each buurt's trees plus `margin` metres."""
    labels = np.array([str(b) for b in cols.buurt], dtype=object)
    names, inverse = np.unique(labels, return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    starts = np.searchsorted(inverse[order], np.arange(len(names) + 1))
    outlines, kept = [], []
    for i, name in enumerate(names):
        if not name:
            continue
        rows = order[starts[i]:starts[i + 1]]
        hull = shapely.convex_hull(shapely.multipoints(np.column_stack([cols.x[rows], cols.y[rows]])))
        outlines.append(hull.buffer(margin))
        kept.append(str(name))
    names = kept
    return names, np.array(outlines, dtype=object)


def run_monitor(cols: RegisterColumns, buildings: np.ndarray, greens: np.ndarray,
                rule: Rule3030300 = DEFAULT_RULE, progress: ProgressFn = no_progress,
                cancelled: CancelledFn = never_cancelled) -> MonitorResult:
    living = cols.status == "levend"
    alive = RegisterColumns(**{f.name: getattr(cols, f.name)[living] for f in fields(RegisterColumns)})
    names, outlines = buurt_outlines(alive)
    tree_xy = np.column_stack([alive.x, alive.y])
    results = evaluate(names, outlines, buildings, tree_xy, crown_diameters(alive), greens, rule, progress,
                       cancelled)
    notes = [f"buurtgrenzen benaderd: omhullende van de bomen per buurt + {BUURT_MARGIN_M:g} m",
             "kroondiameter aangenomen per hoogteklasse (geen gemeten kroondiameter gebruikt)",
             "alle panden geteld als woning (geen filter op gebruiksdoel)"]
    return MonitorResult(results, rule, notes)


def read_polygons(path: str | Path) -> tuple[np.ndarray, list[str]]:
    geoms, notes = read_plan_file(path)
    polys = [g for geom in geoms for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    return np.array(polys, dtype=object), notes


def csv_rows(result: MonitorResult) -> list[list]:
    def pct(v: float) -> str:  # noqa: D401
        return f"{v:.1f}"

    rows = []
    for b in result.buurten:
        rows.append([b.buurt, f"{b.area_m2 / 10_000:.2f}", b.dwellings, pct(b.pct(b.with_3_trees)),
                     pct(b.canopy_pct), pct(b.pct(b.near_green)), pct(b.pct(b.all_three)),
                     "ja" if b.canopy_pct >= result.rule.canopy_pct else "nee",
                     "" if b.dwellings else "geen woningen in deze buurt"])
    return rows


def write_monitor_csv(result: MonitorResult, path: str | Path) -> int:
    rows = csv_rows(result)
    write_csv(path, CSV_HEADER, rows)
    return len(rows)
