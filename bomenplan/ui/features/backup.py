"""Bestand → Reservekopie maken… / Reservekopie terugzetten…: a consistent copy of the open
register (SQLite online backup, while the app keeps working) and its restore after a check and a
confirmation; the replaced register is kept, the window reads the restored one again.

Workers capture the unit-of-work factory and plain paths only; results come back queued."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bomenplan.domain.errors import BomenplanError
from bomenplan.services.backup import (
    backup_summary,
    describe_backup,
    make_backup,
    restore_backup,
)
from bomenplan.services.register import load_register
from bomenplan.ui.menu_places import above_quit

FILE_FILTER = "Reservekopie (*.sqlite *.dump);;Alle bestanden (*)"


def _backup_job(factory, path: str):
    def job(progress, cancelled):
        try:
            return backup_summary(make_backup(factory(), path, progress, cancelled)), ""
        except (BomenplanError, OSError) as exc:  # OSError: e.g. no write permission there
            return "", str(exc)
    return job


def _check_job(factory, path: str):
    def job(_progress, _cancelled):
        try:
            return describe_backup(factory(), path).trees, ""
        except BomenplanError as exc:
            return None, str(exc)
    return job


def _restore_job(factory, path: str):
    def job(progress, cancelled):
        try:
            kept = restore_backup(factory(), path, lambda f: progress(0.9 * f), cancelled)
        except BomenplanError as exc:
            return None, None, str(exc)
        return str(kept), load_register(factory()), ""  # read here, not on the GUI thread
    return job


class BackupFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.backup_action = QAction(self.tr("Reservekopie &maken…"), window)
        self.restore_action = QAction(self.tr("Reservekopie &terugzetten…"), window)
        self.backup_action.triggered.connect(self.make_backup)
        self.restore_action.triggered.connect(self.restore)
        menu = window.feature_menu(self.tr("&Bestand"))
        before = above_quit(menu)
        menu.insertSeparator(before) if before is not None else menu.addSeparator()
        for action in (self.backup_action, self.restore_action):
            menu.insertAction(before, action) if before is not None else menu.addAction(action)

    # --- dialogs (replaced in tests) ------------------------------------------------------------
    def ask_backup_path(self) -> str:
        name = f"bomenregister-{date.today().isoformat()}.sqlite"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Reservekopie maken"), name,
                                              self.tr(FILE_FILTER))
        return path

    def ask_restore_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Reservekopie terugzetten"),
                                              "", self.tr(FILE_FILTER))
        return path

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self.window, self.tr("Reservekopie terugzetten"), text)
        return answer == QMessageBox.StandardButton.Yes

    def show_message(self, title: str, text: str, error: bool = False) -> None:
        (QMessageBox.warning if error else QMessageBox.information)(self.window, title, text)

    # --- actions ---------------------------------------------------------------------------------
    def make_backup(self) -> None:
        path = self.ask_backup_path()
        if path:
            self.window.run_task(_backup_job(self.window.uow_factory, path), self._backup_done,
                                 self.tr("Reservekopie maken…"))

    def _backup_done(self, outcome) -> None:
        summary, error = outcome
        if error:
            self.show_message(self.tr("Reservekopie mislukt"), error, error=True)
        else:
            self.show_message(self.tr("Reservekopie gereed"), summary)

    def restore(self) -> None:
        path = self.ask_restore_path()
        if path:  # the check (integrity of the whole file) runs in the worker too
            self.window.run_task(_check_job(self.window.uow_factory, path),
                                 lambda outcome: self._checked(path, *outcome),
                                 self.tr("Reservekopie controleren…"))

    def _checked(self, path: str, trees: int | None, error: str) -> None:
        if error:
            self.show_message(self.tr("Reservekopie terugzetten"),
                              self.tr("{0}\nHet register is niet gewijzigd.").format(error), error=True)
            return
        count = "" if trees is None else self.tr(" ({0} bomen)").format(trees)
        if not self.confirm(self.tr(
                "Het geopende register wordt vervangen door de reservekopie {0}{1}. Het huidige "
                "register wordt eerst als kopie bewaard; ongedane-maken-stappen vervallen. "
                "Doorgaan?").format(path, count)):
            return
        self.window.run_task(_restore_job(self.window.uow_factory, path), self._restore_done,
                             self.tr("Reservekopie terugzetten…"))

    def _restore_done(self, outcome) -> None:
        kept, columns, error = outcome
        if error:
            self.show_message(self.tr("Terugzetten mislukt"),
                              self.tr("{0}\nHet register is niet gewijzigd.").format(error), error=True)
            return
        self.window.undo_stack.clear()  # its steps belong to the replaced register
        self.window.reload_register(columns)
        self.show_message(self.tr("Reservekopie teruggezet"),
                          self.tr("De reservekopie is teruggezet. Het vorige register is bewaard "
                                  "als {0}.").format(kept))


def install(window) -> None:
    window.backup_feature = BackupFeature(window)
