"""Graphics items of the tree map: the raster overview and the culling scatter of exact points."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsObject


class PointRasterItem(QGraphicsObject):
    """A screen-resolution image of the points in view, placed over the view rectangle."""

    def __init__(self):
        super().__init__()
        self._image: QImage | None = None
        self._buffer: np.ndarray | None = None  # keeps the QImage's memory alive
        self._rect = QRectF()

    def set_image(self, buffer: np.ndarray, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._buffer = buffer
        h, w = buffer.shape
        self._image = QImage(buffer.data, w, h, w * 4, QImage.Format.Format_ARGB32_Premultiplied)
        self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def dataBounds(self, *args, **kwargs):
        return None  # never part of "view all"

    def paint(self, painter, *args) -> None:
        if self._image is not None:
            painter.drawImage(self._rect, self._image)


class TreeScatterItem(pg.ScatterPlotItem):
    """ScatterPlotItem that culls through an x-sorted index instead of transforming every
    point on every paint (300k → the few thousand in view), and without its own point picking
    (pyqtgraph's points() builds 300k SpotItems). Painting follows pyqtgraph 0.14's cached
    pixel-mode path; anything else falls back to it."""

    CULL_MARGIN_PX = 12

    def __init__(self, *args, **kwargs):
        self._x_order: np.ndarray | None = None
        super().__init__(*args, **kwargs)

    def invalidate_index(self) -> None:
        self._x_order = None

    def addPoints(self, *args, **kwargs):
        self._x_order = None
        super().addPoints(*args, **kwargs)

    def clear(self):
        self._x_order = None
        super().clear()

    def set_records(self, records: np.ndarray, groups: np.ndarray, brushes) -> None:
        """Show all points at once: `records` from scatter_records (built off the GUI thread);
        symbols are looked up once per palette group, not once per point as in addPoints."""
        style = [(self.opts["symbol"], self.opts["size"], self.opts["pen"], b) for b in brushes]
        rects = np.array(self.fragmentAtlas[style], dtype=records.dtype["sourceRect"])
        records["brush"] = np.array(list(brushes), dtype=object)[groups]
        records["sourceRect"] = rects[groups]
        self._x_order = None
        self.prepareGeometryChange()
        self.data = records
        self.bounds = [None, None]
        self.informViewBoundsChanged()
        self._updateMaxSpotSizes()
        self.invalidate()
        self.sigPlotChanged.emit(self)

    def remove_point(self, index: int) -> None:
        self._x_order = None
        self.prepareGeometryChange()
        self.data = np.delete(self.data, index)
        self.bounds = [None, None]
        self.invalidate()

    def indices_in(self, rect: QRectF) -> np.ndarray:
        if self._x_order is None or len(self._x_order) != len(self.data):
            self._x_order = np.argsort(self.data["x"], kind="stable")
            self._x_sorted = self.data["x"][self._x_order]
        px, py = self.pixelVectors()
        mx = self.CULL_MARGIN_PX * (px.length() if px is not None else 0)
        my = self.CULL_MARGIN_PX * (py.length() if py is not None else 0)
        i0, i1 = np.searchsorted(self._x_sorted, [rect.left() - mx, rect.right() + mx])
        candidates = self._x_order[i0:i1]
        y = self.data["y"][candidates]
        return candidates[(y > rect.top() - my) & (y < rect.bottom() + my)]

    def paint(self, p, option, widget):
        if (self._exportOpts is not False or not self.opts["pxMode"] or not self.opts["useCache"]
                or self.opts.get("compositionMode") is not None):
            return super().paint(p, option, widget)
        idx = self.indices_in(self.viewRect())
        if not len(idx):
            return None
        pts = pg.functions.transformCoordinates(
            p.transform(), np.vstack([self.data["x"][idx], self.data["y"][idx]]))
        pts = pg.functions.clip_array(pts, -2 ** 30, 2 ** 30)
        p.resetTransform()
        dpr = self.fragmentAtlas.devicePixelRatio()
        if widget is not None and (new_dpr := widget.devicePixelRatioF()) != dpr:
            dpr = new_dpr
            self.fragmentAtlas.setDevicePixelRatio(dpr)
            self.fragmentAtlas.clear()
            self.data["sourceRect"] = 0
            self.updateSpots()
        source = self.data["sourceRect"][idx]
        self._pixmapFragments.resize(source.size)
        fragments = self._pixmapFragments.ndarray()
        fragments[:, 0:2] = pts.T
        fragments[:, 2:6] = np.frombuffer(source, dtype=int).reshape((-1, 4))
        fragments[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]
        p.drawPixmapFragments(*self._pixmapFragments.drawargs(), self.fragmentAtlas.pixmap)
        return None

    def mouseClickEvent(self, ev):
        ev.ignore()

    def hoverEvent(self, ev):
        pass


def scatter_records(dtype: np.dtype, x: np.ndarray, y: np.ndarray, ids: np.ndarray,
                    chunk: int = 50_000) -> np.ndarray:
    """A TreeScatterItem's record array from plain arrays, without Qt (runs in a worker;
    filled in chunks so the GIL changes hands between them)."""
    records = np.empty(len(x), dtype=dtype)  # object fields start as None
    records["x"], records["y"] = x, y
    records["size"] = -1  # the item's default size
    records["visible"] = True
    records["hovered"] = False
    records["sourceRect"] = 0
    for start in range(0, len(x), chunk):
        records["data"][start:start + chunk] = ids[start:start + chunk]
    return records


def click_accepted(ev) -> bool:
    """pyqtgraph's MouseClickEvent.isAccepted(), also for simple stand-ins with `.accepted`."""
    is_accepted = getattr(ev, "isAccepted", None)
    return bool(is_accepted() if is_accepted is not None else getattr(ev, "accepted", False))


RARE_SHARE = 0.05  # groups below this share of the points are drawn last


def splat_points(x, y, groups, argb, view, width, height, dot) -> np.ndarray:
    """Paint dot×dot squares of palette colours into a (height, width) ARGB32 buffer."""
    x0, x1, y0, y1 = view
    buffer = np.zeros((height + dot, width + dot), dtype=np.uint32)
    if len(x):
        px = ((x - x0) * (width / (x1 - x0))).astype(np.int32)
        py = ((y - y0) * (height / (y1 - y0))).astype(np.int32)
        colours = argb[groups]
        for dy in range(dot):
            for dx in range(dot):
                buffer[py + dy, px + dx] = colours
        # Rare groups (stumps, empty plantvakken among living trees) are painted again on top,
        # so a city-wide view does not bury them under the common colour.
        counts = np.bincount(groups, minlength=len(argb))
        rare = counts[groups] < len(groups) * RARE_SHARE
        if rare.any():
            for dy in range(dot):
                for dx in range(dot):
                    buffer[py[rare] + dy, px[rare] + dx] = colours[rare]
    return np.ascontiguousarray(buffer[:height, :width])
