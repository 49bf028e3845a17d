"""Table model of the "Controles nodig" dock: the due trees in route order (read-only, lazy:
Qt asks only for the rows on screen, so 100k rows cost nothing to show)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from bomenplan.domain.inspection_due import DueItem, DueState

STATE_COLOURS = {DueState.NEVER: "#8e0000", DueState.OVERDUE: "#d32f2f", DueState.DUE: "#ef6c00",
                 DueState.OK: "#2e7d32"}
_ROOT = QModelIndex()


def _dutch(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


class DueListModel(QAbstractTableModel):
    COLUMNS = ("nr", "boomnummer", "straat", "buurt", "soort", "klasse", "omgevingsrisico",
               "laatste controle", "nodig op", "status", "reden")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[DueItem] = []
        self.headers = [self.tr(c) for c in self.COLUMNS]
        self._colours = {s: QColor(c) for s, c in STATE_COLOURS.items()}

    def set_items(self, items: list[DueItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> DueItem:
        return self.items[row]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 9:
            return self._colours[item.state]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        t = item.tree
        return (str(index.row() + 1), t.boomnummer, t.straat, t.buurt, t.species, str(t.klasse),
                str(t.risico), _dutch(t.last_inspection) or self.tr("nooit"),
                _dutch(item.due) or self.tr("nu"), self.tr(str(item.state)), item.reason)[index.column()]
