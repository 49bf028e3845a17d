"""Table models of the bomenbank dock: the bank trees and the proposals for one laan."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from bomenplan.domain.bank_matching import GapDemand, Proposal
from bomenplan.domain.bomenbank import BankTree
from bomenplan.domain.dutch_text import date_nl, decimal_nl

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()


class _ListModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        item = self.items[index.row()]
        if role == OBJECT_ROLE:
            return item
        values = self.values(item)
        if role == SORT_ROLE:
            return values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = values[index.column()]
            return decimal_nl(value, 2) if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item)
        return None

    def values(self, item) -> tuple:
        raise NotImplementedError

    def tooltip(self, item) -> str | None:
        return None


class BankTableModel(_ListModel):
    HEADERS = ("code", "soort", "omtrek cm", "herkomst", "locatie", "beschikbaar vanaf", "status", "kosten €")

    def values(self, t: BankTree) -> tuple:
        return (t.code, t.species_name, int(t.stamomtrek_cm), str(t.source), t.location,
                date_nl(t.available_from), str(t.status), decimal_nl(t.cost, 2))

    def tree(self, row: int) -> BankTree:
        return self.items[row]


class ProposalTableModel(_ListModel):
    """Rows: (proposal, demand, bank tree, wijk)."""

    HEADERS = ("rang", "gatpositie", "bankboom", "soort", "omtrek cm", "buren cm", "score")

    def values(self, row) -> tuple:
        p, d, t, _wijk = row
        return (p.rank, f"{d.x:.0f}, {d.y:.0f}", t.code, t.species_name, int(t.stamomtrek_cm),
                int(d.neighbour_stamomtrek_cm or 0), round(p.score, 3))

    def tooltip(self, row) -> str:
        return "\n".join(row[0].reasons)

    def row(self, r: int) -> tuple[Proposal, GapDemand, BankTree, str]:
        return self.items[r]
