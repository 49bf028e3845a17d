"""Stage 2 of the register read: the fields the map does not need (boomnummer, sizes, owner,
address …) are read in a plain-data job while the window first shows stage 1, then merged into the
table model in place. Start-up work of features waits for it (MainWindow.after_first_frame)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject

from bomenplan.services.register import load_register, load_register_rest
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.models.column_index import factorize


def read_rest(uow) -> tuple:
    """Worker side (plain data only): the remaining fields and the wijk filter's categories."""
    rest = load_register_rest(uow)
    return rest, factorize(rest["wijk"])


class RegisterCompletion(QObject):
    """Reads the rest of the register for `window`'s model and calls `on_complete()` on the GUI
    thread once merged. A read older than a local edit is repeated; when other users added or
    removed trees meanwhile, the register is read again in full and shown (`reload(columns)`)."""

    def __init__(self, window, on_complete: Callable[[], None]):
        super().__init__(window)
        self._uow_factory, self._model = window.uow_factory, window.tree_model
        self._on_complete, self._reload = on_complete, window.reload_register
        self._status_bar = window.statusBar()
        self._job = BackgroundJob(self, on_failed=self._failed)

    def start_once(self) -> None:
        if not self._job.is_running() and not self._model.is_complete():
            self.start()

    def start(self) -> None:
        edits = self._model.edit_count()
        self._job.submit(lambda result: self._adopt(result, edits), read_rest, self._uow_factory())

    def _adopt(self, result: tuple, edits_before_read: int) -> None:
        if self._model.is_complete():
            return  # the register was read again in full meanwhile (e.g. after an import)
        rest, wijk = result
        if not np.array_equal(rest["id"], self._model.columns.id) and edits_before_read == \
                self._model.edit_count():  # trees added or removed elsewhere: read in full
            self._job.submit(self._reload, load_register, self._uow_factory())
            return
        if not self._model.complete_columns(rest, edits_before_read, {"wijk": wijk}):
            self.start()
            return
        self._on_complete()

    def _failed(self, error: BaseException) -> None:
        message = QCoreApplication.translate("RegisterCompletion",
                                             "Register lezen mislukt: {0}").format(error)
        self._status_bar.showMessage(message)
        self._on_complete()
