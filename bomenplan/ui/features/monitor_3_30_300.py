"""3-30-300 dock: per buurt the share of dwellings with 3 trees within 15 m, the canopy cover and
the share within 300 m of green, computed in a worker on the demo's houses and parks or on
GeoPackages the user chooses (plain data in; results come back by the task's queued signal)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
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

from bomenplan.domain.areas import BUURT
from bomenplan.domain.progress import Cancelled
from bomenplan.domain.roles import Permission
from bomenplan.services.area_import import import_areas
from bomenplan.services.monitor_3_30_300 import MonitorResult
from bomenplan.services.monitor_in_app import monitor_for_app
from bomenplan.services.monitor_map import (
    RULE_3,
    RULE_30,
    RULE_300,
    RULE_300_NETWORK,
    available_rules,
    buurt_rings,
    rule_shares,
    share_classes,
)
from bomenplan.ui.access import guard_writes
from bomenplan.ui.views.buurt_share_layer import BuurtShareItem

MAP_LAYER = "3-30-300"
MAP_Z = -20.0  # over the base map (-60), under the trees

POLYGON_FILES = "GeoPackage, GeoJSON of Shapefile (*.gpkg *.geojson *.json *.shp)"


def install(window) -> MonitorFeature:
    feature = MonitorFeature(window)
    window.monitor_3_30_300 = feature
    guard_writes(window, Permission.PLANS, feature.areas_button)
    return feature


class MonitorFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.result: MonitorResult | None = None
        panel = QWidget()
        self.demo_button = QPushButton(self.tr("Berekenen (demo-panden)"))
        self.files_button = QPushButton(self.tr("Panden en groen kiezen…"))
        self.areas_button = QPushButton(self.tr("Buurtgrenzen inlezen…"))
        self.network_button = QPushButton(self.tr("Padennet kiezen…"))
        self.network_path: str | None = None  # used by the next run with chosen files
        self.demo_button.clicked.connect(lambda: self.start(None, None))
        self.files_button.clicked.connect(self.choose_files)
        self.areas_button.clicked.connect(self.choose_areas)
        self.network_button.clicked.connect(self.choose_network)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Buurt"), self.tr("Woningen"), self.tr("3 bomen"), self.tr("Kroon"),
            self.tr("Groen 300 m"), self.tr("Via paden"), self.tr("Alle drie"), self.tr("Voldoet 30")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.map_rule = QComboBox()
        self._rule_titles = {RULE_3: self.tr("Kaart: 3 bomen binnen 15 m"), RULE_30: self.tr("Kaart: 30 % kroon"),
                             RULE_300: self.tr("Kaart: groen binnen 300 m"),
                             RULE_300_NETWORK: self.tr("Kaart: groen binnen 300 m over paden")}
        self.map_rule.currentIndexChanged.connect(self._on_map_rule_changed)
        self.legend = QLabel(self.tr("Kleuren: rood < 25 %, oranje 25–50 %, geel 50–75 %, lichtgroen 75–100 %, "
                                     "groen: iedereen (bij 30: kroon ≥ doel)"))
        self.legend.setWordWrap(True)
        self.notes = QLabel(self.tr("Nog niet berekend."))
        self.notes.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.files_button)
        more = QHBoxLayout()
        more.addWidget(self.areas_button)
        more.addWidget(self.network_button)
        layout = QVBoxLayout(panel)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.map_rule)
        layout.addWidget(self.legend)
        layout.addWidget(self.notes)
        self.dock = window.add_dock(panel, self.tr("3-30-300"))

    def choose_files(self) -> None:
        buildings, _ = QFileDialog.getOpenFileName(self.window, self.tr("Panden (BAG)"), "", self.tr(POLYGON_FILES))
        if not buildings:
            return
        green, _ = QFileDialog.getOpenFileName(self.window, self.tr("Openbaar groen"), "", self.tr(POLYGON_FILES))
        if green:
            self.start(buildings, green)

    def choose_areas(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Buurtgrenzen (CBS Wijk- en Buurtkaart)"), "",
                                              self.tr(POLYGON_FILES))
        if not path:
            return
        factory = self.window.uow_factory

        def run(_progress, _cancelled) -> tuple[int, list[str]]:
            return import_areas(factory(), path, BUURT)

        self.window.run_task(run, self._areas_imported, self.tr("Buurtgrenzen inlezen…"), on_failed=self._failed)

    def _areas_imported(self, outcome: tuple[int, list[str]]) -> None:
        stored, notes = outcome
        self.notes.setText("; ".join([self.tr("{0} buurtgrenzen ingelezen").format(stored), *notes]))

    def choose_network(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Padennet (lijnen)"), "", self.tr(POLYGON_FILES))
        self.network_path = path or None
        self.network_button.setText(self.tr("Padennet: {0}").format(Path(path).name) if path
                                    else self.tr("Padennet kiezen…"))

    def start(self, buildings: str | None, green: str | None) -> None:
        factory = self.window.uow_factory  # plain data only: the worker never holds `self`
        network = self.network_path

        def run(progress, cancelled) -> MonitorResult:
            return monitor_for_app(factory, buildings, green, progress=progress, cancelled=cancelled,
                                   network_path=network)

        self.window.run_task(run, self.show_result, self.tr("3-30-300 berekenen…"), on_failed=self._failed)

    def show_result(self, result: MonitorResult) -> None:
        self.result = result
        rule = result.rule
        self.table.setRowCount(len(result.buurten))
        for row, b in enumerate(result.buurten):
            meets_30 = b.canopy_pct >= rule.canopy_pct
            cells = (b.buurt, str(b.dwellings), _pct(b.pct(b.with_3_trees)), _pct(b.canopy_pct),
                     _pct(b.pct(b.near_green)),
                     "–" if b.near_green_network is None else _pct(b.pct(b.near_green_network)),
                     _pct(b.pct(b.all_three)),
                     self.tr("ja") if meets_30 else self.tr("nee"))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.notes.setText("; ".join(result.notes))
        self._show_map(result)

    def _show_map(self, result: MonitorResult) -> None:
        chosen = self.map_rule.currentData() or RULE_3
        rules = available_rules(result)
        self.map_rule.blockSignals(True)
        self.map_rule.clear()
        for rule in rules:
            self.map_rule.addItem(self._rule_titles[rule], rule)
        self.map_rule.setCurrentIndex(rules.index(chosen) if chosen in rules else 0)
        self.map_rule.blockSignals(False)
        item = BuurtShareItem(buurt_rings(result), share_classes(rule_shares(result, self.map_rule.currentData())))
        item.setZValue(MAP_Z)
        self.window.map_view.add_layer(MAP_LAYER, item)

    def _on_map_rule_changed(self, _index: int) -> None:
        item = self.window.map_view.layer(MAP_LAYER)
        rule = self.map_rule.currentData()
        if item is not None and self.result is not None and rule:
            item.set_classes(share_classes(rule_shares(self.result, rule)))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            QMessageBox.warning(self.window, self.tr("3-30-300"), str(error))


def _pct(value: float) -> str:
    return f"{value:.0f} %"
