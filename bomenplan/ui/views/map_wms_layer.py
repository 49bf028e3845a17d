"""Online WMS background: one GetMap image for the current view, asked a short moment after the
last pan or zoom (debounce), through the same TileFetcher and disk cache as the WMTS tiles. The
previous image stays until the new one arrives; trouble only ever emits a message."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from bomenplan.services.wms import WmsSource, getmap_url
from bomenplan.ui.views.map_wmts_layer import TileFetcher

DEBOUNCE_MS = 250
MAX_PIXELS = 4096  # a side longer than this is asked smaller (servers refuse huge images)


class WmsLayerItem(pg.GraphicsObject):
    message = Signal(str)

    def __init__(self, source: WmsSource, fetcher: TileFetcher, debounce_ms: int = DEBOUNCE_MS):
        super().__init__()
        self.source, self.fetcher = source, fetcher
        self._image: tuple[QRectF, QImage] | None = None
        self._wanted: tuple[str, QRectF] | None = None  # the latest view's url and rectangle
        self._shown_url = ""
        self._pending: set[str] = set()
        self.requested: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        fetcher.finished.connect(self._on_image)

    def boundingRect(self) -> QRectF:
        return self._image[0] if self._image else QRectF()

    def dataBounds(self, *args, **kwargs):
        return None

    def request_view(self, xmin: float, ymin: float, xmax: float, ymax: float,
                     metres_per_pixel: float) -> str:
        """Plan one GetMap for the view (sent after the debounce); returns its url."""
        scale = max(1.0, (xmax - xmin) / metres_per_pixel / MAX_PIXELS,
                    (ymax - ymin) / metres_per_pixel / MAX_PIXELS)
        width = max(1, round((xmax - xmin) / metres_per_pixel / scale))
        height = max(1, round((ymax - ymin) / metres_per_pixel / scale))
        url = getmap_url(self.source, xmin, ymin, xmax, ymax, width, height)
        self._wanted = (url, QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        self._timer.start()
        return url

    def flush(self) -> None:
        self._timer.stop()
        if self._wanted is None:
            return
        url = self._wanted[0]
        if url == self._shown_url or url in self._pending:
            return
        self._pending.add(url)
        self.requested.append(url)
        self.fetcher.get(url)

    def _on_image(self, url: str, data, error: str) -> None:
        if url not in self._pending:
            return
        self._pending.discard(url)
        if self._wanted is None or url != self._wanted[0]:
            return  # an older view; a newer image is on its way
        if data is None:
            self.message.emit(self.tr("Achtergrondkaart (WMS): beeld niet geladen ({0})").format(error))
            return
        image = QImage.fromData(data)
        if image.isNull():
            self.message.emit(self.tr("Achtergrondkaart (WMS): ongeldig beeld ontvangen"))
            return
        self.prepareGeometryChange()
        self._image = (self._wanted[1], image.flipped(Qt.Orientation.Vertical))
        self._shown_url = url
        self.update()

    def paint(self, painter, *args) -> None:
        if self._image is not None:
            painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(*self._image)
