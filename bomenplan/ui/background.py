"""Plain-data work off the GUI thread without Qt objects crossing threads.

A Python ThreadPoolExecutor runs `fn(*args)` (plain data in, plain data out: numpy arrays,
frozen domain objects); a QTimer on the GUI thread polls the Future and hands the result to
`on_done` there. Nothing Qt is created, referenced or freed in the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer

POLL_MS = 15
_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="plain-data")


class BackgroundJob(QObject):
    """One job at a time per instance: a newer submit makes the older result go unused."""

    def __init__(self, parent: QObject, on_failed: Callable[[BaseException], None] | None = None):
        super().__init__(parent)
        self._future: Future | None = None
        self._on_done: Callable[[object], None] | None = None
        self._on_failed = on_failed
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    def submit(self, on_done: Callable[[object], None], fn: Callable, *args) -> None:
        self._future, self._on_done = _EXECUTOR.submit(fn, *args), on_done
        self._timer.start()

    def is_running(self) -> bool:
        return self._future is not None

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._future = None
        self._timer.stop()
        error = future.exception()
        if error is None:
            self._on_done(future.result())
        elif self._on_failed is not None:
            self._on_failed(error)
        else:
            raise error
