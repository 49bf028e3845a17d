"""Map layers: the layers panel (dock) over the map's layers — trees, lanen quality, gaps, street
names, the base map and the vector layers the user adds from GeoPackage / Shapefile — with
visibility, order and opacity remembered in the settings (MAP_LAYERS, JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from bomenplan.domain.errors import BomenplanError
from bomenplan.services.map_tiles import tile_rings
from bomenplan.services.vector_layers import file_layers, read_vector_layer
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.features.base_map import LABEL_LAYER, LAYER_PREFIX
from bomenplan.ui.features.map_background import CUSTOM, NONE, MapBackground, background_choices
from bomenplan.ui.settings import MAP_LAYERS
from bomenplan.ui.views.lanen_layer import GAP_LAYER, SELECTED_GAP_LAYER, SELECTED_LAYER
from bomenplan.ui.views.layers_panel import LayersPanel
from bomenplan.ui.views.map_vector_layer import LayerStyle, VectorLayerItem

USER_PREFIX = "laag:"
TREES, LANEN = "bomen", "lanen"
FILE_FILTER = "Geobestanden (*.gpkg *.shp *.geojson *.json)"
USER_STYLES = (LayerStyle("#f2c14e", "#b8860b", 0.8), LayerStyle("#7fb3d5", "#2e86c1", 0.8),
               LayerStyle("#d7bde2", "#8e44ad", 0.8), LayerStyle("#a3e4d7", "#148f77", 0.8))
ANALYSIS_TITLES = {"3-30-300": "3-30-300 per buurt"}  # layers an analysis adds when it has run
BASE_TITLES = {"groen": "Ondergrond: groen", "water": "Ondergrond: water",
               "wegen": "Ondergrond: wegen", "gebouwen": "Ondergrond: gebouwen"}


def load_user_layer(path: str, layer: str):
    """Worker: read, reproject and tile one file layer (plain data only)."""
    data = read_vector_layer(path, layer)
    return data, tile_rings(data.geometries)


class MapLayersFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.map_view, self.settings = window, window.map_view, window.settings
        self.state = _read_state(self.settings.get(MAP_LAYERS))
        self.user_layers: dict[str, dict] = {}  # key → {"path", "layer", "style"}
        self._jobs: list[BackgroundJob] = []
        self._restoring = 0  # remembered layers still loading: the saved state waits for them
        self.panel = LayersPanel()
        self.background = MapBackground(self.map_view)
        self.background.message.connect(lambda text: window.statusBar().showMessage(text, 10_000))
        self.panel.set_backgrounds(background_choices(self.tr), self.state["background"])
        for key, title in ((TREES, self.tr("Bomen")), (LABEL_LAYER, self.tr("Straatnamen")),
                           (LANEN, self.tr("Lanen (kwaliteit)")), (GAP_LAYER, self.tr("Gaten in lanen"))):
            self.panel.add_layer(key, title, shown=key not in self.state["hidden"], movable=False)
        self.dock = window.add_dock(self.panel, self.tr("Kaartlagen"), Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        menu = window.view_menu
        menu.addAction(self.dock.toggleViewAction())
        menu.addAction(self.tr("Kaartlaag toevoegen…")).triggered.connect(self.ask_layer_file)
        self.panel.visibility_changed.connect(self._on_visibility)
        self.panel.order_changed.connect(lambda _keys: self._apply_order())
        self.panel.opacity_changed.connect(self._on_opacity)
        self.panel.add_requested.connect(self.ask_layer_file)
        self.panel.remove_requested.connect(self.remove_user_layer)
        self.panel.background_changed.connect(self.choose_background)
        self.map_view.layer_added.connect(self._on_layer_added)
        for name in self.map_view.layer_names():
            self._on_layer_added(name)
        self._apply_visibility(TREES)
        if self.state["background"] != NONE:
            self.choose_background(self.state["background"], ask=False)
        for saved in self.state["user_layers"]:
            self._restoring += 1
            self.load_layer(str(saved.get("path")), str(saved.get("layer", "")), _style(saved), quiet=True)

    def choose_background(self, key: str, ask: bool = True) -> None:
        url = self.state["custom_url"]
        if key == CUSTOM and ask:
            url, ok = QInputDialog.getText(self.window, self.tr("Eigen WMTS- of WMS-dienst"),
                                           self.tr("Adres van de GetCapabilities van de WMTS- of WMS-dienst:"),
                                           text=url)
            if not ok or not url.strip():
                return
            url = url.strip()
        self.state["background"], self.state["custom_url"] = key, url
        self.background.choose(key, url)
        self._save()

    # --- adding and removing user layers -----------------------------------------------------
    def ask_layer_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.window, self.tr("Kaartlaag toevoegen"), "",
                                                    FILE_FILTER)
        if not path:
            return
        try:
            layers = file_layers(path)
        except BomenplanError as exc:
            QMessageBox.warning(self.window, self.tr("Kaartlaag"), str(exc))
            return
        layer = layers[0]
        if len(layers) > 1:
            layer, ok = QInputDialog.getItem(self.window, self.tr("Kaartlaag"),
                                             self.tr("Welke laag uit {0}?").format(Path(path).name),
                                             layers, 0, False)
            if not ok:
                return
        self.load_layer(path, layer, USER_STYLES[len(self.user_layers) % len(USER_STYLES)])

    def load_layer(self, path: str, layer: str, style: LayerStyle, quiet: bool = False) -> None:
        job = BackgroundJob(self, on_failed=lambda exc: self._failed(exc, quiet, job))
        self._jobs.append(job)
        job.submit(lambda result: self._show_user_layer(result, style, job, quiet), load_user_layer,
                   path, layer)

    def _failed(self, exc: BaseException, quiet: bool, job: BackgroundJob) -> None:
        self._jobs.remove(job)
        self._restoring -= quiet
        message = str(exc) if isinstance(exc, BomenplanError) else repr(exc)
        if quiet:  # a remembered layer whose file is gone: say so, keep the map usable
            self.window.statusBar().showMessage(message, 10_000)
        else:
            QMessageBox.warning(self.window, self.tr("Kaartlaag"), message)

    def _show_user_layer(self, result, style: LayerStyle, job: BackgroundJob, quiet: bool) -> None:
        self._jobs.remove(job)
        self._restoring -= quiet
        data, tiles = result
        key = f"{USER_PREFIX}{data.path}|{data.layer}"
        if not data.polygons:
            style = LayerStyle("", style.stroke, style.opacity, style.stroke_width)
        self.user_layers[key] = {"path": data.path, "layer": data.layer, "style": style}
        opacity = self.state["opacity"].get(key, style.opacity)
        if self.panel.row_of(key) < 0:
            self.panel.add_layer(key, data.title, key not in self.state["hidden"], True, opacity,
                                 row=self._row_for_new(key))
        item = VectorLayerItem(tiles, style)
        self.map_view.add_layer(key, item)  # → _on_layer_added applies visibility, order, opacity
        for note in data.notes:
            self.window.statusBar().showMessage(note, 8_000)
        self._save()

    def remove_user_layer(self, key: str) -> None:
        self.user_layers.pop(key, None)
        self.map_view.remove_layer(key)
        self.panel.remove_layer(key)
        self._save()

    # --- applying the panel to the map ---------------------------------------------------------
    def _on_layer_added(self, name: str) -> None:
        base = name.removeprefix(LAYER_PREFIX)
        if name.startswith(LAYER_PREFIX) and base in BASE_TITLES and self.panel.row_of(name) < 0:
            self.panel.add_layer(name, self.tr(BASE_TITLES[base]), name not in self.state["hidden"],
                                 True, self.state["opacity"].get(name, 1.0), row=self._row_for_new(name))
        if name in ANALYSIS_TITLES and self.panel.row_of(name) < 0:
            self.panel.add_layer(name, self.tr(ANALYSIS_TITLES[name]), name not in self.state["hidden"],
                                 True, self.state["opacity"].get(name, 1.0), row=self._row_for_new(name))
        key = self._key_of(name)
        if key is not None:
            self._apply_visibility(key)
        if self.panel.row_of(name) >= 0 and name != LABEL_LAYER:
            item = self.map_view.layer(name)
            item.setOpacity(self.state["opacity"].get(name, item.opacity()))
            self._apply_order()

    def _key_of(self, name: str) -> str | None:
        if self.panel.row_of(name) >= 0:
            return name
        if name.startswith(LANEN + ": ") and name not in (GAP_LAYER, SELECTED_LAYER, SELECTED_GAP_LAYER):
            return LANEN
        return None

    def _row_for_new(self, key: str) -> int:
        """Remembered order first; a new user layer goes on top of the movable layers."""
        order = self.state["order"]
        movable = self.panel.movable_keys()
        first_movable = self.panel.row_of(movable[0]) if movable else self.panel.model.rowCount()
        if key in order:
            before = [k for k in movable if k in order and order.index(k) < order.index(key)]
            return (self.panel.row_of(before[-1]) + 1) if before else first_movable
        if key.startswith(USER_PREFIX) or key in ANALYSIS_TITLES:
            return first_movable
        base_rows = [self.panel.row_of(k) for k in movable if k.startswith(LAYER_PREFIX)]
        return min(base_rows) if base_rows else self.panel.model.rowCount()  # added bottom-up

    def _items_of(self, key: str) -> list:
        if key == TREES:
            return [self.map_view.raster, self.map_view.scatter]
        if key == LANEN:
            return [self.map_view.layer(n) for n in self.map_view.layer_names() if self._key_of(n) == LANEN]
        item = self.map_view.layer(key)
        return [] if item is None else [item]

    def _apply_visibility(self, key: str) -> None:
        shown = key not in self.state["hidden"]
        if key == TREES:  # the level of detail decides raster or points
            self.map_view.set_trees_shown(shown)
            return
        for item in self._items_of(key):
            item.setVisible(shown)

    def _apply_order(self) -> None:
        for index, key in enumerate(self.panel.movable_keys()):  # top of the list drawn on top
            item = self.map_view.layer(key)
            if item is not None:
                item.setZValue(-1.0 - index)

    def _on_visibility(self, key: str, shown: bool) -> None:
        hidden = self.state["hidden"]
        if shown and key in hidden:
            hidden.remove(key)
        elif not shown and key not in hidden:
            hidden.append(key)
        self._apply_visibility(key)
        self._save()

    def _on_opacity(self, key: str, opacity: float) -> None:
        self.state["opacity"][key] = opacity
        for item in self._items_of(key):
            item.setOpacity(opacity)
        self._save()

    def _save(self) -> None:
        if self._restoring:
            return
        self.state["order"] = self.panel.movable_keys()
        self.state["user_layers"] = [{"path": v["path"], "layer": v["layer"], "fill": v["style"].fill,
                                      "stroke": v["style"].stroke}
                                     for k in self.panel.movable_keys() if (v := self.user_layers.get(k))]
        self.settings.set(MAP_LAYERS, json.dumps(self.state))


def _read_state(text: str) -> dict:
    state = {"hidden": [], "opacity": {}, "order": [], "user_layers": [], "background": NONE,
             "custom_url": ""}
    try:
        saved = json.loads(text) if text else {}
    except ValueError:
        saved = {}
    if isinstance(saved, dict):
        for name, default in state.items():
            if isinstance(saved.get(name), type(default)):
                state[name] = saved[name]
    return state


def _style(saved: dict) -> LayerStyle:
    return LayerStyle(str(saved.get("fill", USER_STYLES[0].fill)),
                      str(saved.get("stroke", USER_STYLES[0].stroke)), 0.8)


def install(window) -> None:
    window.map_layers = MapLayersFeature(window)
