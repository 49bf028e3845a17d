"""Polygon layers and street names drawn under the trees, culled to the view per tile and
simplified when zoomed out (services/map_tiles.py prepares the plain data in a worker)."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen

from bomenplan.services.map_tiles import DETAIL_MAX_M_PER_PX, Label, TileRings

LABEL_MAX_M_PER_PX = 2.5  # street names only when zoomed in this far


@dataclass(frozen=True)
class LayerStyle:
    fill: str  # colour name, "" for no fill
    stroke: str  # colour name, "" for no outline
    opacity: float = 1.0
    stroke_width: float = 1.0  # cosmetic pixels
    overview_stroke: bool = False  # keep the outline when zoomed out (narrow roads stay visible)


def _path(rings) -> QPainterPath:
    if len(rings) == 0:
        return QPainterPath()
    path = pg.arrayToQPath(rings[:, 0], rings[:, 1], connect="finite")
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


class VectorLayerItem(pg.GraphicsObject):
    """One polygon layer; each tile keeps a detailed and a simplified QPainterPath."""

    def __init__(self, tiles: list[TileRings], style: LayerStyle):
        super().__init__()
        self._tiles = [(QRectF(QPointF(t.bounds[0], t.bounds[1]), QPointF(t.bounds[2], t.bounds[3])),
                        _path(t.detailed), _path(t.simplified)) for t in tiles]
        self._bounds = QRectF()
        for rect, _d, _s in self._tiles:
            self._bounds = self._bounds.united(rect)
        self.set_style(style)
        self.drawn_tiles = 0  # tiles painted last time (for tests and benchmarks)

    def set_style(self, style: LayerStyle) -> None:
        self.style = style
        self._brush = QColor(style.fill) if style.fill else Qt.BrushStyle.NoBrush
        pen = QPen(QColor(style.stroke), style.stroke_width) if style.stroke else QPen(Qt.PenStyle.NoPen)
        pen.setCosmetic(True)
        self._pen = pen
        self._overview_pen = QPen(QColor(style.stroke), 0) if style.stroke and style.overview_stroke \
            else QPen(Qt.PenStyle.NoPen)  # a hairline: the cheapest outline there is
        self.setOpacity(style.opacity)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def dataBounds(self, *args, **kwargs):
        return None  # the register decides "view all", not the background

    def paint(self, painter, *args) -> None:
        view = self.viewRect()
        if view is None:
            return
        metres_per_px = 1.0 / max(abs(painter.transform().m11()), 1e-9)
        detailed = metres_per_px <= DETAIL_MAX_M_PER_PX
        painter.setPen(self._pen if detailed else self._overview_pen)
        painter.setBrush(self._brush)
        painter.setRenderHint(painter.RenderHint.Antialiasing, detailed)
        drawn = 0
        for rect, detail, simple in self._tiles:
            if rect.intersects(view):
                painter.drawPath(detail if detailed else simple)
                drawn += 1
        self.drawn_tiles = drawn


class LabelItem(pg.GraphicsObject):
    """Street names along their roads, in screen pixels, only when zoomed in."""

    def __init__(self, labels: list[Label]):
        super().__init__()
        self._labels = labels
        xs = [lab.x for lab in labels] or [0.0]
        ys = [lab.y for lab in labels] or [0.0]
        self._bounds = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))).adjusted(-50, -50, 50, 50)
        self._font = QFont()
        self._font.setPointSizeF(7.5)
        self._font.setItalic(True)
        self._paths: dict[str, QPainterPath] = {}  # text → outline centred on the origin
        self.drawn_labels = 0

    def boundingRect(self) -> QRectF:
        return self._bounds

    def dataBounds(self, *args, **kwargs):
        return None

    def paint(self, painter, *args) -> None:
        transform = painter.transform()
        view = self.viewRect()
        self.drawn_labels = 0
        if view is None or 1.0 / max(abs(transform.m11()), 1e-9) > LABEL_MAX_M_PER_PX:
            return
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setRenderHint(painter.RenderHint.TextAntialiasing, True)
        halo = QPen(QColor(255, 255, 255, 230), 3)
        for label in self._labels:
            if not view.contains(label.x, label.y):
                continue
            at = transform.map(QPointF(label.x, label.y))
            painter.save()
            painter.translate(at)
            painter.rotate(-label.angle_deg)  # the y axis points down on screen
            path = self._paths.get(label.text)
            if path is None:
                path = QPainterPath()
                width = painter.fontMetrics().horizontalAdvance(label.text)
                path.addText(QPointF(-width / 2, 3), self._font, label.text)
                self._paths[label.text] = path
            painter.strokePath(path, halo)
            painter.fillPath(path, QColor("#5f5146"))
            painter.restore()
            self.drawn_labels += 1
        painter.restore()
