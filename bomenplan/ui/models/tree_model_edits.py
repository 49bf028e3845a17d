"""Single-tree edits of TreeTableModel applied in place (no register reload): a changed tree
repaints its row, an added tree is appended, an undone addition is removed.

A mixin of TreeTableModel; it uses the model's column arrays, caches and row index.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex

from bomenplan.domain.tree import Tree


class TreeEditsMixin:
    def update_tree(self, tree: Tree) -> None:
        """Write one changed tree into the columns and repaint only its row."""
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
