"""The Werkorders dock's widget: filters (status, wijk, type, te laat), the table, and action
buttons. It only emits requests; the feature runs them as undoable commands."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.work_orders import WorkOrderFilter, WorkOrderStatus, WorkOrderType
from bomenplan.ui.models.work_order_model import WorkOrderTableModel


class WorkOrdersPanel(QWidget):
    action_requested = Signal(str)  # "assign", "start", "close", "cancel"
    refresh_requested = Signal()
    export_requested = Signal()
    tree_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = WorkOrderTableModel(self)
        layout = QVBoxLayout(self)
        filters = QGridLayout()
        self.status = self._combo(self.tr("alle statussen"), [s.value for s in WorkOrderStatus])
        self.status.setCurrentIndex(1)  # open orders first: what is still to do
        self.kind = self._combo(self.tr("alle typen"), [t.value for t in WorkOrderType])
        self.wijk = self._combo(self.tr("alle wijken"), [])
        self.overdue = QCheckBox(self.tr("alleen te laat"))
        for column, widget in enumerate((self.status, self.kind)):
            filters.addWidget(widget, 0, column)
        filters.addWidget(self.wijk, 1, 0)
        filters.addWidget(self.overdue, 1, 1)
        layout.addLayout(filters)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        layout.addWidget(self.view, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.buttons = {}
        rows = ((("assign", self.tr("Toewijzen…")), ("start", self.tr("Starten"))),
                (("close", self.tr("Gereed melden…")), ("cancel", self.tr("Vervallen…"))))
        for row in rows:
            line = QHBoxLayout()
            for kind, label in row:
                button = QPushButton(label)
                button.clicked.connect(lambda _checked=False, k=kind: self.action_requested.emit(k))
                self.buttons[kind] = button
                line.addWidget(button)
            layout.addLayout(line)
        line = QHBoxLayout()
        for label, signal in ((self.tr("Verversen"), self.refresh_requested),
                              (self.tr("Werklijst (PDF/CSV)…"), self.export_requested)):
            button = QPushButton(label)
            button.clicked.connect(signal.emit)
            line.addWidget(button)
        layout.addLayout(line)
        for combo in (self.status, self.kind, self.wijk):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue.toggled.connect(self._on_filter_changed)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self._on_filter_changed()

    @staticmethod
    def _combo(everything: str, values: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(value, value)
        return combo

    def set_lines(self, lines) -> None:
        self.model.set_lines(lines)
        chosen = self.wijk.currentData()
        self.wijk.blockSignals(True)
        self.wijk.clear()
        self.wijk.addItem(self.tr("alle wijken"), "")
        for wijk in self.model.wijken():
            self.wijk.addItem(wijk, wijk)
        self.wijk.setCurrentIndex(max(0, self.wijk.findData(chosen)))
        self.wijk.blockSignals(False)
        self._on_filter_changed()
        for column in range(self.model.columnCount() - 2):  # omschrijving, opmerking stay narrow
            self.view.resizeColumnToContents(column)

    def criteria(self) -> WorkOrderFilter:
        status, kind = self.status.currentData(), self.kind.currentData()
        return WorkOrderFilter(status=WorkOrderStatus(status) if status else None,
                               type=WorkOrderType(kind) if kind else None,
                               wijk=self.wijk.currentData() or "",
                               overdue_only=self.overdue.isChecked())

    def _on_filter_changed(self, *_args) -> None:
        self.model.set_filter(self.criteria())
        shown, total = self.model.rowCount(), len(self.model.lines)
        text = self.tr("%1 van %2 werkorder") if total == 1 else self.tr("%1 van %2 werkorders")
        self.count.setText(text.replace("%1", str(shown)).replace("%2", str(total)))

    def selected_order(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.order_at(rows[0].row()) if rows else None

    def select_order(self, order_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.order_at(row).id == order_id:
                self.view.selectRow(row)
                return

    def _update_buttons(self, *_args) -> None:
        order = self.selected_order()
        active = order is not None and order.status.is_active
        self.buttons["assign"].setEnabled(active)
        self.buttons["start"].setEnabled(order is not None and order.status is WorkOrderStatus.OPEN)
        self.buttons["close"].setEnabled(active)
        self.buttons["cancel"].setEnabled(active)

    def _on_view_double_clicked(self, index) -> None:
        order = self.model.order_at(index.row())
        if order.tree_id is not None:
            self.tree_requested.emit(order.tree_id)
