"""The GUI thread owns Python's cyclic garbage collector.

With automatic collection on, a collection starts in whichever thread happens to allocate, so a
pool thread (an import, a lanen analysis) can free the last wrapper of a widget from an earlier
window and destroy a Qt object outside the GUI thread: a deadlock between the GIL and a Qt mutex,
or a crash. The established remedy for long-lived Qt apps (pyqtgraph's GarbageCollector, the
PyQt/PySide advice): switch automatic collection off and collect from a QTimer on the GUI thread.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000  # a young-generation collection every second (well under 1 ms)
FULL_EVERY_S = 30.0  # a full collection this often …
FULL_WHEN_GEN0 = 50_000  # … or as soon as this many new objects are waiting (a burst of work)


class GarbageCollectorOwner(QObject):
    """Disables automatic `gc` while it is installed; a timer on the GUI thread collects."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS,
                 full_every_s: float = FULL_EVERY_S) -> None:
        super().__init__(parent)
        self.full_every_s = full_every_s
        self.collections = [0, 0, 0]  # per generation, for tests and diagnostics
        self._was_enabled = gc.isenabled()
        self._last_full = time.monotonic()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """One step on the GUI thread: generation 0, 1 when it is due, rarely everything."""
        if gc.isenabled():  # someone switched it back on: take ownership again
            gc.disable()
        gen0, gen1, _gen2 = gc.get_count()
        now = time.monotonic()
        if now - self._last_full >= self.full_every_s or gen0 >= FULL_WHEN_GEN0:
            generation = 2
            self._last_full = now
        elif gen1 >= gc.get_threshold()[1]:
            generation = 1
        else:
            generation = 0
        self.collections[generation] += 1
        return gc.collect(generation)

    def uninstall(self) -> None:
        """Stop collecting here and give automatic collection back as it was found."""
        self.timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self.deleteLater()


def install_gc_owner(app: QCoreApplication | None = None) -> GarbageCollectorOwner:
    """Call once on the GUI thread after the QApplication exists."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_gc_owner needs a QApplication")
    return GarbageCollectorOwner(app)
