"""TaskWatcher: joins one background task of the main window (run_task) to its progress dialog
and its callbacks, on the GUI thread; the finished dialog is kept for reuse."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog

from bomenplan.domain.errors import Cancelled
from bomenplan.ui.workers import FunctionRunnable


class TaskWatcher(QObject):
    """Joins one task to its progress dialog and callbacks. A child of the window: a task that
    outlives its window (closed while working) delivers nowhere."""

    def __init__(self, window: QMainWindow, task: FunctionRunnable, dialog: QProgressDialog,
                 on_done, on_failed, label: str):
        super().__init__(window)
        self.window, self.task, self.dialog, self.label = window, task, dialog, label
        self.on_done, self.on_failed = on_done, on_failed
        self.done = False
        dialog.canceled.connect(task.cancel)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)

    def _on_progress(self, fraction: float) -> None:
        if not self.done:
            self.dialog.setValue(int(fraction * 100))

    def _finish(self) -> None:
        # May run inside the modal dialog's own setValue() (it processes events): the dialog
        # is hidden and kept for reuse, never deleted here.
        self.done = True
        self.window._tasks.discard(self.task)
        self.dialog.canceled.disconnect(self.task.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.window._idle_dialogs.append(self.dialog)
        self.deleteLater()

    def _on_finished(self, result) -> None:
        self._finish()
        self.on_done(result)

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        if self.on_failed is not None:
            self.on_failed(error)
        elif not isinstance(error, Cancelled):
            QMessageBox.critical(self.window, self.label, str(error))
