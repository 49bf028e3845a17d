"""Table model of the lanen overview: one row per laan, sorted inside the model (worst first)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bomenplan.domain.dutch_text import decimal_nl
from bomenplan.domain.laan_quality import LaanKwaliteit
from bomenplan.services.lanen import LanenReport
from bomenplan.services.map_colours import KWALITEIT_COLOURS

_ROOT = QModelIndex()
KWALITEIT_ORDER = {LaanKwaliteit.SLECHT: 0, LaanKwaliteit.MATIG: 1, LaanKwaliteit.GOED: 2}
_BRUSHES = {k: QBrush(QColor(c).lighter(170)) for k, c in KWALITEIT_COLOURS.items()}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LanenTableModel", text)


HEADERS = ("Laan", "Type", "Status", "Kwaliteit", "Compleet %", "Ontbrekend", "Gaten",
           "Afwijkende vervangers", "Hoofdsoort", "Lengte m")
COL_KWALITEIT = 3


class LanenTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: LanenReport | None = None
        self.order: list[int] = []  # view row → laan index in the report
        self._sort = (COL_KWALITEIT, Qt.SortOrder.AscendingOrder)

    def set_report(self, report: LanenReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self.order = list(range(len(report.lanen))) if report else []
        self._apply_sort()
        self.endResetModel()

    def laan_index(self, row: int) -> int:
        return self.order[row]

    def row_of(self, laan_index: int) -> int:
        return self.order.index(laan_index)

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def _value(self, laan_index: int, column: int):
        laan = self.report.lanen[laan_index]
        q = self.report.analysis.quality[laan_index]
        return (laan.name, str(laan.laan_type) + (" (hbs)" if laan.hoofdbomenstructuur else ""),
                str(laan.status), str(q.kwaliteit), q.completeness_pct, q.missing, q.n_gaps,
                len(q.misfit_tree_ids), q.dominant_species, round(laan.length_m))[column]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        li = self.order[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._value(li, index.column())
            return decimal_nl(value) if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == COL_KWALITEIT:
            return _BRUSHES[self.report.analysis.quality[li].kwaliteit]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4 and index.column() != 8:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return str(section + 1)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        if not self.report:
            return
        column, order = self._sort
        quality = self.report.analysis.quality
        if column == COL_KWALITEIT:  # worst first: class, then completeness
            def key(i):
                return (KWALITEIT_ORDER[quality[i].kwaliteit], quality[i].completeness_pct)
        else:
            def key(i):
                value = self._value(i, column)
                return (0, value, "") if isinstance(value, int | float) else (1, 0, str(value).lower())
        self.order.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
