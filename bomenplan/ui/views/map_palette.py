"""Colours of the tree map: a SMALL palette of shared brushes.

Every point refers to one of these few QBrush objects (PySide6 6.12 aborts when pyqtgraph gets
10k+ distinct brushes). Colour groups are palette indices per point (uint8).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from PySide6.QtGui import QBrush, QColor

from bomenplan.services.map_colours import GENUS_COLOURS, OTHER_COLOUR, STATUS_COLOURS


@dataclass(frozen=True)
class Palette:
    """Legend labels and colours; the last entry is the catch-all group."""

    labels: tuple[str, ...]
    colours: tuple[str, ...]
    index: dict  # value (genus / status code) → group

    def group_of(self, value: str) -> int:
        return self.index.get(value, len(self.colours) - 1)

    def groups_of(self, uniques: list[str], codes: np.ndarray) -> np.ndarray:
        """Group per row from a factorised column (distinct values + codes)."""
        lookup = np.fromiter((self.group_of(u) for u in uniques), dtype=np.uint8,
                             count=len(uniques))
        return lookup[codes] if len(uniques) else np.zeros(len(codes), dtype=np.uint8)

    @property
    def brushes(self) -> list[QBrush]:
        return [shared_brush(c) for c in self.colours]

    @property
    def argb(self) -> np.ndarray:
        return np.array([QColor(c).rgba() for c in self.colours], dtype=np.uint32)


@cache
def shared_brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


def genus_palette(uniques: list[str], codes: np.ndarray, other_label: str) -> Palette:
    """The most frequent genera get their own colour; the rest is 'overig'."""
    counts = np.bincount(codes, minlength=len(uniques)) if len(codes) else np.zeros(0, int)
    named = [i for i in np.argsort(-counts, kind="stable") if uniques[i] and counts[i] > 0]
    top = [uniques[i] for i in named[: len(GENUS_COLOURS)]]
    colours = GENUS_COLOURS[: len(top)] + (OTHER_COLOUR,)
    return Palette(tuple(top) + (other_label,), colours, {g: i for i, g in enumerate(top)})


def status_palette(labels: dict[str, str], other_label: str) -> Palette:
    codes = [str(s) for s in STATUS_COLOURS]
    return Palette(tuple(labels.get(c, c) for c in codes) + (other_label,),
                   tuple(STATUS_COLOURS.values()) + (OTHER_COLOUR,),
                   {c: i for i, c in enumerate(codes)})
