"""Computed register columns that features add to the table (e.g. eco score, native status).

A provider gives one value per register row (float → numeric column, NaN = unknown; otherwise
text). Values are computed lazily on first use and again after the register changed, so a
column nobody looks at costs nothing at launch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QModelIndex

from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.ui.models.column_index import Categories, factorize

Provider = Callable[[RegisterColumns], np.ndarray]


@dataclass(eq=False)
class ExtraColumn:
    key: str
    header: str
    provider: Provider
    _values: np.ndarray | None = field(default=None, repr=False)
    _categories: Categories | None = field(default=None, repr=False)

    def invalidate(self) -> None:
        self._values, self._categories = None, None

    def values(self, columns: RegisterColumns) -> np.ndarray:
        if self._values is None or len(self._values) != len(columns):
            values = np.asarray(self.provider(columns))
            if len(values) != len(columns):
                raise ValueError(f"kolom {self.key}: {len(values)} waarden voor "
                                 f"{len(columns)} bomen")
            self._values, self._categories = values, None
        return self._values

    def numeric(self, columns: RegisterColumns) -> bool:
        return self.values(columns).dtype.kind in "fiu"

    def categories(self, columns: RegisterColumns) -> Categories:
        """Text values factorised (codes per row, sorted distinct values); built lazily."""
        values = self.values(columns)
        if self._categories is None:
            self._categories = factorize(values.astype(object).astype(str)
                                         if values.dtype.kind in "fiu" else values)
        return self._categories

    def sort_key(self, columns: RegisterColumns) -> np.ndarray:
        """Numeric values (NaN sorts last) or the rank of the text value."""
        if self.numeric(columns):
            return self.values(columns)
        return self.categories(columns).codes

    def display(self, columns: RegisterColumns, base: int) -> str:
        value = self.values(columns)[base]
        if isinstance(value, float | np.floating):
            return "" if np.isnan(value) else f"{value:.0f}"
        return str(value)


class ExtraColumnsMixin:
    """Computed columns of TreeTableModel (a mixin; uses the model's columns and caches)."""

    def add_extra_column(self, key: str, header: str, provider: Provider) -> int:
        """Add a column computed by `provider(columns)` → one value per register row (float:
        numeric, NaN unknown; else text). Returns its column index. Filter with
        set_filters(**{key: text})."""
        column = self.columnCount()
        self.beginInsertColumns(QModelIndex(), column, column)
        self._extra.append(ExtraColumn(key, header, provider))
        self._filters.setdefault(key, None)
        self.endInsertColumns()
        return column

    def refresh_extra_columns(self) -> None:
        """Recompute the computed columns (their source changed, e.g. the species catalogue)."""
        for extra in self._extra:
            extra.invalidate()
        self._perm_cache.clear()
        if self._extra and len(self._rows):
            self.dataChanged.emit(self.index(0, self.base_column_count()),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def extra_values(self, key: str) -> np.ndarray:
        """Values of a computed column per register row."""
        return self._extra_column(key).values(self._columns)

    def _extra_column(self, key: str) -> ExtraColumn:
        for extra in self._extra:
            if extra.key == key:
                return extra
        raise KeyError(key)


def display_value(key: str, value) -> str:
    """Text of a RegisterColumns value in the table."""
    if key == "plantjaar":
        return str(int(value)) if value > 0 else ""
    if key == "stamdiameter_cm":
        return "" if np.isnan(value) else f"{value:.0f}"
    return value
