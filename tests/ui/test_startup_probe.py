"""Launch timing probe: first paint and start-up done from process start, stalls, RSS."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget
from test_tree_table_model import columns_of

from bomenplan.ui.startup_probe import StartupProbe, process_age_s
from bomenplan.ui.views.map_view import SCATTER_SYNC_MAX, MapView

ROOT = Path(__file__).resolve().parents[2]


def test_process_age_counts_from_the_start_of_this_process():
    # pytest has imported Qt and collected tests before this runs: clearly more than 0 s,
    # and less than the time since this machine booted.
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    age = process_age_s()
    assert 0.05 < age < uptime


def test_probe_marks_the_first_paint_and_waits_until_the_work_is_done(qtbot, tmp_path, monkeypatch):
    # GIVE_UP_S counts from process start: late in a long suite run the probe would give up at once
    monkeypatch.setattr("bomenplan.ui.startup_probe.GIVE_UP_S", float("inf"))
    widget = QWidget()
    qtbot.addWidget(widget)
    work_left = [True]
    report = tmp_path / "startup.json"
    probe = StartupProbe(report, widget, showing=lambda: True, done=lambda: not work_left[0],
                         quit_when_done=False)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitUntil(lambda: probe.first_paint_epoch is not None)
    qtbot.wait(200)  # work still "running": no report yet
    assert not report.exists()
    work_left[0] = False
    qtbot.waitUntil(report.exists, timeout=5000)
    figures = json.loads(report.read_text())
    assert 0 < figures["first_paint_s"] <= figures["startup_done_s"]
    assert figures["startup_done_epoch"] - figures["first_paint_epoch"] >= 0.2  # waited for done
    assert figures["max_stall_ms_after_first_paint"] >= 15  # at least one 20 ms tick gap
    assert figures["finished"] is True
    assert 30 < figures["peak_rss_mb"] < 4000


def test_probe_ignores_paints_before_the_map_shows_trees(qtbot, tmp_path):
    widget = QWidget()
    qtbot.addWidget(widget)
    trees_shown = [False]
    probe = StartupProbe(tmp_path / "r.json", widget, showing=lambda: trees_shown[0],
                         done=lambda: True, quit_when_done=False)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(50)
    assert probe.first_paint_epoch is None
    trees_shown[0] = True
    widget.update()
    qtbot.waitUntil(lambda: probe.first_paint_epoch is not None)


def test_big_map_builds_its_exact_points_in_a_worker_with_the_right_ids(qtbot):
    from PySide6.QtCore import QItemSelectionModel

    from bomenplan.ui.models.tree_table_model import TreeTableModel

    n = SCATTER_SYNC_MAX + 5_000
    model = TreeTableModel(columns_of(n, seed=5))
    view = MapView()
    qtbot.addWidget(view)
    view.set_model(model, QItemSelectionModel(model))
    assert not view.is_scatter_ready()  # handed to the worker, not built on the GUI thread
    qtbot.waitUntil(view.is_scatter_ready, timeout=20_000)
    data = view.scatter.data
    assert len(data) == n
    assert sorted(data["data"].tolist()) == sorted(model.columns.id.tolist())
    first = int(np.flatnonzero(data["data"] == model.columns.id[0])[0])
    assert (data["x"][first], data["y"][first]) == (model.columns.x[0], model.columns.y[0])
    assert len({id(b) for b in data["brush"]}) <= 13  # palette brushes, shared
    assert np.all(data["sourceRect"]["w"] > 0)  # every point has its symbol in the atlas


@pytest.mark.timeout(300)
def test_app_writes_the_startup_report_and_quits(tmp_path):
    from synthetic_register import fill_register

    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork

    db = tmp_path / "klein.sqlite"
    _engine, sessions = open_database(db)
    fill_register(lambda: SqlUnitOfWork(sessions), 1500, seed=4)
    _engine.dispose()
    report = tmp_path / "startup.json"
    env = dict(os.environ, BOMENPLAN_STARTUP_REPORT=str(report), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    spawned = time.time()
    done = subprocess.run([sys.executable, "main.py", "--db", str(db)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    exited = time.time()
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(report.read_text())
    # /proc's start time has 10 ms ticks: allow that much before the spawn clock
    assert spawned - 0.05 <= figures["process_start_epoch"] <= figures["first_paint_epoch"]
    assert figures["first_paint_epoch"] <= figures["startup_done_epoch"] <= exited
    assert 0 < figures["first_paint_s"] <= figures["startup_done_s"] <= exited - spawned + 0.05
    assert figures["finished"] is True
    assert figures["max_stall_ms_after_first_paint"] >= 15
    assert 0 < figures["first_paint_cpu_s"] <= figures["startup_done_cpu_s"]
    assert 50 < figures["peak_rss_mb"] < 4000


def test_a_tree_added_while_the_points_are_built_still_gets_its_point(qtbot):
    from PySide6.QtCore import QItemSelectionModel
    from shapely.geometry import Point

    from bomenplan.domain.tree import Tree
    from bomenplan.ui.models.tree_table_model import TreeTableModel

    n = SCATTER_SYNC_MAX + 2_000
    model = TreeTableModel(columns_of(n, seed=6))
    view = MapView()
    qtbot.addWidget(view)
    view.set_model(model, QItemSelectionModel(model))
    assert not view.is_scatter_ready()  # the worker has the n points
    model.add_tree(Tree(888888, "AS-NIEUW", 1, Point(231000.0, 556000.0),
                        species_name="Tilia cordata"))
    qtbot.waitUntil(view.is_scatter_ready, timeout=20_000)
    assert len(view.scatter.data) == n + 1
    assert 888888 in view.scatter.data["data"].tolist()
