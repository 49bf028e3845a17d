"""Work-arounds for bugs of the Qt binding that the whole UI layer needs.

PySide6 6.12 returns None (and True / False) from C++ protected virtuals called from Python
(``super().paintEvent``, ``super().event`` …) without taking a reference. Every repaint of a pyqtgraph view drops a few
references to None; on Python 3.11, where None is not immortal, a few minutes of panning the map
reach zero and the interpreter aborts ("Fatal Python error: none_dealloc"). Measured here:
about -3 references per repaint of an empty PlotWidget, -250 per zoom step of the map.
Python 3.12+ makes these singletons immortal (PEP 683); on 3.11 we give them the same
headroom once (None, True, False and the cached small ints).
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # ~10^12 leaked references: years of repainting
_done = False


def protect_none_refcount() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False, *range(-5, 257)):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _done = True
