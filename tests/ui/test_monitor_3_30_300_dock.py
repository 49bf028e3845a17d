"""3-30-300 dock: computed in a worker on files the user chose (hand-built geometry with answers
worked out by hand) or on the demo's made-up houses; the job captures no Qt object."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from register_fixtures import trees, uow_factory  # noqa: F401
from shapely.geometry import box
from test_worker_captures import qt_objects_reachable

from bomenplan.services.demo_buildings import write_polygons
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path, monkeypatch):  # noqa: F811
    for name in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a: pytest.fail(f"unexpected message {a}"))
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def _row(table, r: int) -> list[str]:
    return [table.item(r, c).text() for c in range(table.columnCount())]


def test_table_per_buurt_from_chosen_files(window, qtbot, tmp_path, monkeypatch):
    # trees A000-A002 at (234000 + 8i, 557000), buurt Binnenstad. One house 10 × 8 m just north:
    # distances 5, 5 and √(6² + 5²) = 7,8 m → 3 trees within 15 m. A 100 × 60 m park (0,6 ha ≥
    # 0,5 ha) 187 m north of the house → within 300 m. Crowns: 3 discs of 6 m ≈ 85 m² in an
    # outline of ≈ 16 × 50 + π·25² ≈ 2 760 m² ≈ 3 % → 30 not met, so "alle drie" is 0 %.
    write_polygons(tmp_path / "bag.gpkg", np.array([box(234000, 557005, 234010, 557013)]), "panden")
    write_polygons(tmp_path / "groen.gpkg", np.array([box(234000, 557200, 234100, 557260)]), "groen")
    chosen = iter([str(tmp_path / "bag.gpkg"), str(tmp_path / "groen.gpkg")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(chosen), ""))
    feature = window.monitor_3_30_300
    feature.files_button.click()
    qtbot.waitUntil(lambda: feature.result is not None, timeout=20000)
    assert feature.table.rowCount() == 1
    buurt, woningen, drie, kroon, groen, paden, alle, voldoet = _row(feature.table, 0)
    assert (buurt, woningen, drie, groen, paden, alle, voldoet) == \
        ("Binnenstad", "1", "100 %", "100 %", "–", "0 %", "nee")  # no path network chosen
    assert kroon in ("3 %", "4 %")


def test_demo_houses_give_a_row_per_buurt_and_say_they_are_made_up(window, qtbot):
    feature = window.monitor_3_30_300
    feature.demo_button.click()
    qtbot.waitUntil(lambda: feature.result is not None, timeout=20000)
    assert [b.buurt for b in feature.result.buurten] == ["Binnenstad"]
    assert "geen BAG" in feature.notes.text()


def test_the_monitor_job_captures_no_qt_object(window, monkeypatch):
    functions = []
    monkeypatch.setattr(window, "run_task", lambda fn, on_done, label, on_failed=None: functions.append(fn))
    window.monitor_3_30_300.start(None, None)
    assert len(functions) == 1 and qt_objects_reachable(functions[0]) == []


def test_map_layer_colours_buurten_per_rule_and_sits_in_the_layers_panel(window, qtbot, tmp_path, monkeypatch):
    # as above: the one house has 3 trees within 15 m (100 % → class 4, green) and the park within
    # 300 m (100 % → class 4); the canopy of ≈ 3 % is a tenth of the 30 % target (< 25 % → class 0, red)
    write_polygons(tmp_path / "bag.gpkg", np.array([box(234000, 557005, 234010, 557013)]), "panden")
    write_polygons(tmp_path / "groen.gpkg", np.array([box(234000, 557200, 234100, 557260)]), "groen")
    chosen = iter([str(tmp_path / "bag.gpkg"), str(tmp_path / "groen.gpkg")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (next(chosen), ""))
    feature = window.monitor_3_30_300
    feature.files_button.click()
    qtbot.waitUntil(lambda: feature.result is not None, timeout=20000)
    item = window.map_view.layer("3-30-300")
    assert item is not None and item.classes.tolist() == [4]
    assert [feature.map_rule.itemData(i) for i in range(feature.map_rule.count())] == ["3", "30", "300"]
    feature.map_rule.setCurrentIndex(1)
    assert item.classes.tolist() == [0] and item.colour_of(0).name() == "#d7191c"
    feature.map_rule.setCurrentIndex(2)
    assert item.classes.tolist() == [4] and item.colour_of(0).name() == "#1a9641"
    # the buurt outline (hull of the 3 trees + 25 m) is what is drawn
    assert item.boundingRect().width() == pytest.approx(16 + 50, abs=0.5)
    panel = window.map_layers.panel
    row = panel.row_of("3-30-300")
    assert row >= 0 and panel.model.item(row).text() == "3-30-300 per buurt"
    panel.model.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not item.isVisible()


def test_buurt_boundaries_imported_from_the_dock_are_used_by_the_next_run(window, qtbot, tmp_path, monkeypatch):
    import pyarrow as pa
    import pyogrio

    # one CBS-style buurt "Kern" of 100 × 50 m around the three trees at x 234000-234016, y 557000
    kern = box(233990, 556980, 234090, 557030)
    table = pa.table({"buurtnaam": pa.array(["Kern"]), "buurtcode": pa.array(["BU00000001"]),
                      "geometry": pa.array([kern.wkb], type=pa.binary())})
    pyogrio.write_arrow(table, tmp_path / "buurten.gpkg", layer="buurten", driver="GPKG", crs="EPSG:28992",
                        geometry_name="geometry", geometry_type="Polygon")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "buurten.gpkg"), ""))
    feature = window.monitor_3_30_300
    feature.areas_button.click()
    qtbot.waitUntil(lambda: "1 buurtgrenzen ingelezen" in feature.notes.text(), timeout=20000)
    feature.demo_button.click()
    qtbot.waitUntil(lambda: feature.result is not None, timeout=20000)
    (buurt,) = feature.result.buurten
    assert buurt.buurt == "Kern" and buurt.area_m2 == pytest.approx(5_000)
    assert "ingelezen buurtvlakken" in feature.notes.text()
