"""The "Controles nodig" dock: filters (wijk, buurt, straat, klasse, omgevingsrisico, tot en met),
the counts per state and per month, the due trees in route order, and the print button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.inspection_due import DueFilter, DueState
from bomenplan.domain.inspection_rules import add_months
from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse
from bomenplan.ui.models.due_list_model import DueListModel

ALL = ""


def _combo(values, all_label: str) -> QComboBox:
    box = QComboBox()
    box.addItem(all_label, ALL)
    for value in values:
        box.addItem(str(value), str(value))
    return box


class InspectionDuePanel(QWidget):
    refresh_requested = Signal()
    print_requested = Signal()
    tree_requested = Signal(int)
    show_on_map_requested = Signal()
    work_orders_requested = Signal()

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.wijk = _combo((), self.tr("alle wijken"))
        self.buurt = _combo((), self.tr("alle buurten"))
        self.straat = QLineEdit()
        self.straat.setPlaceholderText(self.tr("alle straten en lanen"))
        self.klasse = _combo(Boomveiligheidsklasse, self.tr("alle klassen"))
        self.risico = _combo(Omgevingsrisicoklasse, self.tr("alle klassen"))
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd-MM-yyyy")
        end = add_months(self.today, 3)
        self.until.setDate(QDate(end.year, end.month, end.day))
        form = QFormLayout()
        form.addRow(self.tr("Wijk"), self.wijk)
        form.addRow(self.tr("Buurt"), self.buurt)
        form.addRow(self.tr("Straat / laan"), self.straat)
        form.addRow(self.tr("Boomveiligheidsklasse"), self.klasse)
        form.addRow(self.tr("Omgevingsrisicoklasse"), self.risico)
        form.addRow(self.tr("Nodig tot en met"), self.until)
        self.summary = QLabel(self.tr("Kies de filters en klik op Vernieuwen."))
        self.summary.setWordWrap(True)
        self.months = QStandardItemModel(self)
        self.months_view = QTableView()
        self.months_view.setModel(self.months)
        self.months_view.setMaximumHeight(90)
        self.months_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model = DueListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda index: self.tree_requested.emit(
            self.model.item_at(index.row()).tree.tree_id))
        self.refresh_button = QPushButton(self.tr("Vernieuwen"))
        self.print_button = QPushButton(self.tr("Routelijst afdrukken…"))
        self.map_button = QPushButton(self.tr("Op de kaart"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.map_button.clicked.connect(self.show_on_map_requested)
        self.work_order_button = QPushButton(self.tr("Als werkorder aanmaken"))
        self.work_order_button.setToolTip(self.tr("Een werkorder per gekozen boom (geen keuze: "
                                                  "de hele lijst)"))
        self.work_order_button.setEnabled(False)
        self.work_order_button.clicked.connect(self.work_orders_requested)
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.map_button, self.print_button,
                       self.work_order_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.months_view)
        layout.addWidget(self.table, 1)
        self.wijk.currentIndexChanged.connect(self._fill_buurten)
        self._areas: list[tuple[str, str]] = []

    def set_areas(self, areas: list[tuple[str, str]]) -> None:
        self._areas = areas
        self.wijk.blockSignals(True)
        current = self.wijk.currentData()
        while self.wijk.count() > 1:
            self.wijk.removeItem(1)
        for wijk in sorted({w for w, _b in areas if w}, key=str.casefold):
            self.wijk.addItem(wijk, wijk)
        self.wijk.setCurrentIndex(max(0, self.wijk.findData(current)))
        self.wijk.blockSignals(False)
        self._fill_buurten()

    def _fill_buurten(self, *_args) -> None:
        wijk, current = self.wijk.currentData(), self.buurt.currentData()
        while self.buurt.count() > 1:
            self.buurt.removeItem(1)
        for buurt in sorted({b for w, b in self._areas if b and (not wijk or w == wijk)},
                            key=str.casefold):
            self.buurt.addItem(buurt, buurt)
        self.buurt.setCurrentIndex(max(0, self.buurt.findData(current)))

    def criteria(self) -> DueFilter:
        klasse, risico = self.klasse.currentData(), self.risico.currentData()
        return DueFilter(self.until.date().toPython(), self.wijk.currentData() or "",
                         self.buurt.currentData() or "", self.straat.text().strip(),
                         frozenset({Boomveiligheidsklasse(klasse)} if klasse else ()),
                         frozenset({Omgevingsrisicoklasse(risico)} if risico else ()))

    def set_report(self, report) -> None:
        self.model.set_items(report.items)
        counts = report.per_state
        self.summary.setText(self.tr(
            "{n} bomen hebben een controle nodig tot en met {until}: {never} nooit gecontroleerd, "
            "{late} te laat, {due} in de periode. Voorraad in dit gebied: {stock} levende bomen; "
            "praktijk ⅓ per jaar = {target} controles per jaar.").format(
            n=len(report.items), until=report.criteria.until.strftime("%d-%m-%Y"),
            never=counts[DueState.NEVER], late=counts[DueState.OVERDUE], due=counts[DueState.DUE],
            stock=report.stock, target=report.yearly_target))
        self.months.clear()
        self.months.setHorizontalHeaderLabels([m for m, _n in report.per_month])
        if report.per_month:
            self.months.appendRow([QStandardItem(str(n)) for _m, n in report.per_month])
        self.months.setVerticalHeaderLabels([self.tr("bomen")])
        self.print_button.setEnabled(bool(report.items))
        self.work_order_button.setEnabled(bool(report.items))

    def chosen_items(self) -> list:
        """The selected rows' items, or every item when nothing is selected."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.item_at(r) for r in rows] if rows else list(self.model.items)
