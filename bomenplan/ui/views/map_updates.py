"""Incremental map updates: a changed tree moves or recolours its point, an added tree gets a
point, a removed tree loses it; no rebuild of the 300k-point scatter.

A mixin of MapView; it uses the view's point arrays (_base, _x, _y, _ids, _groups).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer


class MapUpdatesMixin:
    def _on_data_changed(self, top, bottom, roles=()) -> None:
        if top.column() >= self._model.base_column_count():
            return  # only computed columns of features changed
        rows = self._model.base_rows()[top.row(): bottom.row() + 1].copy()
        if self._colour_mode in self._colour_functions:  # its source updates on this signal too
            QTimer.singleShot(0, lambda: self._apply_changed_rows(rows))
        else:
            self._apply_changed_rows(rows)

    def _apply_changed_rows(self, rows: np.ndarray) -> None:
        points = self._point_of_base[rows]
        rows, points = rows[points >= 0], points[points >= 0]
        if not len(points):
            return
        cols = self._model.columns
        self._x[points], self._y[points] = cols.x[rows], cols.y[rows]
        self._groups[points] = self._groups_of_rows(rows)
        if self._groups_key is not None and len(self._groups_all) == len(cols):
            self._groups_all[rows] = self._groups[points]
        built = points[points < len(self.scatter.data)]
        if len(built):
            data = self.scatter.data
            data["x"][built], data["y"][built] = self._x[built], self._y[built]
            brushes = self._palette.brushes
            for p in built:
                data["brush"][p] = brushes[self._groups[p]]
            data["sourceRect"][built] = 0
            self.scatter.invalidate_index()
            self.scatter.prepareGeometryChange()
            self.scatter.informViewBoundsChanged()
            self.scatter.bounds = [None, None]
            self.scatter.updateSpots()
            self.scatter.invalidate()
        self._refresh_lod()
        self._update_rings()

    def _on_rows_inserted(self, _parent, first: int, last: int) -> None:
        new = self._model.base_rows()[first: last + 1]
        cols = self._model.columns
        start = len(self._x)
        self._base = np.concatenate([self._base, new])
        self._x = np.concatenate([self._x, cols.x[new]])
        self._y = np.concatenate([self._y, cols.y[new]])
        self._ids = np.concatenate([self._ids, cols.id[new]])
        self._groups = np.concatenate([self._groups, self._groups_of_rows(new)])
        self._point_of_base = np.concatenate(
            [self._point_of_base, np.full(len(cols) - len(self._point_of_base), -1)])
        self._point_of_base[new] = np.arange(start, len(self._x))
        self._groups_key = None
        if self._scatter_ready:
            self._build_step(self._generation, start)
        self._refresh_lod()

    def _on_rows_about_to_be_removed(self, _parent, first: int, last: int) -> None:
        """One tree (an undone addition) leaves: drop its point; later base rows shift down."""
        for base in sorted(self._model.base_rows()[first: last + 1].tolist(), reverse=True):
            point = int(self._point_of_base[base])
            if point >= 0:
                self._base, self._x, self._y, self._ids, self._groups = (
                    np.delete(a, point) for a in (self._base, self._x, self._y, self._ids,
                                                  self._groups))
                if point < len(self.scatter.data):
                    self.scatter.remove_point(point)
                self._point_of_base[self._point_of_base > point] -= 1
            self._base[self._base > base] -= 1
            self._point_of_base = np.delete(self._point_of_base, base)
        self._groups_key = None
        if not self._scatter_ready:
            self._start_scatter_build()  # chunks in flight would skip a point
        QTimer.singleShot(0, self._after_rows_removed)

    def _after_rows_removed(self) -> None:
        self._refresh_lod()
        self._update_rings()

    def _groups_of_rows(self, rows: np.ndarray) -> np.ndarray:
        if self._colour_mode in self._colour_functions:
            self._groups_key = None
            return self._row_groups()[rows]
        cols = self._model.columns
        key = cols.genus if self._colour_mode == "genus" else cols.status
        return np.array([self._palette.group_of(v) for v in key[rows]], dtype=np.uint8)
