"""Single-tree edits of TreeTableModel applied in place (no register reload): a changed tree
repaints its row, an added tree is appended, an undone addition is removed; and the second
stage of the register read is merged in place (no model reset, so the map keeps its points).

A mixin of TreeTableModel; it uses the model's column arrays, caches and row index.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex

from bomenplan.domain.register_columns import COLUMN_TYPES, FIRST_STAGE_FIELDS
from bomenplan.domain.tree import Tree


class TreeEditsMixin:
    _edit_count = 0  # single-tree edits so far: a stage-2 read older than an edit is stale

    def is_complete(self) -> bool:
        """False while only the first stage of the register read is shown (see register_read)."""
        return not self._rest_pending

    def edit_count(self) -> int:
        return self._edit_count

    def complete_columns(self, rest: dict[str, np.ndarray], edits_before_read: int,
                         categories: dict | None = None) -> bool:
        """Adopt stage 2 of the register read ({"id": …, field: array}) into the shown columns
        in place (same object, same rows: map and caches of stage-1 fields stay valid);
        `categories` are factorised stage-2 fields (key → Categories). False when the read
        does not fit (trees edited, added or removed since it started): read again."""
        cols = self._columns
        if (not self._rest_pending or edits_before_read != self._edit_count
                or not np.array_equal(cols.id, rest["id"])):
            return not self._rest_pending
        for name in COLUMN_TYPES:
            if name not in FIRST_STAGE_FIELDS:
                setattr(cols, name, rest[name])
                self._categories.pop(name, None)
        self._categories.update(categories or {})  # factorised off the GUI thread
        self._rest_pending = False
        self._arrays = self._column_arrays()
        self._lower_boomnummer = None
        self._perm_cache.clear()
        for extra in self._extra:
            extra.invalidate()
        if self._filters["text"] or self._filters["wijk"]:  # other rows now: a reset
            self.beginResetModel()
            self._rows = self._compute_rows()
            self._position = self._positions()
            self.endResetModel()
            return True
        self.layoutAboutToBeChanged.emit()  # the table repaints; the map ignores layout
        persistent = self.persistentIndexList()
        bases = [self._rows[p.row()] for p in persistent]
        self._rows = self._compute_rows()  # a sort or filter on a stage-2 field applies now
        self._position = self._positions()
        self.changePersistentIndexList(persistent, [self.index(int(self._position[b]), p.column())
                                                    for p, b in zip(persistent, bases, strict=True)])
        self.layoutChanged.emit()
        return True

    def update_tree(self, tree: Tree) -> None:
        """Write one changed tree into the columns and repaint only its row."""
        self._edit_count += 1
        base = self.base_index_of_id(tree.id)
        if base is None:
            return
        self._columns.set_row(base, tree)
        for key, cats in list(self._categories.items()):
            code = cats.code_of(getattr(self._columns, key)[base])
            if code is None:
                del self._categories[key]  # a new distinct value: rebuild lazily
            else:
                cats.codes[base] = code
        self._lower_boomnummer = None
        self._perm_cache.clear()
        for extra in self._extra:
            extra.invalidate()
        row = self.row_of_base(base)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def add_tree(self, tree: Tree) -> int:
        """Append a new tree; it is shown at the end whatever the filters. Returns its row."""
        self._edit_count += 1
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        base = self._columns.append(tree)
        self._rows_changed()
        self._rows = np.append(self._rows, base)
        self._position = np.append(self._position, row)
        self.endInsertRows()
        return row

    def remove_tree(self, tree_id: int) -> None:
        """Drop one tree (an undone addition); a hidden tree resets the model (rows shift)."""
        self._edit_count += 1
        base = self.base_index_of_id(tree_id)
        if base is None:
            return
        row = self.row_of_base(base)
        if row is None:
            self.beginResetModel()
        else:
            self.beginRemoveRows(QModelIndex(), row, row)
        self._columns.remove(base)
        self._rows_changed()
        rows = self._rows[self._rows != base]
        self._rows = rows - (rows > base)
        self._position = self._positions()
        if row is None:
            self.endResetModel()
        else:
            self.endRemoveRows()

    def _rows_changed(self) -> None:
        """The register gained or lost rows: drop every per-row cache."""
        self._arrays = self._column_arrays()
        self._categories.clear()
        self._lower_boomnummer = None
        self._perm_cache.clear()
        self._id_order = np.argsort(self._columns.id, kind="stable")
        for extra in self._extra:
            extra.invalidate()
