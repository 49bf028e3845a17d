"""The tree form's save conflict on a real PostgreSQL server (issue 15 §2): the main window runs on
one engine, anna's app on another; the real ConflictDialog is clicked (its exec() is replaced)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from register_fixtures import draft_tree

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings


@pytest.fixture
def two_apps(pg_migrated_url):
    engines, factories = [], []
    for _ in range(2):
        engine, sessions = open_database(pg_migrated_url)
        engines.append(engine)
        factories.append(lambda s=sessions: SqlUnitOfWork(s))
    yield factories
    for engine in engines:
        engine.dispose()


def test_form_save_conflict_on_postgresql_choice_wins_other_value_logged(two_apps, qtbot, tmp_path, monkeypatch):
    mine, anna = two_apps
    tree = [register.add_tree(mine(), draft_tree(i, stamdiameter_cm=30.0)) for i in range(2)][1]
    window = MainWindow(mine, Settings.at(tmp_path / "settings.ini"))
    try:
        _merge_on_postgresql(window, tree, anna, qtbot, monkeypatch)
    finally:  # the window and its refresh timers go before this test's database does
        window.close()
        qtbot.wait(300)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _merge_on_postgresql(window, tree, anna, qtbot, monkeypatch):
    window.select_tree_ids([tree.id])
    form = window.register_editing.form
    register.update_tree(anna(), tree.id, {"stamdiameter_cm": 35.0, "eigenaar": "Waterschap"},
                         expected_version=tree.version, user="anna")
    seen = []

    def ask(cls, conflict, parent=None):
        dialog = cls(conflict, parent)  # a child of the window: deleted with it
        seen.append(dialog)
        dialog.choose("stamdiameter_cm", "mine")
        dialog.merge_button.click()
        return dialog.resolution

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(ask))
    form.editors["stamdiameter_cm"].setText("60")
    form.editors["plantjaar"].setText("1999")
    assert form.save() and len(seen) == 1
    stored = register.get_tree(anna(), tree.id)
    assert (stored.stamdiameter_cm, stored.plantjaar, stored.eigenaar, stored.version) == (60.0, 1999, "Waterschap",
                                                                                           tree.version + 2)
    log = [(c.field, c.old, c.new, c.user == "anna") for c in reversed(register.tree_history(anna(), tree.id))
           if c.field != "aangemaakt"]
    assert log == [("stamdiameter_cm", "30.0", "35.0", True), ("eigenaar", "", "Waterschap", True),  # anna's
                   ("plantjaar", "1981", "1999", False), ("stamdiameter_cm", "35.0", "60.0", False)]
    window.undo_action.trigger()
    undone = register.get_tree(anna(), tree.id)
    assert (undone.stamdiameter_cm, undone.plantjaar, undone.eigenaar) == (35.0, 1981, "Waterschap")
