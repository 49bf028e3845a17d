"""The transplantiefonds panel: balance of a year, its bookings, and the herplantplichten with
the overdue ones highlighted. Fed with domain objects; it never touches the database."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTableView, QVBoxLayout, QWidget

from bomenplan.domain.dutch_text import date_nl, decimal_nl
from bomenplan.domain.fund_ledger import LedgerEntry, Obligation, YearBalance

OVERDUE_BRUSH = QBrush(QColor("#f6d5d5"))
_ROOT = QModelIndex()


class _Rows(QAbstractTableModel):
    def __init__(self, headers: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.headers, self.rows, self.marked = headers, [], set()

    def set_rows(self, rows: list[tuple], marked: set[int] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.marked = rows, marked or set()
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.headers[section]) if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[index.row()][index.column()])
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.marked:
            return OVERDUE_BRUSH
        return None


class FundPanel(QWidget):
    year_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.year_changed)
        self.summary = QLabel()
        self.entries = _Rows(("datum", "soort", "omschrijving", "bedrag €"), self)
        self.duties = _Rows(("gekapt", "locatie", "bomen", "uiterlijk", "status", "te laat"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Jaar:")))
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        self.duty_list: list[Obligation] = []
        self.actions = QHBoxLayout()  # buttons for bookings and duties (installed by the editor)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.actions)
        self.views = []
        for model, title in ((self.entries, self.tr("Boekingen")),
                             (self.duties, self.tr("Herplantplicht (Bal art. 11.129: binnen 3 jaar na kap)"))):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            self.views.append(view)
            layout.addWidget(QLabel(title))
            layout.addWidget(view)

    def show_statement(self, balance: YearBalance, entries: list[LedgerEntry], duties: list[Obligation],
                       on: date) -> None:
        self.summary.setText(self.tr("begin € %1 + stortingen € %2 − onttrekkingen € %3 = eind € %4")
                             .replace("%1", str(balance.opening)).replace("%2", str(balance.deposits))
                             .replace("%3", str(balance.withdrawals)).replace("%4", str(balance.closing)))
        self.entries.set_rows([(date_nl(e.datum), str(e.kind), e.description, decimal_nl(e.signed, 2))
                               for e in entries])
        self.duty_list = list(duties)
        late = {k for k, d in enumerate(duties) if d.overdue(on)}
        self.duties.set_rows([(date_nl(d.felled_on), d.location, d.n_trees, date_nl(d.due), str(d.status),
                               self.tr("te laat") if k in late else "") for k, d in enumerate(duties)], late)

    def selected_duty(self) -> Obligation | None:
        index = self.views[1].currentIndex()
        return self.duty_list[index.row()] if index.isValid() and index.row() < len(self.duty_list) else None
