"""Result of a plan check: notes, one row per affected tree, and buttons for PDF / CSV;
plus the map layer drawing the plan area and the affected trees."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QItemSelectionModel, QPointF, Signal
from PySide6.QtGui import QColor, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPolygonItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.services.plan_check import PlanCheckResult
from bomenplan.ui.models.rows_table_model import RowsTableModel

LAYER = "plangebied"


class PlanCheckPanel(QWidget):
    draw_requested = Signal()
    import_requested = Signal()
    pdf_requested = Signal()
    csv_requested = Signal()
    trees_requested = Signal(list)  # tree ids to select

    def __init__(self, parent=None):
        super().__init__(parent)
        self.result: PlanCheckResult | None = None
        self.summary = QLabel(self.tr("Teken of importeer een plangebied."))
        self.summary.setWordWrap(True)
        self.model = RowsTableModel([self.tr("Boomnummer"), self.tr("Zone geraakt"), self.tr("Afstand (m)"),
                                     self.tr("Maatregelen")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, label, signal in (("draw", self.tr("Tekenen"), self.draw_requested),
                                   ("import", self.tr("Importeren…"), self.import_requested),
                                   ("pdf", self.tr("PDF…"), self.pdf_requested),
                                   ("csv", self.tr("CSV…"), self.csv_requested)):
            button = QPushButton(label)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self._enable_output(False)

    def _enable_output(self, on: bool) -> None:
        self.buttons["pdf"].setEnabled(on)
        self.buttons["csv"].setEnabled(on)

    def set_result(self, result: PlanCheckResult) -> None:
        self.result = result
        lines = [self.tr("%1: %2 m², %3 bomen geraakt.").replace("%1", result.name)
                 .replace("%2", f"{result.plan.area:.0f}").replace("%3", str(len(result.affected)))]
        lines += result.notes
        self.summary.setText("\n".join(lines))
        self.model.set_rows([(a.boomnummer, ", ".join(map(str, a.zones)), f"{a.distance_m:.1f}",
                              "; ".join(map(str, a.measures))) for a in result.affected])
        self._enable_output(True)

    def _on_table_selection_changed(self, *_args) -> None:
        if self.result is None:
            return
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        if rows:
            self.trees_requested.emit([self.result.affected[r].tree_id for r in rows])

    def select_row(self, row: int) -> None:
        self.table.selectionModel().select(self.model.index(row, 0),
                                           QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)


def plan_layer(result: PlanCheckResult) -> pg.ItemGroup:
    """The plan outline (filled) and red rings on the affected trees."""
    group = pg.ItemGroup()
    for part in result.plan.geoms:
        outline = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in part.exterior.coords]))
        pen = QPen(QColor("#8a6d1d"), 2)
        pen.setCosmetic(True)
        outline.setPen(pen)
        outline.setBrush(QColor(246, 227, 180, 110))
        outline.setParentItem(group)
    hit = [(x, y) for x, y, affected in result.trees_xy if affected]
    if hit:
        xs, ys = zip(*hit, strict=True)
        rings = pg.ScatterPlotItem(list(xs), list(ys), size=14, brush=None, pen=pg.mkPen("#c0392b", width=2))
        rings.setParentItem(group)
    group.setZValue(25)
    return group
