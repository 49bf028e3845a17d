"""The map legend: one sample per palette group, folded into columns on a low map (mixed into
MapView, which owns `legend` and `_palette`)."""

from __future__ import annotations

import pyqtgraph as pg


class MapLegendMixin:
    def _update_legend(self) -> None:
        self.legend.clear()
        for label, brush in zip(self._palette.labels, self._palette.brushes, strict=True):
            sample = pg.ScatterPlotItem(size=8, brush=brush, pen=pg.mkPen("#37474f", width=0.6))
            self.legend.addItem(sample, label)
        self._fit_legend()

    def set_legend_visible(self, visible: bool) -> None:
        """Beeld ▸ Legenda: the user may fold the legend away on a small screen."""
        self.legend.setVisible(visible)

    def _fit_legend(self) -> None:
        """On a low map (a 768-800 px screen) the legend takes two or three columns, so it
        covers a corner, not the whole right side."""
        legend = self.__dict__.get("legend")  # None while pyqtgraph builds the view
        rows, room = max(len(legend.items), 1) if legend is not None else 1, self.viewport().height() * 0.45
        columns = 1 if rows * 22 < room else (2 if rows * 11 < room else 3)
        if legend is not None and legend.columnCount != columns:
            legend.setColumnCount(columns)
