"""Background work: one generic QRunnable with composed signals (superqt / Picard pattern).

Workers never touch widgets; results come back only through queued signals. `fn` receives
`progress(fraction)` and `cancelled()` callables, the domain's own progress protocol.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class WorkerSignals(QObject):
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception (with .traceback_text)
    progress = Signal(float)  # 0.0 … 1.0


class FunctionRunnable(QRunnable):
    """Runs `fn(progress, cancelled)` in a pool thread; `cancel()` sets the flag it polls."""

    def __init__(self, fn: Callable[[Callable[[float], None], Callable[[], bool]], object]):
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self._last_percent = -1
        self.setAutoDelete(False)  # Python keeps the reference; Qt must not delete it under us

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
