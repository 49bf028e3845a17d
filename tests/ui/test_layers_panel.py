"""The layers panel: user vector layers (one reprojected), toggling, reordering and opacity,
all remembered in the settings (issue 11, parts 3 and 4)."""

import json

import numpy as np
import pyogrio.raw
import pytest
import shapely
from PySide6.QtCore import Qt
from real_window import shown_main_window
from shapely.geometry import box
from synthetic_register import fill_register

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.ui.features.base_map import LAYER_PREFIX
from bomenplan.ui.features.map_layers import TREES, USER_PREFIX
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import MAP_LAYERS, Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def write(path, geometries, crs):
    pyogrio.raw.write(path, shapely.to_wkb(np.array(geometries, dtype=object)),
                      [np.array(["a"] * len(geometries), dtype=object)], ["naam"], driver="GPKG",
                      geometry_type="Polygon", crs=crs)


def key(path):
    return f"{USER_PREFIX}{path}|{path.stem}"


def add_and_wait(qtbot, window, path):
    feature = window.map_layers
    feature.load_layer(str(path), path.stem, feature_style())
    qtbot.waitUntil(lambda: window.map_view.layer(key(path)) is not None)


def feature_style():
    from bomenplan.ui.features.map_layers import USER_STYLES
    return USER_STYLES[0]


def test_layers_are_added_toggled_reordered_and_remembered(qtbot, tmp_path):
    pand, wgs = tmp_path / "pand.gpkg", tmp_path / "wgs.gpkg"
    write(pand, [box(233000, 557000, 233020, 557010)], "EPSG:28992")
    write(wgs, [box(5.3871, 52.1551, 5.3873, 52.1552)], "EPSG:4326")  # at the RD origin
    with shown_main_window(qtbot, tmp_path, lambda f: fill_register(f, 100, seed=2)) as window:
        panel, view = window.map_layers.panel, window.map_view
        add_and_wait(qtbot, window, pand)
        add_and_wait(qtbot, window, wgs)
        wgs_item = view.layer(key(wgs))
        assert wgs_item.boundingRect().center().x() == pytest.approx(155_000, abs=10)
        # the newest user layer is on top of the movable layers and drawn above the older one
        assert panel.movable_keys()[:2] == [key(wgs), key(pand)]
        assert wgs_item.zValue() > view.layer(key(pand)).zValue()
        assert wgs_item.zValue() < view.raster.zValue()  # always under the trees
        panel.select(key(pand))
        panel.move_current(-1)
        assert panel.movable_keys()[:2] == [key(pand), key(wgs)]
        assert view.layer(key(pand)).zValue() > wgs_item.zValue()
        # uncheck: the layer is hidden; uncheck the trees: neither raster nor points show
        panel.model.item(panel.row_of(key(wgs))).setCheckState(Qt.CheckState.Unchecked)
        assert not wgs_item.isVisible()
        panel.model.item(panel.row_of(TREES)).setCheckState(Qt.CheckState.Unchecked)
        view.zoom_to_all()
        assert not view.raster.isVisible() and not view.scatter.isVisible()
        panel.select(key(pand))
        panel.opacity.setValue(40)
        assert view.layer(key(pand)).opacity() == pytest.approx(0.4)
        saved = json.loads(window.settings.get(MAP_LAYERS))
        assert [(s["path"], s["layer"]) for s in saved["user_layers"]] == [(str(pand), "pand"),
                                                                            (str(wgs), "wgs")]
    # a new window on the same settings brings the layers back as they were
    settings = Settings.at(tmp_path / "settings.ini")
    assert json.loads(settings.get(MAP_LAYERS))["hidden"] == [key(wgs), TREES]
    engine, sessions = open_database(tmp_path / "second.sqlite")
    window = MainWindow(lambda: SqlUnitOfWork(sessions), settings=settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.map_view.layer(key(wgs)) is not None
                    and window.map_view.layer(key(pand)) is not None)
    panel = window.map_layers.panel
    assert panel.movable_keys()[:2] == [key(pand), key(wgs)]
    assert not panel.is_shown(key(wgs)) and not panel.is_shown(TREES) and panel.is_shown(key(pand))
    assert window.map_view.layer(key(pand)).opacity() == pytest.approx(0.4)
    assert not window.map_view.trees_shown()
    window.close()
    engine.dispose()


def test_a_remembered_layer_whose_file_is_gone_gives_a_quiet_message(qtbot, tmp_path):
    settings = Settings.at(tmp_path / "settings.ini")
    gone = tmp_path / "weg.gpkg"
    settings.set(MAP_LAYERS, json.dumps({"user_layers": [{"path": str(gone), "layer": "weg"}]}))
    with shown_main_window(qtbot, tmp_path, lambda f: None) as window:
        qtbot.waitUntil(lambda: "weg.gpkg" in window.statusBar().currentMessage())
        assert "bestaat niet" in window.statusBar().currentMessage()


def test_base_map_layers_appear_in_the_panel(qtbot, tmp_path):
    from bomenplan.domain.base_map import GEBOUWEN, WATER, BaseMapFeature

    def fill(factory):
        uow = factory()
        with uow:
            uow.base_map.replace([BaseMapFeature(WATER, "Vaart", "vaart", box(0, 0, 100, 10)),
                                  BaseMapFeature(GEBOUWEN, "", "bouwblok", box(0, 20, 40, 30))])
            uow.commit()

    with shown_main_window(qtbot, tmp_path, fill) as window:
        panel = window.map_layers.panel
        qtbot.waitUntil(lambda: panel.row_of(LAYER_PREFIX + GEBOUWEN) >= 0)
        # buildings lie on the water's banks, not under it: above it in the list and on the map
        view = window.map_view
        assert panel.row_of(LAYER_PREFIX + GEBOUWEN) < panel.row_of(LAYER_PREFIX + WATER)
        assert view.layer(LAYER_PREFIX + GEBOUWEN).zValue() > view.layer(LAYER_PREFIX + WATER).zValue()
        panel.model.item(panel.row_of(LAYER_PREFIX + WATER)).setCheckState(Qt.CheckState.Unchecked)
        assert not window.map_view.layer(LAYER_PREFIX + WATER).isVisible()
