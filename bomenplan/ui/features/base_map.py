"""The base map (ondergrond) under the trees: the register's own polygons (the demo town writes
them), drawn offline as one tiled, simplified layer per kind with the street names on top."""

from __future__ import annotations

from PySide6.QtCore import QObject

from bomenplan.domain.base_map import GEBOUWEN, GROEN, LAYER_ORDER, WATER, WEGEN
from bomenplan.services.base_map import load_base_map
from bomenplan.services.map_colours import BASE_MAP_COLOURS, LAND_COLOUR
from bomenplan.services.map_tiles import road_labels, tile_rings
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.views.map_vector_layer import LabelItem, LayerStyle, VectorLayerItem

LAYER_PREFIX = "ondergrond:"
LABEL_LAYER = "ondergrond:straatnamen"
BASE_Z = -60.0  # under everything of the register (raster 5, scatter 10)
LABEL_Z = 12.0  # street names over the trees (with a white halo), under the selection rings
STYLES = {  # after the colours of the BRT-Achtergrondkaart, muted so the trees stand out
    GROEN: LayerStyle(*BASE_MAP_COLOURS[GROEN]),
    WATER: LayerStyle(*BASE_MAP_COLOURS[WATER]),
    WEGEN: LayerStyle(*BASE_MAP_COLOURS[WEGEN], stroke_width=1.2, overview_stroke=True),
    GEBOUWEN: LayerStyle(*BASE_MAP_COLOURS[GEBOUWEN]),
}


def prepare_base_map(uow_factory) -> tuple[dict, list]:
    """Worker: the stored base map as plain tiles per layer and the street labels."""
    features = load_base_map(uow_factory())
    layers = {layer: tile_rings([f.geometry for f in features if f.layer == layer])
              for layer in LAYER_ORDER}
    roads = [f for f in features if f.layer == WEGEN and f.kind in ("straat", "laan", "plein")]
    return layers, road_labels([f.geometry for f in roads], [f.name for f in roads])


class BaseMapFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.map_view = window.map_view
        self._job = BackgroundJob(self, on_failed=lambda _error: None)  # no base map: bare canvas
        self._job.submit(self._show, prepare_base_map, window.uow_factory)

    def _show(self, prepared: tuple[dict, list]) -> None:
        layers, labels = prepared
        if any(layers.values()):
            self.map_view.setBackground(LAND_COLOUR)
        for index, layer in enumerate(LAYER_ORDER):
            if not layers[layer]:
                continue
            item = VectorLayerItem(layers[layer], STYLES[layer])
            item.setZValue(BASE_Z + index)
            self.map_view.add_layer(LAYER_PREFIX + layer, item)
        if labels:
            item = LabelItem(labels)
            item.setZValue(LABEL_Z)
            self.map_view.add_layer(LABEL_LAYER, item)

    def is_loading(self) -> bool:
        return self._job.is_running()


def install(window) -> None:
    window.base_map = BaseMapFeature(window)
