"""TreeTableModel: the register as a table that filters and sorts itself over column arrays.

No QSortFilterProxyModel: at 300k rows a proxy calls back into Python for every row (1.9 s per
filter, 55 s per sort; STYLE.md §5). Here the visible rows are one numpy index array into
RegisterColumns; filters and sorts recompute it vectorised and announce it with
modelReset (filter) or layoutChanged (sort). `data()` only looks values up.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from bomenplan.domain.register_columns import FirstStageColumns, RegisterColumns
from bomenplan.ui.models.column_index import (
    Categories,
    categories_from_codes,
    factorize,
    lower_text,
    text_contains,
)
from bomenplan.ui.models.extra_columns import ExtraColumn, ExtraColumnsMixin, display_value
from bomenplan.ui.models.tree_model_edits import TreeEditsMixin

# (RegisterColumns field, header). Headers are translated in headerData().
COLUMNS: tuple[tuple[str, str], ...] = (
    ("boomnummer", QT_TRANSLATE_NOOP("TreeTableModel", "Boomnummer")),
    ("species_name", QT_TRANSLATE_NOOP("TreeTableModel", "Soort")),
    ("plantjaar", QT_TRANSLATE_NOOP("TreeTableModel", "Plantjaar")),
    ("hoogteklasse", QT_TRANSLATE_NOOP("TreeTableModel", "Hoogte")),
    ("stamdiameter_cm", QT_TRANSLATE_NOOP("TreeTableModel", "Stamdiameter")),
    ("boomveiligheidsklasse", QT_TRANSLATE_NOOP("TreeTableModel", "Veiligheid")),
    ("beheertype", QT_TRANSLATE_NOOP("TreeTableModel", "Beheertype")),
    ("status", QT_TRANSLATE_NOOP("TreeTableModel", "Status")),
    ("beleidsstatus", QT_TRANSLATE_NOOP("TreeTableModel", "Beleidsstatus")),
    ("eigenaar", QT_TRANSLATE_NOOP("TreeTableModel", "Eigenaar")),
    ("straat", QT_TRANSLATE_NOOP("TreeTableModel", "Straat")),
    ("wijk", QT_TRANSLATE_NOOP("TreeTableModel", "Wijk")),
    ("buurt", QT_TRANSLATE_NOOP("TreeTableModel", "Buurt")),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
NUMERIC_KEYS = ("plantjaar", "stamdiameter_cm")
SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2
IdRole = ObjectRole  # the tree id; widgets fetch the Tree itself through a service
_INACTIVE = QColor("#8a8a8a")
_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TreeTableModel(TreeEditsMixin, ExtraColumnsMixin, QAbstractTableModel):
    def __init__(self, columns: RegisterColumns | None = None, parent=None):
        super().__init__(parent)
        self._filters: dict[str, str | None] = dict(text="", genus=None, species=None,
                                                    status=None, wijk=None)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._extra: list[ExtraColumn] = []  # computed columns added by features
        self._set_data(columns or RegisterColumns.empty())

    # --- data ------------------------------------------------------------------------------
    @property
    def columns(self) -> RegisterColumns:
        return self._columns

    def _set_data(self, columns: RegisterColumns) -> None:
        self._columns = columns
        self._rest_pending = isinstance(columns, FirstStageColumns)  # stage 2 of the read due
        self._arrays = self._column_arrays()
        self._categories: dict[str, Categories] = {  # stage 1 of the read brings its codes
            key: categories_from_codes(*coded)
            for key, coded in getattr(columns, "stage_codes", {}).items()}
        self._lower_boomnummer: np.ndarray | None = None
        self._perm_cache: dict[tuple[int, int], np.ndarray] = {}
        self._id_order = np.argsort(columns.id, kind="stable")
        for extra in self._extra:
            extra.invalidate()
        self._rows = self._compute_rows()
        self._position = self._positions()

    def _column_arrays(self) -> list[np.ndarray]:
        return [getattr(self._columns, key) for key in COLUMN_KEYS]

    def set_columns(self, columns: RegisterColumns) -> None:
        self.beginResetModel()
        self._set_data(columns)
        self.endResetModel()

    # --- lookups ---------------------------------------------------------------------------
    def base_rows(self) -> np.ndarray:
        """Row indices into `columns` of the visible rows, in display order."""
        return self._rows

    def visible_ids(self) -> np.ndarray:
        return self._columns.id[self._rows]

    def base_index_of_id(self, tree_id: int) -> int | None:
        ids = self._columns.id
        i = int(np.searchsorted(ids, tree_id, sorter=self._id_order))
        if i < len(ids) and ids[self._id_order[i]] == tree_id:
            return int(self._id_order[i])
        return None

    def row_of_base(self, base: int) -> int | None:
        row = int(self._position[base])
        return row if row >= 0 else None

    def row_of_id(self, tree_id: int) -> int | None:
        """Visible row of a tree, or None when it is filtered out or unknown."""
        base = self.base_index_of_id(tree_id)
        return None if base is None else self.row_of_base(base)

    def rows_of_ids(self, ids) -> np.ndarray:
        """Visible rows of many ids at once (unknown / hidden ids dropped)."""
        ids = np.asarray(ids, dtype=np.int64)
        col = self._columns.id
        if not len(ids) or not len(col):
            return np.zeros(0, dtype=np.int64)
        pos = np.searchsorted(col, ids, sorter=self._id_order).clip(0, len(col) - 1)
        base = self._id_order[pos]
        base = base[col[base] == ids]
        rows = self._position[base]
        return rows[rows >= 0]

    def id_at(self, row: int) -> int:
        return int(self._columns.id[self._rows[row]])

    def categories(self, key: str) -> Categories:
        """Factorised column (codes per base row, sorted distinct values), built lazily."""
        if key not in self._categories:
            self._categories[key] = factorize(getattr(self._columns, key))
        return self._categories[key]

    def base_column_count(self) -> int:
        """Columns of RegisterColumns fields; computed columns follow them."""
        return len(COLUMNS)

    def total_count(self) -> int:
        return len(self._columns)

    # --- filters and sort ------------------------------------------------------------------
    def set_filters(self, **filters: str | None) -> None:
        """text (boomnummer / soort / straat), genus, species, status, wijk and the keys of
        computed columns (exact text); None or "" = all."""
        unknown = set(filters) - set(self._filters)
        if unknown:
            raise ValueError(f"onbekend filter: {sorted(unknown)}")
        changed = {k: v for k, v in filters.items() if self._filters[k] != v}
        if not changed:
            return
        self._filters.update(changed)
        self.beginResetModel()
        self._rows = self._compute_rows()
        self._position = self._positions()
        self.endResetModel()

    def filters(self) -> dict[str, str | None]:
        return dict(self._filters)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        bases = [self._rows[p.row()] for p in persistent]
        self._sort = (column, order)
        self._rows = self._compute_rows()
        self._position = self._positions()
        self.changePersistentIndexList(
            persistent, [self.index(int(self._position[b]), p.column()) for p, b in
                         zip(persistent, bases, strict=True)])
        self.layoutChanged.emit()

    def _compute_rows(self) -> np.ndarray:
        perm = self._sorted_perm()
        mask = self._filter_mask()
        if mask is None:
            return perm
        return perm[mask[perm]]

    def _sorted_perm(self) -> np.ndarray:
        n = len(self._columns)
        if self._sort is None:
            return np.arange(n, dtype=np.int64)
        column, order = self._sort
        key = (column, int(order.value))
        if key not in self._perm_cache:
            values = (self._sort_key(COLUMN_KEYS[column]) if column < len(COLUMNS)
                      else self._extra[column - len(COLUMNS)].sort_key(self._columns))
            perm = np.argsort(values, kind="stable")
            self._perm_cache[key] = perm[::-1] if order == Qt.SortOrder.DescendingOrder else perm
        return self._perm_cache[key]

    def _sort_key(self, key: str) -> np.ndarray:
        if key == "plantjaar":  # unknown (0) sorts last
            years = self._columns.plantjaar
            return np.where(years > 0, years, np.iinfo(np.int32).max)
        if key == "stamdiameter_cm":
            return self._columns.stamdiameter_cm  # NaN sorts last
        if key == "boomnummer":
            return self._boomnummer_lower()
        return self.categories(key).codes

    def _boomnummer_lower(self) -> np.ndarray:
        if self._lower_boomnummer is None:
            self._lower_boomnummer = lower_text(self._columns.boomnummer)
        return self._lower_boomnummer

    def _filter_mask(self) -> np.ndarray | None:
        f, mask = self._filters, None

        def both(m):
            return m if mask is None else mask & m

        text = (f["text"] or "").strip().lower()
        if text:
            mask = both(text_contains(self._boomnummer_lower(), text)
                        | self.categories("species_name").contains_mask(text)
                        | self.categories("straat").contains_mask(text))
        for name, key in (("genus", "genus"), ("species", "species_name"),
                          ("status", "status"), ("wijk", "wijk")):
            if f[name]:
                cats = self.categories(key)
                code = cats.code_of(f[name])
                mask = both(cats.codes == code if code is not None
                            else np.zeros(len(self._columns), dtype=bool))
        for extra in self._extra:
            if f.get(extra.key):
                cats = extra.categories(self._columns)
                code = cats.code_of(f[extra.key])
                mask = both(cats.codes == code if code is not None
                            else np.zeros(len(self._columns), dtype=bool))
        return mask

    def _positions(self) -> np.ndarray:
        position = np.full(len(self._columns), -1, dtype=np.int64)
        position[self._rows] = np.arange(len(self._rows))
        return position

    # --- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS) + len(self._extra)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("TreeTableModel", COLUMNS[section][1])
        if len(COLUMNS) <= section < self.columnCount():
            return self._extra[section - len(COLUMNS)].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        base = self._rows[index.row()]
        if index.column() >= len(COLUMNS):
            return self._extra_data(self._extra[index.column() - len(COLUMNS)], base, role)
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_value(key, self._arrays[index.column()][base])
        if role == SortRole:
            value = self._arrays[index.column()][base]
            return value.item() if isinstance(value, np.generic) else value
        if role == ObjectRole:
            return int(self._columns.id[base])
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC_KEYS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self._columns.status[base] != "levend":
            return _INACTIVE
        return None

    def _extra_data(self, extra: ExtraColumn, base: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return extra.display(self._columns, base)
        if role == SortRole:
            value = extra.values(self._columns)[base]
            return value.item() if isinstance(value, np.generic) else value
        if role == ObjectRole:
            return int(self._columns.id[base])
        if role == Qt.ItemDataRole.TextAlignmentRole and extra.numeric(self._columns):
            return _RIGHT
        return None

