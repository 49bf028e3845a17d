"""Small table models of the species screens: catalogue (+ search proxy), score breakdown and
diversity warnings. The catalogue has ~200 rows, so a QSortFilterProxyModel is fine here."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from bomenplan.domain.ecology import CatalogueEntry, EcoScore
from bomenplan.domain.species import normalize_name

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2
_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

COMPONENT_LABELS = {
    "insects": QT_TRANSLATE_NOOP("species", "Insecten (Southwood)"),
    "nectar": QT_TRANSLATE_NOOP("species", "Nectar"),
    "pollen": QT_TRANSLATE_NOOP("species", "Stuifmeel"),
    "waardboom": QT_TRANSLATE_NOOP("species", "Waardboom"),
    "fruit": QT_TRANSLATE_NOOP("species", "Vruchten"),
    "native": QT_TRANSLATE_NOOP("species", "Inheems"),
    "not_invasive": QT_TRANSLATE_NOOP("species", "Niet invasief"),
    "climate_2050": QT_TRANSLATE_NOOP("species", "Klimaat 2050"),
}
LEVEL_LABELS = {"species": QT_TRANSLATE_NOOP("species", "soort"),
                "genus": QT_TRANSLATE_NOOP("species", "geslacht"),
                "family": QT_TRANSLATE_NOOP("species", "familie")}


def tr(text: str) -> str:
    return QCoreApplication.translate("species", text)


class _ListTableModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.HEADERS)):
            return tr(self.HEADERS[section])
        return None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int):
        return self._rows[row]


class SpeciesCatalogueModel(_ListTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("species", "Wetenschappelijke naam"),
               QT_TRANSLATE_NOOP("species", "Nederlandse naam"),
               QT_TRANSLATE_NOOP("species", "Grootte"),
               QT_TRANSLATE_NOOP("species", "Status"),
               QT_TRANSLATE_NOOP("species", "Score"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._scores: list[float] = []

    def set_entries(self, entries: list[CatalogueEntry], scores: list[float]) -> None:
        self.beginResetModel()
        self._rows, self._scores = list(entries), list(scores)
        self.endResetModel()

    def update_entry(self, entry: CatalogueEntry, score: float) -> None:
        for row, old in enumerate(self._rows):
            if old.species.id == entry.species.id:
                self._rows[row], self._scores[row] = entry, score
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
                return
        row = len(self._rows)
        self.beginInsertRows(_ROOT, row, row)
        self._rows.append(entry)
        self._scores.append(score)
        self.endInsertRows()

    def row_of_id(self, species_id: int) -> int | None:
        return next((r for r, e in enumerate(self._rows) if e.species.id == species_id), None)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry, score, col = self._rows[index.row()], self._scores[index.row()], index.column()
        sp = entry.species
        values = (sp.full_name, sp.dutch_name, str(sp.grootteklasse),
                  str(entry.profile.native_status), score)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{score:.0f}" if col == 4 else values[col]
        if role == SortRole:
            return values[col]
        if role == ObjectRole:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 4:
            return _RIGHT
        return None


class SpeciesFilterProxyModel(QSortFilterProxyModel):
    """Filters on all words of the search text in scientific, Dutch or family name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SortRole)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = normalize_name(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._words:
            return True
        entry = self.sourceModel().row_object(source_row)
        sp = entry.species
        key = normalize_name(f"{sp.full_name} {sp.dutch_name} {sp.family}")
        return all(w in key for w in self._words)


class ScoreComponentModel(_ListTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("species", "Component"), QT_TRANSLATE_NOOP("species", "Waarde"),
               QT_TRANSLATE_NOOP("species", "Gewicht"), QT_TRANSLATE_NOOP("species", "Punten"),
               QT_TRANSLATE_NOOP("species", "Bron"))

    def set_score(self, score: EcoScore | None) -> None:
        self.set_rows([] if score is None else list(score.components))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (tr(COMPONENT_LABELS[c.name]), c.raw, f"{c.weight:g}", f"{c.points:.1f}",
                    c.source)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return c.source
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 3):
            return _RIGHT
        return None


class DiversityWarningModel(_ListTableModel):
    """One row per exceeded share: group, level, taxon, percentage, limit and the taxon's
    recorded disease/pest risk (a large share of a risky taxon is a larger loss)."""

    HEADERS = (QT_TRANSLATE_NOOP("species", "Groep"), QT_TRANSLATE_NOOP("species", "Niveau"),
               QT_TRANSLATE_NOOP("species", "Taxon"), QT_TRANSLATE_NOOP("species", "Aandeel"),
               QT_TRANSLATE_NOOP("species", "Grens"), QT_TRANSLATE_NOOP("species", "Ziekterisico"))

    def set_warnings(self, rows: list[tuple]) -> None:
        """Rows (group, share) or (group, share, disease risk text)."""
        self.set_rows([(*row, "")[:3] for row in rows])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        group, share, risk = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (group or tr("hele bestand"), tr(LEVEL_LABELS[share.level]), share.taxon,
                    f"{share.percent:.1f} %", f"{share.limit:g} %", risk)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return risk or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, 4):
            return _RIGHT
        return None
