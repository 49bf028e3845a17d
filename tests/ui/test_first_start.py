"""An empty register opens empty; the demo municipality goes only into its own file."""

from __future__ import annotations

import pytest
from register_fixtures import draft_tree
from sqlalchemy import create_engine, text

from bomenplan.app import demo_opener
from bomenplan.persistence.database import DEMO_FILE_NAME, open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register
from bomenplan.services.register import load_register
from bomenplan.ui.application import start_window
from bomenplan.ui.dialogs.first_start_dialog import FirstStart, FirstStartDialog
from bomenplan.ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _tree_count(path) -> int:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        count = conn.execute(text("SELECT COUNT(*) FROM tree")).scalar_one()
    engine.dispose()
    return count


@pytest.fixture
def empty_register(tmp_path):
    path = tmp_path / "nieuw.sqlite"
    engine, sessions = open_database(path)
    yield path, (lambda: SqlUnitOfWork(sessions))
    engine.dispose()


def _open(qtbot, tmp_path, factory, register_path, answer: FirstStart):
    asked = []

    def ask():
        asked.append(True)
        return answer

    window = start_window(factory, "nieuw.sqlite — Bomenplan", demo_opener(register_path),
                          settings=Settings.at(tmp_path / "settings.ini"), ask=ask)
    qtbot.addWidget(window)
    return window, asked


def test_an_empty_register_opens_empty_after_the_choice(qtbot, tmp_path, empty_register):
    path, factory = empty_register
    window, asked = _open(qtbot, tmp_path, factory, path, FirstStart.EMPTY)
    assert asked == [True]
    assert window.tree_model.rowCount() == 0
    assert _tree_count(path) == 0
    assert not (path.parent / DEMO_FILE_NAME).exists()
    window.close()


def test_the_demo_route_writes_only_the_demo_file(qtbot, tmp_path, empty_register):
    path, factory = empty_register
    window, _ = _open(qtbot, tmp_path, factory, path, FirstStart.DEMO)
    demo_path = path.parent / DEMO_FILE_NAME
    assert _tree_count(path) == 0  # the user's register stays empty
    demo_trees = _tree_count(demo_path)
    assert 8000 <= demo_trees <= 12000  # services/demo.py: "about 10 000 trees"
    assert len(load_register(window.uow_factory())) == demo_trees  # the window shows the demo
    assert "demogemeente" in window.windowTitle()
    window.close()


def test_a_register_with_trees_is_not_asked_about(qtbot, tmp_path, empty_register):
    path, factory = empty_register
    register.add_tree(factory(), draft_tree(1))
    window, asked = _open(qtbot, tmp_path, factory, path, FirstStart.DEMO)
    assert asked == [] and window.uow_factory.wrapped is factory  # acting_as wraps it
    assert _tree_count(path) == 1 and not (path.parent / DEMO_FILE_NAME).exists()
    window.close()


def test_the_dialog_buttons_set_the_choice(qtbot):
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice is FirstStart.EMPTY  # closing the dialog starts empty
    dialog.buttons[FirstStart.IMPORT].click()
    assert dialog.choice is FirstStart.IMPORT
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.buttons[FirstStart.DEMO].text() == "Demogemeente openen (in een eigen bestand)"
