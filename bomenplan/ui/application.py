"""QApplication set-up: names, Dutch locale, translations, demo data on a fresh install."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from bomenplan.ui.gc_owner import install_gc_owner

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setOrganizationName("bomenplan")
    QCoreApplication.setApplicationName("bomenplan")
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    if translator.load(str(I18N / "bomenplan_nl.qm")):
        app.installTranslator(translator)
    app.setStyle("Fusion")
    return app


def ensure_demo(uow_factory: Callable) -> None:
    """A fresh install opens on the demo municipality (when the demo module is present)."""
    try:
        from bomenplan.services import demo
    except ModuleNotFoundError as exc:
        if exc.name != "bomenplan.services.demo":
            raise
        return
    if demo.demo_is_needed(uow_factory()):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            demo.create_demo(uow_factory)
        finally:
            QGuiApplication.restoreOverrideCursor()


def run_gui(uow_factory: Callable, title: str = "") -> int:
    app = make_application()
    install_gc_owner(app)  # Qt objects are destroyed on the GUI thread only
    ensure_demo(uow_factory)
    from bomenplan.ui.main_window import MainWindow

    window = MainWindow(uow_factory, title=title)
    window.show()
    return app.exec()
