"""Re-examination result: how many decisions change, which ones, and work orders per year
(active vs concept) as a table and a bar chart."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSplitter, QTableView, QVBoxLayout

from bomenplan.domain.reexamination import Reexamination
from bomenplan.ui.dialogs.value_labels import value_label, value_labels
from bomenplan.ui.models.rows_table_model import RowsTableModel

ACTIVE_BRUSH = pg.mkBrush("#8fa98f")
CONCEPT_BRUSH = pg.mkBrush("#2e6b30")


class ReexaminationDialog(QDialog):
    def __init__(self, result: Reexamination, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Criteria tegen het licht"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        splitter = QSplitter()
        self.changes_model = RowsTableModel([self.tr("melding"), self.tr("jaar"), self.tr("categorieën"),
                                             self.tr("nu"), self.tr("concept"),
                                             self.tr("reden (concept)")], self)
        view = QTableView()
        view.setModel(self.changes_model)
        self.year_model = RowsTableModel([self.tr("jaar"), self.tr("werkorders nu"),
                                          self.tr("werkorders concept"), self.tr("verschil")], self)
        year_view = QTableView()
        year_view.setModel(self.year_model)
        self.chart = pg.PlotWidget()
        self.chart.setBackground("w")
        self.chart.addLegend(offset=(-10, 10))
        self.chart.setLabel("left", self.tr("werkorders"))
        self.chart.setLabel("bottom", self.tr("jaar"))
        right = QSplitter()
        right.setOrientation(pg.QtCore.Qt.Vertical)
        right.addWidget(year_view)
        right.addWidget(self.chart)
        self.tables = (view, year_view)
        for table in self.tables:
            table.horizontalHeader().setStretchLastSection(True)
            table.setWordWrap(False)
            table.horizontalHeader().setMinimumSectionSize(56)
        splitter.addWidget(view)
        splitter.addWidget(right)
        splitter.setSizes([500, 400])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_result(result)

    def show_result(self, r: Reexamination) -> None:
        old, new = r.work_order_totals()
        transitions = ", ".join(f"{value_label(a)} → {value_label(b)}: {n}"
                                for (a, b), n in sorted(r.transitions.items()))
        self.summary.setText(
            self.tr("Concept <b>%1</b> tegen geldende versie <b>%2</b>, over %3 meldingen: "
                    "<b>%4</b> besluiten veranderen (%5). Werkorders totaal: %6 → %7.")
            .replace("%1", r.concept_label).replace("%2", r.active_label)
            .replace("%3", str(r.total)).replace("%4", str(r.changed_count))
            .replace("%5", transitions or "—").replace("%6", str(old)).replace("%7", str(new)))
        self.changes_model.set_rows((c.complaint_id, c.year, value_labels(c.categories.split(", ")),
                                     value_label(c.old), value_label(c.new),
                                     c.new_reason) for c in r.changes)
        for table in self.tables:
            table.resizeColumnsToContents()
        years = sorted(r.work_orders_per_year)
        self.year_model.set_rows((y, a, b, f"{b - a:+d}")
                                 for y, (a, b) in sorted(r.work_orders_per_year.items()))
        self.chart.clear()
        if years:
            x = np.array(years, dtype=float)
            active = [r.work_orders_per_year[y][0] for y in years]
            concept = [r.work_orders_per_year[y][1] for y in years]
            self.bars = (pg.BarGraphItem(x=x - 0.18, height=active, width=0.35, brush=ACTIVE_BRUSH,
                                         name=self.tr("geldend")),
                         pg.BarGraphItem(x=x + 0.18, height=concept, width=0.35, brush=CONCEPT_BRUSH,
                                         name=self.tr("concept")))
            for bar in self.bars:
                self.chart.addItem(bar)
            self.chart.getAxis("bottom").setTicks([[(float(y), str(y)) for y in years]])
            self.chart.setYRange(0, max(active + concept + [1]) * 1.25)
