"""Writes started from dialogs run on the main window's serial write pool (`run_task`), never on
the GUI thread; the result or error comes back on the GUI thread. `work` must capture plain data
only (a uow factory, ids, values), never a widget. A dialog without a main window (a test on its
own) runs the write directly."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from bomenplan.domain.errors import BomenplanError


def _task_runner(owner: QObject | None):
    while owner is not None:
        if callable(getattr(owner, "run_task", None)):
            return owner
        owner = owner.parent()
    return None


def run_write(owner: QObject, label: str, work: Callable[[], object],
              on_done: Callable[[object], None], on_error: Callable[[BaseException], None]) -> None:
    runner = _task_runner(owner)
    if runner is None:
        try:
            result = work()
        except (BomenplanError, OSError) as exc:  # a refused or failed write; a bug still raises
            on_error(exc)
            return
        on_done(result)
        return
    runner.run_task(lambda _progress, _cancelled: work(), on_done, label, on_failed=on_error)
