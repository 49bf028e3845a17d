"""Benchmark: 3-30-300 for 50k dwellings × 300k trees (target ≤ 10 s), in three variants:
buurt outlines from the trees (fallback), stored-style buurt polygons (400 m cells), and the same
plus the 300 along a path network (the real Osdorp walk network, ../shared/data, when present,
and a 100 m path grid over the whole register).

Uses the real 300k register (/work/data/ams300k.sqlite or bench/real_register.py), copied to a temp
folder; dwellings (10 × 8 m) and parks (0,3-3 ha) are generated. Run: python bench/bench_3_30_300.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyogrio
import shapely

from bomenplan.cli.context import uow_factory
from bomenplan.domain.areas import BUURT, AreaBoundary
from bomenplan.services.monitor_3_30_300 import run_monitor

REAL = Path("/work/data/ams300k.sqlite")
OSDORP = Path(__file__).resolve().parents[2] / "shared/data/amsterdam-osdorp-sidewalks/osdpm_map.gpkg"


def _grid_cells(cols, size: float) -> list[AreaBoundary]:
    x0, y0 = np.floor(cols.x.min() / size) * size, np.floor(cols.y.min() / size) * size
    xs, ys = np.arange(x0, cols.x.max() + size, size), np.arange(y0, cols.y.max() + size, size)
    gx, gy = np.meshgrid(xs, ys)
    boxes = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + size, gy.ravel() + size)
    return [AreaBoundary(BUURT, f"cel {i}", "", "", b) for i, b in enumerate(boxes)]


def _path_grid(cols, step: float) -> np.ndarray:
    x0, x1, y0, y1 = cols.x.min(), cols.x.max(), cols.y.min(), cols.y.max()
    lines = [shapely.linestrings([(x0, y), (x1, y)]) for y in np.arange(y0, y1, step)]
    lines += [shapely.linestrings([(x, y0), (x, y1)]) for x in np.arange(x0, x1, step)]
    return np.array(lines, dtype=object)


def _timed(label: str, fn) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{label}: {len(result.buurten)} buurten, {took:.2f} s, cpu {cpu:.2f} s (doel ≤ 10 s)")


def main() -> int:
    if REAL.exists():
        source = REAL
    else:
        from real_register import real_300k_register
        source = real_300k_register()
    folder = Path(tempfile.mkdtemp(prefix="bench_3_30_300_"))
    db = folder / "register.sqlite"
    shutil.copy(source, db)
    with uow_factory(db)() as uow:
        cols = uow.trees.columns()
    cols.buurt = np.array([f"{int(a // 400)}_{int(b // 400)}" for a, b in zip(cols.x, cols.y, strict=True)],
                          dtype=object)
    rng = np.random.default_rng(1)
    pick = rng.choice(len(cols), 50_000, replace=False)
    hx, hy = cols.x[pick] + rng.uniform(8, 20, 50_000), cols.y[pick] + rng.uniform(8, 20, 50_000)
    houses = shapely.box(hx, hy, hx + 10, hy + 8)
    px, py = rng.uniform(cols.x.min(), cols.x.max(), 800), rng.uniform(cols.y.min(), cols.y.max(), 800)
    parks = shapely.buffer(shapely.points(px, py), rng.uniform(30, 100, 800))
    living = int((cols.status == "levend").sum())
    print(f"{len(houses)} woningen × {living} levende bomen, {len(parks)} parken")
    areas = _grid_cells(cols, 400.0)
    _timed("omhullende per buurt (terugval)", lambda: run_monitor(cols, houses, parks))
    _timed(f"{len(areas)} buurtvlakken (400 m)", lambda: run_monitor(cols, houses, parks, areas=areas))
    if OSDORP.exists():
        lines = shapely.from_wkb(pyogrio.raw.read(OSDORP)[2])
        _timed(f"+ padennet Osdorp ({len(lines)} lijnen)",
               lambda: run_monitor(cols, houses, parks, areas=areas, network_lines=lines))
    grid = _path_grid(cols, 100.0)
    _timed(f"+ padenraster 100 m over alles ({len(grid)} lijnen)",
           lambda: run_monitor(cols, houses, parks, areas=areas, network_lines=grid))
    shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
