"""3-30-300 dock: per buurt the share of dwellings with 3 trees within 15 m, the canopy cover and
the share within 300 m of green, computed in a worker on the demo's houses and parks or on
GeoPackages the user chooses (plain data in; results come back by the task's queued signal)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.progress import Cancelled
from bomenplan.services.monitor_3_30_300 import MonitorResult
from bomenplan.services.monitor_in_app import monitor_for_app

POLYGON_FILES = "GeoPackage, GeoJSON of Shapefile (*.gpkg *.geojson *.json *.shp)"


def install(window) -> MonitorFeature:
    feature = MonitorFeature(window)
    window.monitor_3_30_300 = feature
    return feature


class MonitorFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.result: MonitorResult | None = None
        panel = QWidget()
        self.demo_button = QPushButton(self.tr("Berekenen (demo-panden)"))
        self.files_button = QPushButton(self.tr("Panden en groen kiezen…"))
        self.demo_button.clicked.connect(lambda: self.start(None, None))
        self.files_button.clicked.connect(self.choose_files)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Buurt"), self.tr("Woningen"), self.tr("3 bomen"), self.tr("Kroon"),
            self.tr("Groen 300 m"), self.tr("Alle drie"), self.tr("Voldoet 30")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.notes = QLabel(self.tr("Nog niet berekend."))
        self.notes.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.files_button)
        layout = QVBoxLayout(panel)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        self.dock = window.add_dock(panel, self.tr("3-30-300"))

    def choose_files(self) -> None:
        buildings, _ = QFileDialog.getOpenFileName(self.window, self.tr("Panden (BAG)"), "", self.tr(POLYGON_FILES))
        if not buildings:
            return
        green, _ = QFileDialog.getOpenFileName(self.window, self.tr("Openbaar groen"), "", self.tr(POLYGON_FILES))
        if green:
            self.start(buildings, green)

    def start(self, buildings: str | None, green: str | None) -> None:
        factory = self.window.uow_factory  # plain data only: the worker never holds `self`

        def run(progress, cancelled) -> MonitorResult:
            return monitor_for_app(factory, buildings, green, progress=progress, cancelled=cancelled)

        self.window.run_task(run, self.show_result, self.tr("3-30-300 berekenen…"), on_failed=self._failed)

    def show_result(self, result: MonitorResult) -> None:
        self.result = result
        rule = result.rule
        self.table.setRowCount(len(result.buurten))
        for row, b in enumerate(result.buurten):
            meets_30 = b.canopy_pct >= rule.canopy_pct
            cells = (b.buurt, str(b.dwellings), _pct(b.pct(b.with_3_trees)), _pct(b.canopy_pct),
                     _pct(b.pct(b.near_green)), _pct(b.pct(b.all_three)),
                     self.tr("ja") if meets_30 else self.tr("nee"))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.notes.setText("; ".join(result.notes))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            QMessageBox.warning(self.window, self.tr("3-30-300"), str(error))


def _pct(value: float) -> str:
    return f"{value:.0f} %"
