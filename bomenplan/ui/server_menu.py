"""Bestand → Verbinding met server…: opens a PostgreSQL register in a new main window (the
current one closes). The composition root (app.py) hands in how to test and open a server, so
the UI never touches persistence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from bomenplan.domain.errors import BomenplanError
from bomenplan.ui.dialogs.server_dialog import ServerDialog, remember_server

_open_windows: list = []  # windows opened here stay referenced until they are destroyed


@dataclass(frozen=True)
class ServerAccess:
    check: Callable[[str, str], None]  # raises BomenplanError with a Dutch message
    open: Callable[[str, str], tuple[Callable, str]]  # → (uow_factory, window title)
    current_url: str = ""  # the server register opened with --db (without password), if any


def install(window, access: ServerAccess) -> QAction:
    action = QAction(window.tr("&Verbinding met server…"), window)
    first = window.file_menu.actions()[0] if window.file_menu.actions() else None
    window.file_menu.insertAction(first, action)
    action.triggered.connect(lambda: ask_and_open(window, access))
    window.server_action = action
    if access.current_url:  # `bomenplan --db postgresql://…` joins the recent servers too
        remember_server(window.settings, access.current_url)
    return action


def ask_and_open(window, access: ServerAccess):
    dialog = ServerDialog(window.settings, access.check, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return open_in_new_window(window, access, dialog.url(), dialog.password.text())


def open_in_new_window(window, access: ServerAccess, url: str, password: str):
    from bomenplan.ui.acting_user import acting_as
    from bomenplan.ui.main_window import MainWindow

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        factory, title = access.open(url, password)
    except BomenplanError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(window, window.tr("Verbinding met server"),
                            window.tr("Het register kon niet worden geopend: {0}.").format(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    factory = acting_as(factory, window.settings)  # the services' role checks know who acts
    new = MainWindow(factory, settings=window.settings, title=title)
    install(new, access)
    _open_windows.append(new)
    new.destroyed.connect(lambda *_: _open_windows.remove(new) if new in _open_windows else None)
    new.show()
    window.close()
    return new
