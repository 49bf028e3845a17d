"""Map background benchmark: redraw with the demo town's base map in view (issue 11).

Run: python bench/bench_map_layers.py [--db /tmp/bench_demo_town.sqlite] [--shots /tmp]
Targets: redraw after pan/zoom ≤ 30 ms with the whole demo town in view; a generated
50 000-polygon BGT-like layer (pand-like blocks with 5–9 corners over 7 × 7 km) pans at
≤ 50 ms per redraw. Screenshots at 1366 × 768 of the whole town and of the centre.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Timing:
    """Median wall-clock and CPU milliseconds (the CPU figure is what a loaded machine hides)."""

    def __init__(self, fn, runs: int):
        wall, cpu = [], []
        for _ in range(runs):
            w0, c0 = time.perf_counter(), time.process_time()
            fn()
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
        self.wall, self.cpu = statistics.median(wall) * 1000, statistics.median(cpu) * 1000

    def __format__(self, spec: str) -> str:
        return f"{self.wall:.1f} ms (CPU {self.cpu:.1f} ms)"


def write_bgt_like(path: Path, count: int = 50_000, seed: int = 11) -> None:
    """`count` small irregular polygons (6–20 m across) spread over the demo town."""
    import numpy as np
    import pyogrio.raw
    import shapely

    rng = np.random.default_rng(seed)
    centres = rng.uniform((229500, 553500), (236500, 560500), size=(count, 2))
    corners = rng.integers(5, 10, size=count)
    polygons = []
    for (cx, cy), n in zip(centres, corners, strict=True):
        angles = np.sort(rng.uniform(0, 2 * np.pi, n))
        radius = rng.uniform(3, 10, n)
        polygons.append(shapely.Polygon(np.column_stack([cx + radius * np.cos(angles),
                                                         cy + radius * np.sin(angles)])))
    pyogrio.raw.write(path, shapely.to_wkb(np.array(polygons, dtype=object)),
                      [np.arange(count)], ["nummer"], layer="pand", driver="GPKG",
                      geometry_type="Polygon", crs="EPSG:28992")


def first_background_frame(app, view, cache: Path) -> None:
    """WMTS from a loopback server (tests/wmts_server.py): first frame with every tile in view,
    from the network and then, in a new background on the same disk cache, from the cache."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from wmts_server import WmtsServer

    from bomenplan.ui.features.map_background import CUSTOM, MapBackground
    from bomenplan.ui.views.map_wmts_layer import TileFetcher

    vb = view.plot_item.getViewBox()
    vb.setRange(xRange=(232700, 233700), yRange=(556700, 557500), padding=0)
    with WmtsServer() as server:
        for label in ("network", "disk cache"):
            background = MapBackground(view, TileFetcher(cache_folder=cache))
            start = time.perf_counter()
            background.choose(CUSTOM, server.url("/wmts?request=GetCapabilities"), "standaard")
            while background.item is None or not background.item._current or background.item._pending:
                app.processEvents()
            view.grab()
            print(f"first background frame ({label}, {len(background.item._current)} tiles): "
                  f"{(time.perf_counter() - start) * 1000:.0f} ms  target ≤ 300 ms from cache"
                  f"  [{len(server.tile_requests())} tile requests so far]")
            background.clear()
            background.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/bench_demo_town.sqlite")
    parser.add_argument("--shots", default="/tmp")
    args = parser.parse_args()
    if not Path(args.db).exists():
        subprocess.run([sys.executable, "main.py", "demo", "--db", args.db], check=True)

    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork
    from bomenplan.ui.application import make_application
    from bomenplan.ui.features.base_map import LAYER_PREFIX
    from bomenplan.ui.main_window import MainWindow
    from bomenplan.ui.settings import Settings

    app = make_application([])
    _engine, sessions = open_database(args.db)
    window = MainWindow(lambda: SqlUnitOfWork(sessions), settings=Settings.at("/tmp/bench_map_settings.ini"))
    window.resize(1366, 768)
    window.show()
    start = time.perf_counter()
    while window.base_map.is_loading() or window.map_view.layer(LAYER_PREFIX + "gebouwen") is None:
        app.processEvents()
    print(f"base map loaded and prepared in {time.perf_counter() - start:.2f} s (worker)")
    while not window.map_view.is_scatter_ready():
        app.processEvents()
    view = window.map_view
    vb = view.plot_item.getViewBox()
    view.zoom_to_all()
    (x0, x1), (y0, y1) = vb.viewRange()
    step = iter(range(100_000))

    def pan(cx: float, cy: float, half: float):
        k = next(step) % 5 * half / 20
        vb.setRange(xRange=(cx - half + k, cx + half + k), yRange=(cy - half, cy + half), padding=0)
        view.grab()

    whole = Timing(lambda: pan((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2), 15)
    print(f"redraw after pan, whole demo town in view: {whole:} target ≤ 30 ms")
    one_km = Timing(lambda: pan(233200, 557000, 500), 15)
    print(f"redraw after pan, 1 km window (centre, streets named): {one_km:} target ≤ 30 ms")
    street = Timing(lambda: pan(233200, 557000, 150), 15)
    print(f"redraw after pan, 300 m window: {street:}")
    bgt = Path(args.shots) / "bench_bgt_50k.gpkg"
    if not bgt.exists():
        write_bgt_like(bgt)
    from bomenplan.ui.features.map_layers import USER_STYLES, load_user_layer
    from bomenplan.ui.views.map_vector_layer import VectorLayerItem

    load = Timing(lambda: load_user_layer(str(bgt), "pand"), 1)
    print(f"50k-polygon layer read + tiled (worker): {load:}")
    data, tiles = load_user_layer(str(bgt), "pand")
    view.add_layer("laag:bench", VectorLayerItem(tiles, USER_STYLES[0]))
    for label, half in (("whole 7 km", 3500), ("1 km", 500), ("300 m", 150)):
        pan_time = Timing(lambda h=half: pan(233000, 557000, h), 15)
        print(f"redraw after pan with the 50k layer, {label} window: {pan_time:} target ≤ 50 ms")
    vb.setRange(xRange=(232700, 233700), yRange=(556700, 557500), padding=0)
    window.grab().save(f"{args.shots}/map11_bgt_50k.png")
    view.remove_layer("laag:bench")
    first_background_frame(app, view, Path(args.shots) / "bench_tile_cache")
    view.zoom_to_all()
    window.grab().save(f"{args.shots}/map11_demo_town.png")
    vb.setRange(xRange=(232700, 233700), yRange=(556700, 557500), padding=0)
    window.grab().save(f"{args.shots}/map11_demo_centre.png")
    vb.setRange(xRange=(233000, 233400), yRange=(556850, 557150), padding=0)
    window.grab().save(f"{args.shots}/map11_demo_brink.png")
    print(f"screenshots: {args.shots}/map11_demo_town.png, …_centre.png, …_brink.png")
    window.close()
    window.deleteLater()
    app.processEvents()
    for task in list(window._tasks):
        task.cancel()
    window.task_pool.waitForDone()


if __name__ == "__main__":
    main()
