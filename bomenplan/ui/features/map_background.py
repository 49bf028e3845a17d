"""The online background of the map (WMTS or WMS): PDOK BRT-Achtergrondkaart (standaard, grijs, pastel),
the PDOK aerial photo, or a WMTS or WMS service the user gives by URL. Capabilities and tiles come through one
TileFetcher (disk cache); every failure is a quiet status-bar message, never a blocked GUI."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from bomenplan.services.wms import is_wms_capabilities, parse_wms_capabilities
from bomenplan.services.wmts import PDOK_BACKGROUNDS, WmtsError, parse_capabilities
from bomenplan.ui.views.map_overlays import AttributionItem
from bomenplan.ui.views.map_wms_layer import WmsLayerItem
from bomenplan.ui.views.map_wmts_layer import TileFetcher, WmtsLayerItem

LAYER = "achtergrond"
BACKGROUND_Z = -100.0  # under the base map and the user's layers
NONE, CUSTOM = "geen", "eigen"


def background_choices(tr) -> list[tuple[str, str]]:
    return [(NONE, tr("Geen")), ("brt-standaard", tr("BRT-Achtergrondkaart standaard (PDOK)")),
            ("brt-grijs", tr("BRT-Achtergrondkaart grijs (PDOK)")),
            ("brt-pastel", tr("BRT-Achtergrondkaart pastel (PDOK)")),
            ("luchtfoto", tr("Luchtfoto actueel (PDOK)")), (CUSTOM, tr("Eigen WMTS- of WMS-dienst…"))]


class MapBackground(QObject):
    message = Signal(str)

    def __init__(self, map_view, fetcher: TileFetcher | None = None):
        super().__init__(map_view)
        self.map_view = map_view
        self.fetcher = fetcher or TileFetcher()
        self.fetcher.setParent(self)  # lives and dies with the map, on the GUI thread
        self.fetcher.finished.connect(self._on_fetched)
        vb = map_view.plot_item.getViewBox()
        self.attribution = AttributionItem(vb)
        vb.sigRangeChanged.connect(self.refresh)
        vb.sigResized.connect(self.refresh)
        self._capabilities_url = ""
        self._layer_id: str | None = None
        self.item: WmtsLayerItem | None = None

    def choose(self, key: str, custom_url: str = "", layer: str | None = None) -> None:
        """Show background `key`; CUSTOM takes the capabilities URL (and optionally a layer)."""
        self.clear()
        if key == NONE:
            return
        url, layer = (custom_url, layer) if key == CUSTOM else PDOK_BACKGROUNDS[key]
        self._capabilities_url, self._layer_id = url, layer
        self.fetcher.get(url)

    def clear(self) -> None:
        self._capabilities_url = ""
        self.map_view.remove_layer(LAYER)
        self.item = None
        self.attribution.set_text("")

    def _on_fetched(self, url: str, data, error: str) -> None:
        if url != self._capabilities_url or not url:
            return
        self._capabilities_url = ""
        if data is None:
            self.message.emit(self.tr("Achtergrondkaart niet bereikbaar ({0}); de kaart werkt zonder").format(error))
            return
        # Parsed here, not in a worker: lxml documents must be freed on the thread that made them
        # (OWSLib's leave cycles for the GUI thread's garbage collection). A few ms per choice.
        try:
            if is_wms_capabilities(data):  # the kind of service is read from its answer
                source = parse_wms_capabilities(data, url, self._layer_id)
                item = WmsLayerItem(source, self.fetcher)
            else:
                source = parse_capabilities(data, url, self._layer_id)
                item = WmtsLayerItem(source, self.fetcher)
        except WmtsError as exc:
            self.message.emit(str(exc))
            return
        self._show(item, source)

    def _show(self, item, source) -> None:
        self.item = item
        self.item.setZValue(BACKGROUND_Z)
        self.item.message.connect(self.message)
        self.map_view.add_layer(LAYER, self.item)
        self.attribution.set_text(source.attribution)
        self.refresh()

    def refresh(self, *args) -> None:
        if self.item is None or not self.item.isVisible():
            return
        vb = self.map_view.plot_item.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        self.item.request_view(x0, y0, x1, y1, (x1 - x0) / max(1.0, vb.width()))
