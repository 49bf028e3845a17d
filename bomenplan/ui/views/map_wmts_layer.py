"""Online WMTS background under everything: tiles fetched asynchronously by one
QNetworkAccessManager with a size-limited QNetworkDiskCache in the user cache folder (a visited
area works offline). Network trouble only ever emits a message; the map stays usable."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from platformdirs import user_cache_dir
from PySide6.QtCore import QObject, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import (
    QNetworkAccessManager,
    QNetworkDiskCache,
    QNetworkReply,
    QNetworkRequest,
)

from bomenplan.services.wmts import WmtsSource, matrix_for, tile_bounds, tile_url, tiles_covering

CACHE_BYTES = 200 * 1024 * 1024
TIMEOUT_MS = 8000
MAX_TILES_IN_MEMORY = 600


def tile_cache_folder() -> Path:
    return Path(user_cache_dir("bomenplan")) / "tegels"


class TileFetcher(QObject):
    """GET requests through the disk cache; `finished(url, bytes or None, error text)`."""

    finished = Signal(str, object, str)

    def __init__(self, parent=None, cache_folder: Path | None = None, timeout_ms: int = TIMEOUT_MS):
        super().__init__(parent)
        self.timeout_ms = timeout_ms
        self.manager = QNetworkAccessManager(self)
        cache = QNetworkDiskCache(self)
        cache.setCacheDirectory(str(cache_folder or tile_cache_folder()))
        cache.setMaximumCacheSize(CACHE_BYTES)
        self.manager.setCache(cache)
        self.manager.finished.connect(self._on_finished)

    def get(self, url: str) -> None:
        request = QNetworkRequest(QUrl(url))
        request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                             QNetworkRequest.CacheLoadControl.PreferCache)
        request.setTransferTimeout(self.timeout_ms)
        request.setRawHeader(b"User-Agent", b"bomenplan")
        self.manager.get(request)

    def _on_finished(self, reply: QNetworkReply) -> None:
        url = reply.request().url().toString()
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if reply.error() != QNetworkReply.NetworkError.NoError:
            text = f"HTTP {status}" if status else reply.errorString()
            self.finished.emit(url, None, text)
        else:
            self.finished.emit(url, bytes(reply.readAll().data()), "")
        reply.deleteLater()


class WmtsLayerItem(pg.GraphicsObject):
    message = Signal(str)  # quiet status-bar text about network trouble

    def __init__(self, source: WmtsSource, fetcher: TileFetcher):
        super().__init__()
        self.source, self.fetcher = source, fetcher
        self._tiles: dict[str, tuple[QRectF, QImage]] = {}  # url → placed image
        self._pending: set[str] = set()
        self._current: list[str] = []  # the urls of the tiles covering the view
        self.requested: list[str] = []  # every url asked of the network (tests, diagnostics)
        self._bounds_of: dict[str, tuple[float, float, float, float]] = {}
        fetcher.finished.connect(self._on_tile)

    def boundingRect(self) -> QRectF:
        m = self.source.matrices[0]
        return QRectF(m.left, m.top - m.resolution * m.tile_height * m.matrix_height,
                      m.resolution * m.tile_width * m.matrix_width,
                      m.resolution * m.tile_height * m.matrix_height)

    def dataBounds(self, *args, **kwargs):
        return None

    def request_view(self, xmin: float, ymin: float, xmax: float, ymax: float,
                     metres_per_pixel: float) -> list[str]:
        """Ask for the tiles that cover the view at the matching zoom level; returns their urls."""
        matrix = matrix_for(self.source, metres_per_pixel)
        self._current = []
        for col, row in tiles_covering(matrix, xmin, ymin, xmax, ymax):
            url = tile_url(self.source, matrix, col, row)
            self._current.append(url)
            if url not in self._tiles and url not in self._pending:
                self._pending.add(url)
                self.requested.append(url)
                self._bounds_of[url] = tile_bounds(matrix, col, row)
                self.fetcher.get(url)
        self.update()
        return list(self._current)

    def _on_tile(self, url: str, data, error: str) -> None:
        if url not in self._pending:
            return
        self._pending.discard(url)
        if data is None:
            self._bounds_of.pop(url, None)
            self.message.emit(self.tr("Achtergrondkaart: tegel niet geladen ({0})").format(error))
            return
        image = QImage.fromData(data)
        if image.isNull():
            self._bounds_of.pop(url, None)
            self.message.emit(self.tr("Achtergrondkaart: ongeldige tegel ontvangen"))
            return
        x0, y0, x1, y1 = self._bounds_of.pop(url)
        if len(self._tiles) >= MAX_TILES_IN_MEMORY:  # the oldest go; the disk cache keeps them
            for old in list(self._tiles)[: MAX_TILES_IN_MEMORY // 4]:
                del self._tiles[old]
        self._tiles[url] = (QRectF(x0, y0, x1 - x0, y1 - y0), image.flipped(Qt.Orientation.Vertical))
        self.update()

    def paint(self, painter, *args) -> None:
        painter.setRenderHint(painter.RenderHint.SmoothPixmapTransform, True)
        for url in self._current:
            placed = self._tiles.get(url)
            if placed is not None:
                painter.drawImage(placed[0], placed[1])
