"""The floor for launch figures: a bare PySide6 + pyqtgraph window that reads a register's x/y
with sqlite3 and shows all points in one ScatterPlotItem. Nothing of bomenplan is imported
except the probe module (loaded by file path), so first paint and idle are measured the same way.

Run: BOMENPLAN_STARTUP_REPORT=floor.json python3 bench/floor_window.py DB.sqlite
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import sys
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

PROBE = Path(__file__).resolve().parents[1] / "bomenplan" / "ui" / "startup_probe.py"


def load_probe_module():
    spec = importlib.util.spec_from_file_location("startup_probe", PROBE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_points(db: str) -> tuple[np.ndarray, np.ndarray]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT s.x, s.y FROM tree t JOIN site s ON s.id = t.site_id").fetchall()
    xy = np.array(rows, dtype=float).reshape(-1, 2)
    return xy[:, 0], xy[:, 1]


def main() -> int:
    db = sys.argv[1]
    app = QApplication(sys.argv[:1])
    x, y = read_points(db)
    widget = pg.PlotWidget(background="#f4f5f0")
    widget.getPlotItem().setAspectLocked(True)
    scatter = pg.ScatterPlotItem(x=x, y=y, pxMode=True, size=7, brush=pg.mkBrush("#2e7d32"),
                                 pen=pg.mkPen("#37474f", width=0.6))
    widget.addItem(scatter)
    widget.resize(1400, 860)
    report = os.environ.get("BOMENPLAN_STARTUP_REPORT")
    if report:
        probe = load_probe_module()
        probe.StartupProbe(report, widget.viewport(), showing=lambda: len(x) > 0,
                           done=lambda: True)
    widget.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
