"""A locked database (an import is writing) during an edit, an undo or a laan decision: the user
gets a Dutch message and the undo stack never claims a change the database does not have."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest
from laan_generator import LaanSpec, generate, store
from PySide6.QtGui import QUndoStack
from register_fixtures import FakeTreeModel, draft_tree
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from bomenplan.domain.laan import LaanStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import lanen as svc
from bomenplan.services import register
from bomenplan.ui.commands import EditContext, EditTreeCommand
from bomenplan.ui.laan_commands import SetLaanStatusCommand


@contextmanager
def write_lock(path):
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def register_file(tmp_path, qtbot):
    path = tmp_path / "register.sqlite"
    engine, sessions = open_database(path)
    fast = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.1})
    factory = lambda: SqlUnitOfWork(sessionmaker(fast, expire_on_commit=False))  # noqa: E731
    yield path, factory
    fast.dispose()
    engine.dispose()


@pytest.fixture
def editing(register_file):
    path, factory = register_file
    tree = register.add_tree(factory(), draft_tree(1, stamdiameter_cm=30.0))
    model = FakeTreeModel(factory)
    context = EditContext(factory, model, user=lambda: "anna")
    errors: list[str] = []
    context.error_reported.connect(errors.append)
    return path, factory, tree, context, QUndoStack(), errors


def test_an_edit_on_a_locked_database_is_reported_and_not_on_the_stack(editing):
    path, factory, tree, context, stack, errors = editing
    with write_lock(path):
        stack.push(EditTreeCommand(context, tree, {"stamdiameter_cm": 55.0}))
    assert len(errors) == 1 and "de database is bezet" in errors[0]
    assert stack.count() == 0 and not stack.canUndo()
    assert register.get_tree(factory(), tree.id).stamdiameter_cm == 30.0


def test_an_undo_on_a_locked_database_drops_the_step_and_keeps_the_stored_change(editing):
    path, factory, tree, context, stack, errors = editing
    stack.push(EditTreeCommand(context, tree, {"stamdiameter_cm": 55.0}))
    assert stack.count() == 1 and errors == []
    with write_lock(path):
        stack.undo()
    assert len(errors) == 1 and "de database is bezet" in errors[0]
    assert register.get_tree(factory(), tree.id).stamdiameter_cm == 55.0  # still stored
    assert not stack.canRedo()  # the stack does not claim the undo happened


def test_a_laan_decision_on_a_locked_database_is_reported_and_not_on_the_stack(register_file):
    path, factory = register_file
    store(factory, generate([LaanSpec(n=15, straat="Nobellaan")], park_trees=10, seed=3))
    laan = svc.detect_and_store(factory())[0]
    errors: list[str] = []
    stack = QUndoStack()
    with write_lock(path):
        stack.push(SetLaanStatusCommand(laan.id, laan.status, LaanStatus.GEACCEPTEERD, laan.version,
                                        uow_factory=factory, on_change=lambda: None,
                                        on_error=errors.append, user="planner"))
    assert len(errors) == 1 and "de database is bezet" in errors[0]
    assert stack.count() == 0
    assert svc.list_lanen(factory())[0].status is LaanStatus.VOORSTEL
