"""Fixed map furniture drawn in screen pixels over the view box: a scale bar of a round
length in RD New metres (bottom left) and a north arrow (top left). RD New's grid north
differs from true north by less than 2° in the Netherlands, so the arrow points up."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsObject

NICE_STEPS = (1, 2, 5)
SCALE_BAR_TARGET_PX = 120  # the bar is the longest round length not wider than this
MARGIN_PX = 12


def nice_scale_length(metres_per_pixel: float, max_pixels: float = SCALE_BAR_TARGET_PX) -> float:
    """The largest 1, 2 or 5 × 10^n metres whose bar fits in `max_pixels`."""
    if not (metres_per_pixel > 0 and math.isfinite(metres_per_pixel)):
        return 0.0
    limit = metres_per_pixel * max_pixels
    exponent = math.floor(math.log10(limit))
    best = 0.0
    for power in (exponent - 1, exponent):
        for step in NICE_STEPS:
            length = step * 10.0 ** power
            if length <= limit * (1 + 1e-9):
                best = max(best, length)
    return best


def scale_label(metres: float) -> str:
    """'500 m', '2 km' (Dutch notation: no decimals needed for round lengths)."""
    if metres >= 1000:
        km = metres / 1000
        return f"{km:g} km"
    if metres >= 1:
        return f"{metres:g} m"
    return f"{metres * 100:g} cm"


class ScaleBarItem(QGraphicsObject):
    """Child of the pyqtgraph ViewBox: coordinates are the view box's pixels."""

    HEIGHT = 34

    def __init__(self, view_box):
        super().__init__(view_box)
        self._view_box = view_box
        self.length_m = 0.0
        self.length_px = 0.0
        self.setZValue(1000)
        view_box.sigRangeChanged.connect(self.refresh)
        view_box.sigResized.connect(self.refresh)

    def refresh(self, *args) -> None:
        width_px = max(1.0, self._view_box.width())
        (x0, x1), _y = self._view_box.viewRange()
        metres_per_pixel = (x1 - x0) / width_px
        self.length_m = nice_scale_length(metres_per_pixel)
        self.length_px = self.length_m / metres_per_pixel if self.length_m else 0.0
        self.prepareGeometryChange()
        self.setPos(MARGIN_PX, self._view_box.height() - MARGIN_PX - self.HEIGHT)
        self.update()

    def label(self) -> str:
        return scale_label(self.length_m) if self.length_m else ""

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, max(self.length_px, 60) + 16, self.HEIGHT)

    def paint(self, painter, *args) -> None:
        if not self.length_px:
            return
        painter.setRenderHint(painter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRect(QRectF(0, 0, self.length_px + 16, self.HEIGHT))
        left, base, half = 8.0, self.HEIGHT - 8.0, self.length_px / 2
        painter.setBrush(QColor("#263238"))
        painter.drawRect(QRectF(left, base - 5, half, 5))
        painter.setBrush(QColor("white"))
        painter.setPen(QPen(QColor("#263238"), 1))
        painter.drawRect(QRectF(left + half, base - 5, half, 5))
        painter.setFont(QFont(painter.font().family(), 8))
        painter.drawText(QRectF(left, 2, self.length_px + 8, 16),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.label())


class NorthArrowItem(QGraphicsObject):
    SIZE = 36

    def __init__(self, view_box):
        super().__init__(view_box)
        self.setZValue(1000)
        self.setPos(MARGIN_PX, MARGIN_PX)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.SIZE, self.SIZE + 14)

    def paint(self, painter, *args) -> None:
        s = self.SIZE
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#263238"), 1))
        left = QPolygonF([QPointF(s / 2, 14), QPointF(s / 2 - 9, s + 12), QPointF(s / 2, s + 4)])
        right = QPolygonF([QPointF(s / 2, 14), QPointF(s / 2 + 9, s + 12), QPointF(s / 2, s + 4)])
        painter.setBrush(QBrush(QColor("#263238")))
        painter.drawPolygon(left)
        painter.setBrush(QBrush(QColor("white")))
        painter.drawPolygon(right)
        path = QPainterPath()
        font = QFont(painter.font().family(), 9)
        font.setBold(True)
        path.addText(QPointF(s / 2 - 5, 12), font, "N")
        painter.setPen(QPen(QColor("white"), 3))
        painter.drawPath(path)
        painter.fillPath(path, QColor("#263238"))


class AttributionItem(QGraphicsObject):
    """The background's attribution ("© Kadaster / PDOK") in the view box's bottom-right corner."""

    def __init__(self, view_box):
        super().__init__(view_box)
        self._view_box = view_box
        self.text = ""
        self.setZValue(1000)
        view_box.sigResized.connect(self._place)

    def set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self.text = text
        self._place()

    def _place(self, *args) -> None:
        rect = self.boundingRect()
        self.setPos(self._view_box.width() - rect.width() - 2, self._view_box.height() - rect.height() - 2)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 7 * len(self.text) + 8, 16) if self.text else QRectF()

    def paint(self, painter, *args) -> None:
        if not self.text:
            return
        painter.fillRect(self.boundingRect(), QColor(255, 255, 255, 190))
        painter.setPen(QColor("#37474f"))
        painter.setFont(QFont(painter.font().family(), 8))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, self.text)


class CursorReporter(QObject):
    """Emits `signal` with the RD New text of a mouse position over the map's view box."""

    def __init__(self, view, view_box, signal):
        super().__init__(view)
        self._view_box, self._signal = view_box, signal
        view.scene().sigMouseMoved.connect(self._on_moved)

    def _on_moved(self, scene_pos) -> None:
        if self._view_box.sceneBoundingRect().contains(scene_pos):
            point = self._view_box.mapSceneToView(scene_pos)
            self._signal.emit(rd_coordinate_text(point.x(), point.y()))


def rd_coordinate_text(x: float, y: float) -> str:
    """Status-bar text for a cursor position in RD New (whole metres, Dutch thousands dot)."""
    return f"RD x {_thousands(x)}  y {_thousands(y)}"


def _thousands(value: float) -> str:
    return f"{round(value):,}".replace(",", ".")
