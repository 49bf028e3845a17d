"""The 3-30-300 map layer: buurten filled by the share meeting the chosen rule (red → green), one
QPainterPath per buurt; recolouring only swaps the class per buurt."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen

# < 25, 25-50, 50-75, 75-100 % and 100 % met (ColorBrewer RdYlGn, 5 classes)
CLASS_COLOURS = ("#d7191c", "#fdae61", "#ffffbf", "#a6d96a", "#1a9641")
FILL_ALPHA = 150


def _path(rings: np.ndarray) -> QPainterPath:
    if len(rings) == 0:
        return QPainterPath()
    path = pg.arrayToQPath(rings[:, 0], rings[:, 1], connect="finite")
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


class BuurtShareItem(pg.GraphicsObject):
    def __init__(self, rings: list[np.ndarray], classes: np.ndarray):
        super().__init__()
        self._paths = [_path(r) for r in rings]
        self._bounds = QRectF()
        for path in self._paths:
            self._bounds = self._bounds.united(path.boundingRect())
        self._pen = QPen(QColor("#404040"), 1.2)
        self._pen.setCosmetic(True)
        self.classes = np.zeros(len(self._paths), "i8")
        self.set_classes(classes)

    def set_classes(self, classes: np.ndarray) -> None:
        self.classes = np.asarray(classes, "i8")
        self.update()

    def colour_of(self, index: int) -> QColor:
        colour = QColor(CLASS_COLOURS[int(self.classes[index])])
        colour.setAlpha(FILL_ALPHA)
        return colour

    def boundingRect(self) -> QRectF:
        return self._bounds

    def dataBounds(self, *args, **kwargs):
        return None  # the register decides "view all"

    def paint(self, painter, *args) -> None:
        painter.setPen(self._pen)
        for index, path in enumerate(self._paths):
            painter.setBrush(self.colour_of(index))
            painter.drawPath(path)
