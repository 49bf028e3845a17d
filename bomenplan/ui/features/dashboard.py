"""Dashboard feature: a dock with the Bomenplan charts that follows the table filter. Computed in a
worker from plain data (columns and visible rows), only while the dock is visible."""

from __future__ import annotations

from datetime import date

import numpy as np
from PySide6.QtCore import QObject, QTimer

from bomenplan.services.dashboard_figures import figures_with_diversity
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.views.dashboard_panel import DashboardPanel


def install(window) -> DashboardFeature:
    feature = DashboardFeature(window)
    window.dashboard_feature = feature
    return feature


class DashboardFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = DashboardPanel()
        self.dock = window.add_dock(self.panel, self.tr("Dashboard"))
        self._job = BackgroundJob(self)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        model = window.tree_model
        for signal in (model.modelReset, model.rowsRemoved, model.rowsInserted, model.layoutChanged):
            signal.connect(self._timer.start)
        self.dock.visibilityChanged.connect(lambda visible: visible and self._timer.start())

    def refresh(self) -> None:
        if not self.dock.isVisible():
            return
        model = self.window.tree_model
        rows = np.array(model.base_rows(), dtype=np.int64, copy=True)
        self._job.submit(self.panel.show_figures, figures_with_diversity, self.window.uow_factory, model.columns,
                         rows, date.today().year)
