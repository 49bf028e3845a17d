"""Vectorised helpers for filtering and sorting register columns (numpy, no Qt).

Text columns with few distinct values (soort, straat, wijk …) are factorised once: a code per
row into a sorted list of distinct values. Matching a needle against the few thousand distinct
values and indexing with the codes filters 300k rows in milliseconds (PERF-ANCHORS §6).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Categories:
    codes: np.ndarray  # int32 per row; the code is the value's rank in case-insensitive order
    uniques: list[str]

    def code_of(self, value: str) -> int | None:
        try:
            return self.uniques.index(value)
        except ValueError:
            return None

    def contains_mask(self, needle_lower: str) -> np.ndarray:
        """Rows whose value contains `needle_lower` (already lower case)."""
        hits = np.fromiter((needle_lower in u.lower() for u in self.uniques), dtype=bool,
                           count=len(self.uniques))
        return hits[self.codes] if len(self.codes) else np.zeros(0, dtype=bool)


def _sort_key(value: str) -> tuple[str, str]:
    return (value.casefold(), value)


def factorize(values: np.ndarray) -> Categories:
    items = values.tolist()
    uniques = sorted(set(items), key=_sort_key)
    index = {u: i for i, u in enumerate(uniques)}
    codes = np.fromiter(map(index.__getitem__, items), dtype=np.int32, count=len(items))
    return Categories(codes, uniques)


def categories_from_codes(codes: np.ndarray, distinct: list[str]) -> Categories:
    """Categories of a column read as codes into `distinct` (texts may repeat, e.g. genus per
    species): only the few distinct texts are sorted, the rows are renumbered with numpy."""
    uniques = sorted(set(distinct), key=_sort_key)
    rank = {u: i for i, u in enumerate(uniques)}
    renumber = np.array([rank[d] for d in distinct], dtype=np.int32)
    return Categories(renumber[codes] if len(codes) else np.zeros(0, dtype=np.int32), uniques)


def lower_text(values: np.ndarray) -> np.ndarray:
    """Fixed-width lower-case unicode copy of an object column, for np.strings matching."""
    if not len(values):
        return np.zeros(0, dtype="U1")
    return np.strings.lower(values.astype(str))


def text_contains(lowered: np.ndarray, needle_lower: str) -> np.ndarray:
    return np.strings.find(lowered, needle_lower) >= 0
