"""Dashboard dock: the Bomenplan report's charts (species, age, height) as pyqtgraph bar charts."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bomenplan.services.dashboard_figures import DashboardFigures

BAR_COLOUR = "#2e6b30"


class DashboardPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel(self.tr("Nog niet berekend"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.plots: dict[str, pg.PlotWidget] = {}
        for key, title in (("species", self.tr("Meest voorkomende soorten")),
                           ("ages", self.tr("Leeftijd (jaren)")), ("heights", self.tr("Hoogteklasse"))):
            plot = pg.PlotWidget(title=title)
            plot.setMinimumHeight(150)
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
            self.plots[key] = plot
            layout.addWidget(plot)
        self.shown: DashboardFigures | None = None

    def show_figures(self, figures: DashboardFigures) -> None:
        self.shown = figures
        self.summary.setText(self.tr("{0} bomen in beeld, waarvan {1} levend")
                             .format(figures.n_rows, figures.n_living))
        for key, items in (("species", figures.top_species), ("ages", figures.ages),
                           ("heights", figures.heights)):
            self._bars(self.plots[key], items)

    @staticmethod
    def _bars(plot: pg.PlotWidget, items: list[tuple[str, int]]) -> None:
        plot.clear()
        xs = list(range(len(items)))
        plot.addItem(pg.BarGraphItem(x=xs, height=[n for _, n in items], width=0.7, brush=BAR_COLOUR))
        plot.getAxis("bottom").setTicks([[(x, label[:14]) for x, (label, _) in zip(xs, items, strict=True)]])
