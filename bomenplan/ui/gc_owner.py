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
FULL_EVERY_S = 30.0  # a full collection this often
MIDDLE_WHEN_GEN0 = 50_000  # a burst of new objects: the middle generation too
# A full scan of everything made at start-up (280k-460k objects with the Amsterdam 300k
# register open) takes ~120 ms on an idle machine, up to 2.7 s on a busy one: an event-loop
# stall each time. So the first full collection instead freezes what
# has lived since start-up (gc.freeze: never scanned again, never freed if it became cyclic
# garbage later); later full collections scan only what is newer.


class GarbageCollectorOwner(QObject):
    """Disables automatic `gc` while it is installed; a timer on the GUI thread collects."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS,
                 full_every_s: float = FULL_EVERY_S) -> None:
        super().__init__(parent)
        self.full_every_s = full_every_s
        self.collections = [0, 0, 0]  # per generation, for tests and diagnostics
        self._was_enabled = gc.isenabled()
        self._last_full = time.monotonic()
        self.frozen = False
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """One step on the GUI thread: generation 0, 1 when due or after a burst, rarely all."""
        if gc.isenabled():  # someone switched it back on: take ownership again
            gc.disable()
        gen0, gen1, _gen2 = gc.get_count()
        now = time.monotonic()
        if now - self._last_full >= self.full_every_s:
            generation = 2
            self._last_full = now
        elif gen1 >= gc.get_threshold()[1] or gen0 >= MIDDLE_WHEN_GEN0:
            generation = 1
        else:
            generation = 0
        self.collections[generation] += 1
        if generation == 2 and not self.frozen:
            found = gc.collect(1)  # the young start-up garbage goes first
            gc.freeze()
            self.frozen = True
            return found
        return gc.collect(generation)

    def uninstall(self) -> None:
        """Stop collecting here and give automatic collection back as it was found."""
        self.timer.stop()
        if self.frozen:
            gc.unfreeze()
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
