"""Background work: one generic task with composed signals (superqt / Picard pattern).

Workers never touch widgets; results come back only through queued signals. `fn` receives
`progress(fraction)` and `cancelled()` callables, the domain's own progress protocol.

No Qt object may be destroyed in a pool thread, yet the pool thread may hold the last reference
to a runnable. So `fn` captures plain data only (ids, arrays, a unit-of-work factory; never
`self` of a widget), and the runnable's signal object belongs to the application and is
deleted on the GUI thread once the task has reported.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal


class WorkerSignals(QObject):
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception (with .traceback_text)
    progress = Signal(float)  # 0.0 … 1.0


class FunctionRunnable:
    """Runs `fn(progress, cancelled)` in a pool thread; `cancel()` sets the flag it polls.

    Start it with `pool.start(task)`: it is a plain callable, not a QRunnable, so Qt never owns
    or deletes it (PySide's ownership hand-over of a Python QRunnable to the pool leaked every
    finished task, or some of them, with all its function captured)."""

    def __init__(self, fn: Callable[[Callable[[float], None], Callable[[], bool]], object]):
        self.fn = fn
        self.signals = WorkerSignals(QCoreApplication.instance())  # owned by Qt, not by us
        self._cancel = threading.Event()
        self._last_percent = -1

    def __call__(self) -> None:
        self.run()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, fraction: float) -> None:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if percent != self._last_percent:  # at most 101 queued signals per task
            self._last_percent = percent
            self.signals.progress.emit(percent / 100)

    def run(self) -> None:
        try:
            result = self.fn(self._report, self.is_cancelled)
        except Exception as exc:  # noqa: BLE001 — reported to the GUI thread, never swallowed
            exc.traceback_text = traceback.format_exc()
            _pin_proj_context()
            self.signals.failed.emit(exc)
        else:
            _pin_proj_context()
            self.signals.finished.emit(result)
        finally:
            # Thread-safe: the GUI thread deletes it after the results queued before. (Deleting
            # it from a slot could race with this thread still emitting to other receivers.)
            self.signals.deleteLater()


_PROJ_CONTEXTS: dict[int, object] = {}


def _pin_proj_context() -> None:
    """pyproj keeps the thread's PROJ context pointer in OS thread storage, but frees the context
    with the Python thread state, which Qt drops after every pool task: the next task in that
    thread would use a freed context (SIGFPE in the second import). Keep it alive instead."""
    context = sys.modules.get("pyproj._context")
    manager = context.get_context_manager() if context is not None else None
    if manager is not None:
        _PROJ_CONTEXTS[threading.get_ident()] = manager


def serial_pool() -> QThreadPool:
    """A pool with one thread: database writes are serialised (Anki's collection executor)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
