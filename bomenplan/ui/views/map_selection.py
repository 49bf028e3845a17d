"""Selection on the map: rings around the selected trees, centring on the current one, and
click / shift-click selection sharing the table's QItemSelectionModel.

A mixin of MapView; it uses the view's point arrays and model.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer

from bomenplan.ui.views.map_items import click_accepted

MAX_RINGS = 20_000
CLICK_TOLERANCE_PX = 7


class MapSelectionMixin:
    def _selected_points(self) -> np.ndarray:
        ranges = [] if self._selection is None else self._selection.selection()
        rows = [np.arange(r.top(), r.bottom() + 1) for r in ranges]
        if not rows:
            return np.zeros(0, dtype=np.int64)
        base = self._model.base_rows()[np.unique(np.concatenate(rows))]
        points = self._point_of_base[base]
        return points[points >= 0]

    def _update_rings(self) -> None:
        points = self._selected_points()[:MAX_RINGS]
        self.ring.setData(x=self._x[points], y=self._y[points], data=self._ids[points])

    def _on_selection_changed(self, *args) -> None:
        self._update_rings()
        if not self._clicking:
            self._centre_on_current()

    def _centre_on_current(self) -> None:
        current = self._selection.currentIndex()
        rows = ([current.row()] if current.isValid() and self._selection.isSelected(current)
                else [r.top() for r in self._selection.selection()][:1])
        if not rows:
            return
        point = self._point_of_base[self._model.base_rows()[rows[0]]]
        if point < 0:
            return
        x, y = self._x[point], self._y[point]
        vb = self.plot_item.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            w, h = x1 - x0, y1 - y0
            vb.setRange(xRange=(x - w / 2, x + w / 2), yRange=(y - h / 2, y + h / 2), padding=0)

    def tree_at(self, x: float, y: float) -> int | None:
        """Id of the nearest tree within a few screen pixels of map position (x, y)."""
        sx, sy = self.plot_item.getViewBox().viewPixelSize()
        tol = CLICK_TOLERANCE_PX * max(sx, sy)
        near = np.flatnonzero((np.abs(self._x - x) <= tol) & (np.abs(self._y - y) <= tol))
        if not len(near):
            return None
        d = (self._x[near] - x) ** 2 + (self._y[near] - y) ** 2
        return int(self._ids[near[np.argmin(d)]])

    def _on_scene_clicked(self, ev) -> None:
        """Select the tree under a left click, unless an overlay item or a map tool (an edit
        tool connected after us) accepts the click; hence the check after the event."""
        vb = self.plot_item.getViewBox()
        if (click_accepted(ev) or ev.button() != Qt.MouseButton.LeftButton
                or not vb.sceneBoundingRect().contains(ev.scenePos())):
            return
        pos = vb.mapSceneToView(ev.scenePos())
        additive = bool(ev.modifiers() & (Qt.KeyboardModifier.ShiftModifier
                                          | Qt.KeyboardModifier.ControlModifier))
        QTimer.singleShot(0, lambda: None if click_accepted(ev) else
                          self._select_at(pos.x(), pos.y(), additive))

    def _select_at(self, x: float, y: float, additive: bool) -> None:
        tree_id = self.tree_at(x, y)
        if tree_id is None:
            if not additive:
                self._selection.clearSelection()
            return
        self.select_ids([tree_id], additive)
        self.tree_clicked.emit(tree_id, additive)

    def select_ids(self, ids, additive: bool = False, centre: bool = False) -> None:
        """Select trees (visible rows) in the shared selection model; centre=True pans to them."""
        rows = self._model.rows_of_ids(ids)
        selection = QItemSelection()
        last = self._model.columnCount() - 1
        rows_sorted = np.unique(rows)
        breaks = np.flatnonzero(np.diff(rows_sorted) != 1) + 1  # one range per contiguous run
        for run in np.split(rows_sorted, breaks) if len(rows_sorted) else []:
            selection.select(self._model.index(int(run[0]), 0), self._model.index(int(run[-1]), last))
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select if additive
            else QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._clicking = not centre
        try:
            self._selection.select(selection, flags)
            if len(rows):
                self._selection.setCurrentIndex(self._model.index(int(rows[-1]), 0),
                                                QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._clicking = False
