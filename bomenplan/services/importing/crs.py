"""Source coordinates → RD New (EPSG:28992): column/WKT/geometry reading, swap detection, pyproj."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyproj
import shapely

from bomenplan.domain.tree import RD_NEW
from bomenplan.services.importing.points import representative_xy
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
    steps: tuple[pyproj.Transformer, ...]  # applied in order; empty = source is RD New already
    description: str
    accuracy_m: float | None

    @property
    def transformer(self) -> pyproj.Transformer | None:
        return self.steps[0] if self.steps else None


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
        x, y = representative_xy(geoms)
        rejects.add(np.isnan(x), "wkt", text, "geometrie ontbreekt of is ongeldig")
        return x, y
    if source.geometry_xy is not None:
        x, y = (np.asarray(a, dtype=np.float64) for a in source.geometry_xy)
        rejects.add(np.isnan(x), "geometrie", "", "geometrie ontbreekt of is ongeldig")
        return x, y
    rejects.add(np.ones(n, dtype=bool), "x", "", "geen coördinaatkolommen gekoppeld")
    return np.full(n, np.nan), np.full(n, np.nan)


def make_transformation(crs: str | None, grid_dir: str | Path | None = None) -> Transformation:
    """The best available way to RD New; via WGS 84 when there is no direct accurate one."""
    try:
        source_crs = pyproj.CRS.from_user_input(crs or RD_NEW)
    except pyproj.exceptions.CRSError as exc:
        raise ValueError(f"onbekend coördinatenstelsel {crs!r}") from exc
    target, wgs84 = pyproj.CRS.from_user_input(RD_NEW), pyproj.CRS.from_epsg(4326)
    if source_crs.equals(target, ignore_axis_order=True):
        return Transformation((), f"geen ({target.name})", 0.0)
    wgs_like = source_crs.is_geographic and source_crs.ellipsoid.name.startswith(("WGS 84", "GRS 1980"))
    if grid_dir and (Path(grid_dir) / RDTRANS_GRID).exists():
        pyproj.datadir.append_data_dir(str(grid_dir))
        try:
            grid = pyproj.Transformer.from_pipeline(_RDTRANS_PIPELINE)
        except pyproj.exceptions.ProjError as exc:
            raise ValueError(f"{Path(grid_dir) / RDTRANS_GRID}: grid onbruikbaar ({exc})") from exc
        grid_step = (grid, f"RDNAPTRANS™2018 ({RDTRANS_GRID}, {grid.definition})")
        return _chain([grid_step] if wgs_like else [_best(source_crs, wgs84), grid_step])
    direct = _best(source_crs, target)
    if wgs_like or _accuracy(direct[0]) is not None:
        return _chain([direct])
    via = _best(source_crs, wgs84)  # e.g. DHDN: no direct operation to Amersfoort but a Helmert to WGS 84
    if _accuracy(via[0]) is None:
        return _chain([direct])
    return _chain([via, _best(wgs84, target)])


def _best(source, target) -> tuple[pyproj.Transformer, str]:
    # TransformerGroup lists only operations whose grids are available, best first.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "best transformation is not available"
        group = pyproj.transformer.TransformerGroup(source, target, always_xy=True)
    best = (group.transformers[0] if group.transformers
            else pyproj.Transformer.from_crs(source, target, always_xy=True))
    description = best.description
    if not group.best_available and group.unavailable_operations:
        missing = [g.short_name for g in group.unavailable_operations[0].grids if not g.available]
        if missing:
            description += f" (nauwkeuriger met grid {', '.join(missing)}: --grid-dir)"
    return best, description


def _accuracy(transformer: pyproj.Transformer) -> float | None:
    accuracy = transformer.accuracy
    return accuracy if accuracy is not None and accuracy > 0 else None


def _chain(steps: list[tuple[pyproj.Transformer, str]]) -> Transformation:
    accuracies = [_accuracy(t) for t, _ in steps]
    total = None if None in accuracies else sum(accuracies)
    return Transformation(tuple(t for t, _ in steps), " → ".join(d for _, d in steps), total)


def to_rd(t: Transformation, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rx, ry = np.asarray(x, dtype=np.float64).copy(), np.asarray(y, dtype=np.float64).copy()
    for step in t.steps:
        with np.errstate(invalid="ignore"):
            rx, ry = step.transform(rx, ry, errcheck=False)
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
