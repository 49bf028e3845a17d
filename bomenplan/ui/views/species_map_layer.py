"""Map colour modes of the species feature: eco score class or native status per tree.

The map draws them with its SMALL palette of shared brushes (PySide6 6.12 aborts on many
distinct brushes): a few groups per mode, the last one "onbekend".
"""

from __future__ import annotations

import numpy as np

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


def legend_labels(mode: str, unknown: str = "onbekend") -> list[str]:
    """Legend labels matching colour_groups' palette."""
    if mode == "score":
        labels = [f"{lo}–{min(hi, 100)}" for lo, hi, _c in SCORE_CLASSES]
    elif mode == "native":
        labels = list(NATIVE_COLOURS)
    else:
        raise ValueError(mode)
    return [*labels, unknown]


def colour_mode(mode: str, eco_arrays):
    """A map colour function (columns → groups, [(label, colour)]) over `eco_arrays()`."""
    def function(_columns) -> tuple[np.ndarray, list[tuple[str, str]]]:
        score, native = eco_arrays()
        groups, colours = colour_groups(mode, score, native)
        return groups, list(zip(legend_labels(mode), colours, strict=True))
    return function
