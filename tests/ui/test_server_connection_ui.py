"""Issue 15 §1: the main window on a PostgreSQL register, and Bestand → Verbinding met server…
(the dialog tests the connection, remembers the URL without the password, opens a new window)."""

import pytest
from PySide6.QtWidgets import QDialog
from real_window import shown_main_window
from register_fixtures import draft_tree

from bomenplan.app import server_access
from bomenplan.services import register
from bomenplan.ui import server_menu
from bomenplan.ui.dialogs.server_dialog import ServerDialog, recent_servers
from bomenplan.ui.settings import RECENT_SERVERS, Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _three_trees(factory):
    for i in range(3):
        register.add_tree(factory(), draft_tree(i, wijk="Noord" if i == 2 else "Centrum"))


def test_main_window_on_postgresql_shows_the_trees(qtbot, tmp_path, pg_migrated_url):
    with shown_main_window(qtbot, tmp_path, _three_trees, db=pg_migrated_url) as win:
        qtbot.waitUntil(win.map_view.is_scatter_ready)
        assert win.tree_model.rowCount() == 3
        assert win.count_label.text() == "3 van 3 bomen"
        wijken = {win.wijk_filter.itemText(i) for i in range(1, win.wijk_filter.count())}
        assert wijken == {"Centrum", "Noord"}
        _wait_for_start_up_tasks(qtbot, win)  # they read the database, which the fixture drops


def _wait_for_start_up_tasks(qtbot, window):
    qtbot.waitUntil(lambda: window._deferred is None and not window._tasks, timeout=20_000)


def _fill(dialog, port, database, password="geheim"):
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText("bomenplan")
    dialog.password.setText(password)


def test_dialog_names_a_missing_database_and_keeps_no_password(qtbot, tmp_path, postgres_server,
                                                                pg_migrated_url):
    settings = Settings.at(tmp_path / "s.ini")
    dialog = ServerDialog(settings, server_access().check)
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.message.text() == "Vul de server in."
    _fill(dialog, postgres_server.port, "bestaat_niet")
    assert not dialog.test_connection()
    assert dialog.message.text() == (f"Geen verbinding: database 'bestaat_niet' bestaat niet op "
                                     f"server 127.0.0.1:{postgres_server.port}.")
    assert recent_servers(settings) == []  # nothing remembered for a failed connection

    database = pg_migrated_url.rsplit("/", 1)[1]
    _fill(dialog, postgres_server.port, database)
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    expected = f"postgresql+psycopg://bomenplan@127.0.0.1:{postgres_server.port}/{database}"
    assert recent_servers(settings) == [expected]
    settings.qsettings.sync()
    assert "geheim" not in (tmp_path / "s.ini").read_text() + settings.get(RECENT_SERVERS)

    again = ServerDialog(settings, server_access().check)  # the recent server fills the fields
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.database.text(), again.password.text()) == \
        ("127.0.0.1", postgres_server.port, database, "")


def test_menu_opens_the_server_register_in_a_new_window(qtbot, tmp_path, pg_migrated_url):
    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork

    engine, sessions = open_database(pg_migrated_url)
    _three_trees(lambda: SqlUnitOfWork(sessions))
    engine.dispose()
    with shown_main_window(qtbot, tmp_path, lambda factory: None) as local:
        access = server_access()
        action = server_menu.install(local, access)
        assert local.file_menu.actions()[0] is action
        assert action.text() == "&Verbinding met server…"
        new = server_menu.open_in_new_window(local, access, pg_migrated_url, "")
        qtbot.addWidget(new)
        qtbot.waitUntil(new.map_view.is_scatter_ready)
        assert new.tree_model.rowCount() == 3 and not local.isVisible()
        assert new.windowTitle() == f"{pg_migrated_url} — Bomenplan"
        _wait_for_start_up_tasks(qtbot, new)
        new.close()


def test_server_register_of_the_start_joins_the_recent_list_without_password(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, lambda factory: None) as win:
        server_menu.install(win, server_access("postgresql+psycopg://anna:geheim@db:5432/bomen"))
        server_menu.install(win, server_access(str(tmp_path / "lokaal.sqlite")))  # not a server
        assert recent_servers(win.settings) == ["postgresql+psycopg://anna@db:5432/bomen"]
