"""QApplication set-up: names, Dutch locale, translations; the first-start choice on an empty register."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from bomenplan.ui.gc_owner import install_gc_owner

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
_translators: dict[int, list[QTranslator]] = {}  # per application: installed once


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    QCoreApplication.setOrganizationName("bomenplan")
    QCoreApplication.setApplicationName("bomenplan")
    install_dutch(app)
    app.setStyle("Fusion")
    return app


def install_dutch(app: QApplication) -> list[QTranslator]:
    """Dutch locale (decimal comma, 12.345) and translations: Qt's own texts (Annuleren,
    Sluiten) from qtbase_nl, then the app's own bomenplan_nl.qm; once per application."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    if _translators.get(id(app)):
        return _translators[id(app)]
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for folder, name in ((qt_folder, "qtbase_nl.qm"), (str(I18N), "bomenplan_nl.qm")):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    _translators[id(app)] = installed
    return installed


def run_gui(uow_factory: Callable, title: str = "", open_demo: Callable | None = None,
            preloaded: Callable | None = None, server_access=None) -> int:
    """`open_demo(progress)` opens the demo municipality in its own file; an empty register
    opens empty, with the first-start choice (demo / empty / import). `preloaded()` gives the
    register's columns read in advance (not used when another register was chosen)."""
    app = make_application()
    install_gc_owner(app)  # Qt objects are destroyed on the GUI thread only
    window = start_window(uow_factory, title, open_demo, preloaded=preloaded)
    if server_access is not None:  # Bestand → Verbinding met server… (ui/server_menu.py)
        from bomenplan.ui import server_menu

        server_menu.install(window, server_access)
    from bomenplan.ui.startup_probe import install_from_environment

    probe = install_from_environment(window)  # launch timing when BOMENPLAN_STARTUP_REPORT is set
    window.show()
    if probe is None:  # a timed, unattended start asks nothing
        QTimer.singleShot(0, lambda: ask_user_profile_if_empty(window))
    return app.exec()


def ask_user_profile_if_empty(window) -> None:
    """First start: who works here (name, role, team) — asked once, changeable under
    Bestand → Gebruiker…; separate from the register choice of first_start_dialog."""
    from bomenplan.ui.dialogs.user_profile_dialog import UserProfileDialog
    from bomenplan.ui.user_identity import profile_is_empty

    settings = getattr(window, "settings", None)
    if settings is not None and profile_is_empty(settings):
        UserProfileDialog.ask(settings, window)


def start_window(uow_factory: Callable, title: str = "", open_demo: Callable | None = None,
                 settings=None, ask: Callable | None = None, preloaded: Callable | None = None):
    from bomenplan.ui.acting_user import acting_as
    from bomenplan.ui.dialogs.first_start_dialog import FirstStart, first_start
    from bomenplan.ui.main_window import MainWindow
    from bomenplan.ui.settings import Settings

    register_factory = uow_factory
    uow_factory, title, choice = first_start(uow_factory, title, open_demo, ask)
    same_register = uow_factory is register_factory
    columns = preloaded() if preloaded is not None and same_register else None
    settings = settings or Settings()
    uow_factory = acting_as(uow_factory, settings)  # the services' role checks know who acts
    window = MainWindow(uow_factory, settings=settings, title=title, columns=columns)
    if choice is FirstStart.IMPORT and window.import_action.isEnabled():
        QTimer.singleShot(0, window.import_action.trigger)
    return window
