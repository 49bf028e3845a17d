"""Map colouring by ecological score class or native status: one overlay ScatterPlotItem over
the visible trees, with a SMALL palette of shared brushes (PySide6 6.12 aborts on many distinct
brushes)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from bomenplan.ui.views.map_palette import shared_brush

LAYER_NAME = "soorten"
SCORE_CLASSES = ((0, 30, "#c62828"), (30, 50, "#ef6c00"), (50, 70, "#c0ca33"), (70, 101, "#2e7d32"))
NATIVE_COLOURS = {"inheems": "#2e7d32", "ingeburgerd": "#1565c0", "exoot": "#ef6c00"}
UNKNOWN = "#9e9e9e"
MODES = ("score", "native")


def colour_groups(mode: str, eco_score: np.ndarray, native: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Palette index per row and the palette colours (last = unknown)."""
    if mode == "score":
        colours = [c for _lo, _hi, c in SCORE_CLASSES] + [UNKNOWN]
        groups = np.full(len(eco_score), len(colours) - 1, dtype=np.uint8)
        for i, (lo, hi, _c) in enumerate(SCORE_CLASSES):
            groups[(eco_score >= lo) & (eco_score < hi)] = i
        return groups, colours
    if mode == "native":
        colours = [*NATIVE_COLOURS.values(), UNKNOWN]
        groups = np.full(len(native), len(colours) - 1, dtype=np.uint8)
        for i, status in enumerate(NATIVE_COLOURS):
            groups[native == status] = i
        return groups, colours
    raise ValueError(mode)


def build_layer(x: np.ndarray, y: np.ndarray, groups: np.ndarray, colours: list[str]) -> pg.ScatterPlotItem:
    palette = [shared_brush(c) for c in colours]
    brushes = [palette[g] for g in groups.tolist()]
    item = pg.ScatterPlotItem(size=6, pen=None)
    item.setData(x=x, y=y, brush=brushes)
    item.setZValue(5)
    return item


def legend_html(mode: str | None) -> str:
    """Legend of the map colouring as rich text (empty when no colouring is shown)."""
    if mode == "score":
        items = [(c, f"{lo}–{min(hi, 100)}") for lo, hi, c in SCORE_CLASSES]
    elif mode == "native":
        items = list(((c, s) for s, c in NATIVE_COLOURS.items()))
    else:
        return ""
    items.append((UNKNOWN, "onbekend"))
    return " ".join(f"<span style='color:{c}'>&#9679;</span> {label}" for c, label in items)
