"""Table model of the Werkorders dock. It filters inside the model (status, wijk, type, overdue)
instead of through a proxy, and updates a single order in place after an action."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from bomenplan.domain.work_orders import WorkOrder, WorkOrderFilter
from bomenplan.services.work_list import WorkListLine

ObjectRole = Qt.ItemDataRole.UserRole + 2
OVERDUE_COLOUR = QColor("#c62828")
_ROOT = QModelIndex()


def _dutch(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


class WorkOrderTableModel(QAbstractTableModel):
    COLUMNS = ("nr", "boomnummer", "type", "status", "uiterlijk", "aannemer", "wijk", "straat",
               "omschrijving", "opmerking")

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.lines: list[WorkListLine] = []
        self.criteria = WorkOrderFilter()
        self.visible: list[int] = []  # indexes into self.lines
        self.headers = [self.tr(c) for c in self.COLUMNS]

    # --- content ----------------------------------------------------------------------------
    def set_lines(self, lines: list[WorkListLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.visible = self._accepted()
        self.endResetModel()

    def set_filter(self, criteria: WorkOrderFilter) -> None:
        self.beginResetModel()
        self.criteria = criteria
        self.visible = self._accepted()
        self.endResetModel()

    def _accepted(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if self.criteria.accepts(line.order, self.today)]

    def update_order(self, order: WorkOrder) -> None:
        """Show the stored `order`; a row that no longer passes the filter stays until the next
        filter change, so the row under the user's cursor does not jump away."""
        for i, line in enumerate(self.lines):
            if line.order.id == order.id:
                self.lines[i] = replace(line, order=order)
                if i in self.visible:
                    row = self.visible.index(i)
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return

    def order_at(self, row: int) -> WorkOrder:
        return self.lines[self.visible[row]].order

    def line_at(self, row: int) -> WorkListLine:
        return self.lines[self.visible[row]]

    def wijken(self) -> list[str]:
        return sorted({line.order.wijk for line in self.lines if line.order.wijk}, key=str.lower)

    def contractors(self) -> list[str]:
        return sorted({line.order.aannemer for line in self.lines if line.order.aannemer},
                      key=str.lower)

    # --- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _text(self, line: WorkListLine, column: str) -> str:
        o = line.order
        values = {"nr": str(o.id), "status": str(o.status), "type": str(o.type),
                  "wijk": o.wijk, "boomnummer": line.boomnummer, "straat": line.straat,
                  "aannemer": o.aannemer, "omschrijving": o.omschrijving, "opmerking": o.remark}
        if column == "uiterlijk":
            late = self.tr(" (te laat)") if o.is_overdue(self.today) else ""
            return _dutch(o.due_date) + late
        return values[column]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.line_at(index.row())
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "uiterlijk" \
                and line.order.is_overdue(self.today):
            return OVERDUE_COLOUR
        if role == ObjectRole:
            return line.order
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return str(section + 1)
