"""3-30-300 per buurt from the live register plus imported building footprints and green areas
(GeoPackage, GeoJSON or Shapefile; any CRS is converted to RD New); results as CSV."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np
import shapely

from bomenplan.domain.areas import AreaBoundary
from bomenplan.domain.network_distance import build_network, network_green_distance
from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.rule_3_30_300 import DEFAULT_RULE, BuurtResult, Rule3030300, assign, evaluate
from bomenplan.services.csv_output import write_csv
from bomenplan.services.plan_files import read_plan_file

# Crown diameter (m) assumed per hoogteklasse when none is measured: an assumption of this app
# (about half the height), not a published table; change it here or per call.
DEFAULT_CROWN_M = {"0-6 m": 3.0, "6-9 m": 5.0, "9-12 m": 6.0, "12-15 m": 8.0, "15-18 m": 9.0,
                   "18-24 m": 11.0, ">= 24 m": 13.0, "onbekend": 6.0}
BUURT_MARGIN_M = 25.0  # buurt outline when no polygons are given: hull of its trees + this margin
CSV_HEADER = ("buurt", "oppervlak_ha", "woningen", "pct_3_bomen", "pct_kroonbedekking",
              "pct_groen_300m", "pct_groen_300m_netwerk", "pct_alle_drie", "voldoet_30", "opmerking")


@dataclass
class MonitorResult:
    buurten: list[BuurtResult]
    rule: Rule3030300
    notes: list[str] = field(default_factory=list)
    outlines: np.ndarray | None = None  # the buurt polygons, in the order of `buurten` (for maps)


def crown_diameters(cols: RegisterColumns, per_class: dict[str, float] = DEFAULT_CROWN_M,
                    measured: dict[int, float] | None = None) -> tuple[np.ndarray, int]:
    """Crown diameter per tree: the measured one where the register has it, else the assumption
    for its hoogteklasse. Returns the diameters and how many were measured."""
    fallback = per_class.get("onbekend", 6.0)
    out = np.array([per_class.get(str(h), fallback) for h in cols.hoogteklasse], dtype="f8")
    if not measured or not len(cols):
        return out, 0
    ids = np.fromiter(measured.keys(), "i8", len(measured))
    values = np.fromiter(measured.values(), "f8", len(measured))
    order = np.argsort(ids)
    at = np.clip(np.searchsorted(ids[order], cols.id), 0, len(ids) - 1)
    hit = ids[order][at] == cols.id
    out[hit] = values[order][at][hit]
    return out, int(hit.sum())


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
                cancelled: CancelledFn = never_cancelled, areas: list[AreaBoundary] | None = None,
                measured_crowns: dict[int, float] | None = None,
                network_lines: np.ndarray | None = None) -> MonitorResult:
    """`areas`: stored buurt polygons (the hull of each buurt's trees when there are none);
    `measured_crowns`: tree id → measured crown diameter; `network_lines`: a path or street
    network for the 300 along the network (Euclidean only without it)."""
    living = cols.status == "levend"
    alive = RegisterColumns(**{f.name: getattr(cols, f.name)[living] for f in fields(RegisterColumns)})
    notes = []
    if areas:
        names, outlines = [a.name for a in areas], np.array([a.geometry for a in areas], dtype=object)
        notes.append(f"buurtgrenzen: {len(areas)} ingelezen buurtvlakken (kroonoppervlak ÷ oppervlak van de buurt)")
    else:
        names, outlines = buurt_outlines(alive)
        notes.append(f"geen buurtgrenzen ingelezen: benaderd als omhullende van de bomen per buurt "
                     f"+ {BUURT_MARGIN_M:g} m")
    tree_xy = np.column_stack([alive.x, alive.y])
    outside = int((assign(shapely.points(tree_xy), outlines) < 0).sum()) if areas else 0
    if outside:
        notes.append(f"{outside} levende bomen staan buiten alle buurtvlakken en tellen niet mee")
    diameters, n_measured = crown_diameters(alive, measured=measured_crowns)
    notes.append(f"kroondiameter gemeten bij {n_measured} van {len(alive)} levende bomen; "
                 "de rest aangenomen per hoogteklasse")
    network_ok = None
    if network_lines is not None and len(network_lines):
        network = build_network(network_lines)
        distance = network_green_distance(buildings, network, greens, rule.min_green_area_m2,
                                          rule.green_distance_m, rule.green_entry_m)
        network_ok = np.isfinite(distance)
        notes.append(f"300 m ook over het padennet ({len(network)} knopen; woning naar dichtstbijzijnde knoop)")
    else:
        notes.append("geen padennet: 300 m alleen hemelsbreed")
    progress(0.1)
    results = evaluate(names, outlines, buildings, tree_xy, diameters, greens, rule,
                       lambda f: progress(0.1 + 0.9 * f), cancelled, network_ok)
    notes.append("alle panden geteld als woning (geen filter op gebruiksdoel)")
    return MonitorResult(results, rule, notes, outlines)


def read_lines(path: str | Path) -> tuple[np.ndarray, list[str]]:
    """A path or street network: the file's lines (polygon outlines count as lines too)."""
    geoms, notes = read_plan_file(path)
    parts = shapely.get_parts(np.array(geoms, dtype=object))
    lines = [g if g.geom_type == "LineString" else g.boundary for g in parts
             if g.geom_type in ("LineString", "Polygon")]
    return shapely.get_parts(np.array(lines, dtype=object)), notes


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
                     pct(b.canopy_pct), pct(b.pct(b.near_green)),
                     "" if b.near_green_network is None else pct(b.pct(b.near_green_network)),
                     pct(b.pct(b.all_three)),
                     "ja" if b.canopy_pct >= result.rule.canopy_pct else "nee",
                     "" if b.dwellings else "geen woningen in deze buurt"])
    return rows


def write_monitor_csv(result: MonitorResult, path: str | Path) -> int:
    rows = csv_rows(result)
    write_csv(path, CSV_HEADER, rows)
    return len(rows)
