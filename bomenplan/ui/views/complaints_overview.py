"""Overview of complaints: counts by status, category and wijk; the list; complaints per tree on
the map (one ScatterPlotItem, shared brush, size by number of open complaints)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.complaints import ComplaintRecord, ComplaintStatus
from bomenplan.domain.dutch_text import date_nl
from bomenplan.ui.dialogs.value_labels import selected_enum, value_label, value_labels
from bomenplan.ui.models.rows_table_model import RowsTableModel

LAYER = "meldingen"
COMPLAINT_BRUSH = pg.mkBrush(214, 40, 40, 150)
COMPLAINT_PEN = pg.mkPen("#7a0000")


def complaint_points(records: list[ComplaintRecord], ids: np.ndarray, x: np.ndarray,
                     y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(tree ids, x, y, count) of trees with open (not afgehandeld) complaints."""
    counts = Counter(t for r in records if r.complaint.status is not ComplaintStatus.AFGEHANDELD
                     for t in r.complaint.tree_ids)
    if not counts or len(ids) == 0:
        empty = np.array([], dtype=float)
        return empty.astype(np.int64), empty, empty, empty
    wanted = np.fromiter(counts, dtype=np.int64)
    rows = np.nonzero(np.isin(ids, wanted))[0]
    n = np.array([counts[int(i)] for i in ids[rows]], dtype=float)
    return ids[rows], x[rows], y[rows], n


class ComplaintsOverview(QWidget):
    open_requested = Signal(int)  # complaint id
    close_requested = Signal(int)  # complaint id to set afgehandeld
    trees_requested = Signal(list)  # tree ids to select on the map
    new_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.records: list[ComplaintRecord] = []
        self.decisions: dict[int, str] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("alle meldingen"), None)
        for status in ComplaintStatus:
            self.status_filter.addItem(value_label(status), status.value)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._show())
        top.addWidget(QLabel(self.tr("Toon")))
        top.addWidget(self.status_filter, 1)
        layout.addLayout(top)
        counts = QHBoxLayout()
        self.count_models = {}
        for key, title in (("status", self.tr("status")), ("categorie", self.tr("categorie")),
                           ("wijk", self.tr("wijk"))):
            model = RowsTableModel([title, self.tr("aantal")], self)
            view = QTableView()
            view.setModel(model)
            view.setMaximumHeight(160)
            counts.addWidget(view)
            self.count_models[key] = model
        layout.addLayout(counts)
        self.list_model = RowsTableModel([self.tr("nr"), self.tr("datum"), self.tr("categorieën"),
                                          self.tr("wijk"), self.tr("boom"), self.tr("status"),
                                          self.tr("besluit")], self)
        self.list_view = QTableView()
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QTableView.SelectRows)
        self.list_view.doubleClicked.connect(self._on_list_double_clicked)
        layout.addWidget(self.list_view, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nieuwe melding…"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("Beoordeling…"))
        self.open_button.clicked.connect(self._on_open_clicked)
        self.close_button = QPushButton(self.tr("Afhandelen"))
        self.close_button.clicked.connect(self._on_close_clicked)
        self.map_button = QPushButton(self.tr("Op de kaart"))
        self.map_button.clicked.connect(self._on_map_clicked)
        for button in (self.new_button, self.open_button, self.close_button, self.map_button):
            buttons.addWidget(button)
        self.extra_buttons = buttons
        layout.addLayout(buttons)
        self._shown: list[ComplaintRecord] = []

    def set_data(self, records: list[ComplaintRecord], decisions: dict[int, str]) -> None:
        self.records, self.decisions = records, decisions
        self._show()

    def _show(self) -> None:
        status = selected_enum(self.status_filter, ComplaintStatus)
        shown = [r for r in self.records if status is None or r.complaint.status is status]
        self._shown = shown
        complaints = [r.complaint for r in shown]
        groups = {"status": Counter(value_label(c.status) for c in complaints),
                  "categorie": Counter(value_label(k) for c in complaints for k in c.categories),
                  "wijk": Counter(c.wijk or self.tr("(onbekend)") for c in complaints)}
        for key, counter in groups.items():
            self.count_models[key].set_rows(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))
        self.list_model.set_rows(
            (r.complaint.id, date_nl(r.complaint.datum), value_labels(r.complaint.categories),
             r.complaint.wijk, r.facts.boomnummer, value_label(r.complaint.status),
             value_label(self.decisions.get(r.complaint.id, ""))) for r in shown)

    def selected_record(self) -> ComplaintRecord | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def _on_list_double_clicked(self, index) -> None:
        self.open_requested.emit(self._shown[index.row()].complaint.id)

    def _on_close_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.close_requested.emit(record.complaint.id)

    def _on_map_clicked(self) -> None:
        record = self.selected_record()
        if record is not None and record.complaint.tree_ids:
            self.trees_requested.emit(list(record.complaint.tree_ids))

    def _on_open_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.open_requested.emit(record.complaint.id)


def complaints_layer(ids, x, y, counts) -> pg.ScatterPlotItem:
    sizes = 10 + 4 * np.minimum(counts, 5)
    item = pg.ScatterPlotItem(x=x, y=y, data=ids, size=sizes, brush=COMPLAINT_BRUSH,
                              pen=COMPLAINT_PEN, symbol="o", pxMode=True)
    item.setZValue(20)
    return item
