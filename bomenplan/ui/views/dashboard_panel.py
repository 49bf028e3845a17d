"""Dashboard dock: the Bomenplan report's charts (species, 10-20-30, age, height) as pyqtgraph bar
charts; the 10-20-30 chart marks each level's limit and colours a bar over it red."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bomenplan.services.dashboard_figures import DashboardFigures

BAR_COLOUR = "#2e6b30"
OVER_COLOUR = "#c0392b"
LEVEL_WORDS = {"species": "soort", "genus": "geslacht", "family": "familie"}


class DashboardPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel(self.tr("Nog niet berekend"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.plots: dict[str, pg.PlotWidget] = {}
        for key, title in (("species", self.tr("Meest voorkomende soorten")),
                           ("diversity", self.tr("10-20-30: grootste aandeel (%) en grens")),
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
        self._diversity(figures)

    def _diversity(self, figures: DashboardFigures) -> None:
        plot = self.plots["diversity"]
        plot.clear()
        shares = figures.largest_shares
        if not shares:
            plot.setTitle(self.tr("10-20-30: geen soorten gekoppeld aan de catalogus"))
            return
        plot.setTitle(self.tr("10-20-30: grootste aandeel (%) en grens"))
        xs = list(range(len(shares)))
        brushes = [OVER_COLOUR if s.exceeded else BAR_COLOUR for s in shares]
        plot.addItem(pg.BarGraphItem(x=xs, height=[s.percent for s in shares], width=0.7, brushes=brushes))
        limit_x = [v for x in xs for v in (x - 0.45, x + 0.45, float("nan"))]
        limit_y = [v for s in shares for v in (s.limit, s.limit, float("nan"))]
        plot.addItem(pg.PlotCurveItem(limit_x, limit_y, pen=pg.mkPen("#000000", width=2), connect="finite"))
        labels = [(x, f"{self.tr(LEVEL_WORDS[s.level])}: {s.taxon[:14]}") for x, s in zip(xs, shares, strict=True)]
        plot.getAxis("bottom").setTicks([labels])

    @staticmethod
    def _bars(plot: pg.PlotWidget, items: list[tuple[str, int]]) -> None:
        plot.clear()
        xs = list(range(len(items)))
        plot.addItem(pg.BarGraphItem(x=xs, height=[n for _, n in items], width=0.7, brush=BAR_COLOUR))
        plot.getAxis("bottom").setTicks([[(x, label[:14]) for x, (label, _) in zip(xs, items, strict=True)]])
