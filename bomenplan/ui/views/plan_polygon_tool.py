"""Map tool: draw a plan area. Armed, each left click adds a corner; a double click or a right
click closes the polygon (three corners or more) and emits its RD New coordinates. The tool
changes no data: the feature runs the plan check on the emitted polygon."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal

PREVIEW_PEN = pg.mkPen("#8a6d1d", width=2, style=Qt.DashLine)


class PlanPolygonTool(QObject):
    polygon_finished = Signal(list)  # [(x, y), ...] in RD New metres
    armed_changed = Signal(bool)

    def __init__(self, plot_item, parent: QObject | None = None):
        super().__init__(parent)
        self.plot_item = plot_item
        self.armed = False
        self.corners: list[tuple[float, float]] = []
        self.preview = pg.PlotCurveItem(pen=PREVIEW_PEN)
        self.preview.setZValue(40)

    def arm(self) -> None:
        if self.armed:
            return
        self.corners = []
        self.preview.setData([], [])
        self.plot_item.addItem(self.preview)
        self.plot_item.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.plot_item.getViewBox().setCursor(Qt.CrossCursor)
        self.armed = True
        self.armed_changed.emit(True)

    def disarm(self) -> None:
        if not self.armed:
            return
        self.plot_item.scene().sigMouseClicked.disconnect(self._on_scene_clicked)
        self.plot_item.getViewBox().unsetCursor()
        self.plot_item.removeItem(self.preview)
        self.armed = False
        self.armed_changed.emit(False)

    def add_corner(self, x: float, y: float) -> None:
        self.corners.append((x, y))
        xs, ys = zip(*self.corners, strict=True)
        self.preview.setData(list(xs), list(ys))

    def finish(self) -> bool:
        """Close the polygon; False (and still armed) with fewer than three corners."""
        if len(self.corners) < 3:
            return False
        corners = list(self.corners)
        self.disarm()
        self.polygon_finished.emit(corners)
        return True

    def _on_scene_clicked(self, event) -> None:
        view_box = self.plot_item.getViewBox()
        scene_pos = event.scenePos()
        if not view_box.sceneBoundingRect().contains(scene_pos):
            return
        event.accept()
        if event.button() == Qt.RightButton:
            self.finish()
            return
        if event.button() != Qt.LeftButton:
            return
        point = view_box.mapSceneToView(scene_pos)
        if event.double():
            self.finish()
        else:
            self.add_corner(point.x(), point.y())
