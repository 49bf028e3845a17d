"""Redo after undo over the real QUndoStack commands (issue 9 §6): move, status change and every
laan command; laan changes are logged with their user; a stale laan status change is refused."""

from __future__ import annotations

import pytest
from laan_generator import LaanSpec, generate, store
from PySide6.QtGui import QUndoStack
from register_fixtures import FakeTreeModel, trees, uow_factory  # noqa: F401
from shapely.geometry import LineString

from bomenplan.domain.laan import Herplantstrategie, LaanStatus, LaanType
from bomenplan.domain.replanting import ReplantOption
from bomenplan.domain.values import TreeStatus
from bomenplan.services import lanen as svc
from bomenplan.services import register
from bomenplan.ui.commands import ChangeStatusCommand, EditContext, MoveTreeCommand
from bomenplan.ui.laan_commands import EditLaanCommand, RecordChoiceCommand, SetLaanStatusCommand


@pytest.fixture
def edit(uow_factory, qtbot):  # noqa: F811
    model = FakeTreeModel(uow_factory)
    context = EditContext(uow_factory, model, user=lambda: "j.devries", on_removed=model.remove_tree)
    errors: list[str] = []
    context.error_reported.connect(errors.append)
    return context, QUndoStack(), errors


def test_move_redo_puts_the_tree_back_on_the_new_spot(edit, trees, uow_factory):  # noqa: F811
    context, stack, errors = edit
    tree = trees[0]
    x0, y0 = tree.position.x, tree.position.y
    stack.push(MoveTreeCommand(context, tree, x0 + 3.0, y0 - 4.0))
    stack.undo()
    assert (register.get_tree(uow_factory(), tree.id).position.x,
            register.get_tree(uow_factory(), tree.id).position.y) == pytest.approx((x0, y0))
    stack.redo()
    moved = register.get_tree(uow_factory(), tree.id)
    assert (moved.position.x, moved.position.y) == pytest.approx((x0 + 3.0, y0 - 4.0))
    assert errors == [] and stack.index() == 1 and stack.canUndo()
    positions = [c.new for c in register.tree_history(uow_factory(), tree.id) if c.field == "positie"]
    assert positions[0] == f"{x0 + 3.0:.2f}, {y0 - 4.0:.2f}"  # newest first: the redo
    stack.undo()  # and it can be undone again
    assert register.get_tree(uow_factory(), tree.id).position.x == pytest.approx(x0)


def test_status_change_redo_fells_the_tree_again_with_the_reason(edit, trees, uow_factory):  # noqa: F811
    context, stack, errors = edit
    stack.push(ChangeStatusCommand(context, trees[1], TreeStatus.STOBBE, "storm"))
    stack.undo()
    assert register.get_tree(uow_factory(), trees[1].id).status is TreeStatus.LEVEND
    stack.redo()
    assert register.get_tree(uow_factory(), trees[1].id).status is TreeStatus.STOBBE
    newest = register.tree_history(uow_factory(), trees[1].id)[0]
    assert (newest.field, newest.new, newest.reason, newest.user) == ("status", "stobbe", "storm",
                                                                      "j.devries")
    assert errors == []


# --- lanen ---------------------------------------------------------------------------------

@pytest.fixture
def laan(uow_factory):  # noqa: F811
    store(uow_factory, generate([LaanSpec(n=20, missing=(4,), straat="Hoofdlaan")], park_trees=20,
                                seed=5))
    return svc.detect_and_store(uow_factory())[0]


@pytest.fixture
def laan_kw(uow_factory):  # noqa: F811
    errors: list[str] = []
    changes: list[int] = []
    return dict(uow_factory=uow_factory, on_change=lambda: changes.append(1),
                on_error=errors.append, user="planner"), errors


def _history(uow_factory, laan_id):  # noqa: F811
    return svc.laan_history(uow_factory(), laan_id)


def test_laan_status_redo_accepts_again_and_logs_the_user(laan, laan_kw, uow_factory):  # noqa: F811
    kw, errors = laan_kw
    stack = QUndoStack()
    stack.push(SetLaanStatusCommand(laan.id, laan.status, LaanStatus.GEACCEPTEERD, laan.version, **kw))
    stack.undo()
    assert svc.list_lanen(uow_factory())[0].status is LaanStatus.VOORSTEL
    stack.redo()
    stored = svc.list_lanen(uow_factory())[0]
    assert stored.status is LaanStatus.GEACCEPTEERD and stored.version == laan.version + 3
    changes, _ = _history(uow_factory, laan.id)
    assert [(c.field, c.new, c.user) for c in changes] == [
        ("status", "geaccepteerd", "planner"), ("status", "voorstel", "planner"),
        ("status", "geaccepteerd", "planner")]
    assert errors == []


def test_a_stale_laan_status_change_is_refused_and_dropped(laan, laan_kw, uow_factory):  # noqa: F811
    kw, errors = laan_kw
    svc.set_status(uow_factory(), laan.id, LaanStatus.AFGEWEZEN, user="collega")  # someone else
    stack = QUndoStack()
    stack.push(SetLaanStatusCommand(laan.id, laan.status, LaanStatus.GEACCEPTEERD, laan.version, **kw))
    assert svc.list_lanen(uow_factory())[0].status is LaanStatus.AFGEWEZEN  # not overwritten
    assert len(errors) == 1 and "intussen gewijzigd" in errors[0]
    assert stack.count() == 0  # the obsolete command is not kept: nothing claims it happened


def test_choice_redo_records_it_again(laan, laan_kw, uow_factory):  # noqa: F811
    kw, errors = laan_kw
    option = ReplantOption(Herplantstrategie.ZELFDE_SOORT, ("Tilia x europaea",), "", "20-25", 1.0, ())
    stack = QUndoStack()
    stack.push(RecordChoiceCommand(laan.id, option, "zelfde soort als de laan", **kw))
    stack.undo()
    assert _history(uow_factory, laan.id)[1] == []
    stack.redo()
    choices = _history(uow_factory, laan.id)[1]
    assert [(c.species, c.rationale, c.user) for c in choices] == [
        (("Tilia x europaea",), "zelfde soort als de laan", "planner")]
    stack.undo()  # the redone choice (a new row) is the one retracted
    assert _history(uow_factory, laan.id)[1] == [] and errors == []


def test_edit_laan_redo_restores_the_edit_and_logs_the_user(laan, laan_kw, uow_factory):  # noqa: F811
    kw, errors = laan_kw
    (x0, y0), (x1, y1) = laan.rows[0].coords[0], laan.rows[0].coords[-1]
    after = laan.with_changes(laan_type=LaanType.HOOFDBOMENSTRUCTUUR, hoofdbomenstructuur=True,
                              rows=(LineString([(x0, y0 + 1.0), (x1, y1 + 1.0)]),))
    stack = QUndoStack()
    stack.push(EditLaanCommand(laan, after, **kw))
    stack.undo()
    assert svc.list_lanen(uow_factory())[0].laan_type == laan.laan_type
    stack.redo()
    stored = svc.list_lanen(uow_factory())[0]
    assert stored.laan_type is LaanType.HOOFDBOMENSTRUCTUUR and stored.hoofdbomenstructuur
    assert stored.rows[0].coords[0] == pytest.approx((x0, y0 + 1.0))
    changes, _ = _history(uow_factory, laan.id)
    assert {c.user for c in changes} == {"planner"} and len(changes) == 9  # 3 fields × 3 steps
    assert errors == []
