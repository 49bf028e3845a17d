"""Stage 2 of the register read: the fields the map does not need (boomnummer, sizes, owner,
address …) are read in a plain-data job after the window shows stage 1, then merged into the
table model in place. Start-up work of features waits for it (MainWindow.after_first_frame)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from bomenplan.services.register import load_register
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.models.column_index import factorize


def read_rest(uow) -> tuple:
    """Worker side (plain data only): the full columns and the wijk categories of the filter."""
    full = load_register(uow)
    return full, factorize(full.wijk)


class RegisterCompletion(QObject):
    """Reads the rest of the register for `window`'s model; calls `on_complete()` on the GUI
    thread once merged. A read that no longer fits (trees edited meanwhile) is repeated."""

    def __init__(self, window, on_complete: Callable[[], None]):
        super().__init__(window)
        self._uow_factory, self._model = window.uow_factory, window.tree_model
        self._on_complete = on_complete
        self._status_bar = window.statusBar()
        self._job = BackgroundJob(self, on_failed=self._failed)

    def start_once(self) -> None:
        if not self._job.is_running():
            self.start()

    def start(self) -> None:
        edits = self._model.edit_count()
        self._job.submit(lambda result: self._adopt(result, edits), read_rest, self._uow_factory())

    def _adopt(self, result: tuple, edits_before_read: int) -> None:
        if self._model.is_complete():
            return  # the register was read again in full meanwhile (e.g. after an import)
        full, wijk = result
        if not self._model.complete_columns(full, edits_before_read, {"wijk": wijk}):
            self.start()
            return
        self._on_complete()

    def _failed(self, error: BaseException) -> None:
        message = QCoreApplication.translate("RegisterCompletion",
                                             "Register lezen mislukt: {0}").format(error)
        self._status_bar.showMessage(message)
        self._on_complete()
