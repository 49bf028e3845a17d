"""Edit → undo → redo through the commands, against a real SQLite register."""

from datetime import date

import pytest
from PySide6.QtGui import QUndoStack
from register_fixtures import FakeTreeModel, draft_tree, trees, uow_factory  # noqa: F401

from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse, Hoogteklasse, TreeStatus
from bomenplan.services import register
from bomenplan.ui.commands import (
    AddTreeCommand,
    ChangeStatusCommand,
    EditContext,
    EditTreeCommand,
    MoveTreeCommand,
    RecordInspectionCommand,
)


@pytest.fixture
def setup(uow_factory, qtbot):  # noqa: F811
    model = FakeTreeModel(uow_factory)
    context = EditContext(uow_factory, model, user=lambda: "j.devries", on_removed=model.remove_tree)
    errors: list[str] = []
    context.error_reported.connect(errors.append)
    return context, QUndoStack(), model, errors


def fields_of(history):
    return [(c.field, c.old, c.new) for c in history]


def test_edit_undo_redo_changes_values_and_logs_each_field(setup, trees, uow_factory):  # noqa: F811
    context, stack, model, errors = setup
    tree = trees[0]
    stack.push(EditTreeCommand(context, tree, {"species_name": "Quercus rubra", "plantjaar": 1975,
                                                 "hoogteklasse": Hoogteklasse.H12_15}))
    stored = register.get_tree(uow_factory(), tree.id)
    assert (stored.species_name, stored.plantjaar, stored.hoogteklasse) == (
        "Quercus rubra", 1975, Hoogteklasse.H12_15)
    assert model.updated[-1] == stored
    assert ("species_name", tree.species_name, "Quercus rubra") in fields_of(
        register.tree_history(uow_factory(), tree.id))

    stack.undo()
    restored = register.get_tree(uow_factory(), tree.id)
    assert (restored.species_name, restored.plantjaar, restored.hoogteklasse) == (
        tree.species_name, tree.plantjaar, tree.hoogteklasse)
    history = register.tree_history(uow_factory(), tree.id)
    assert history[0].reason == "ongedaan gemaakt"
    assert ("plantjaar", "1975", str(tree.plantjaar)) in fields_of(history)

    stack.redo()
    assert register.get_tree(uow_factory(), tree.id).species_name == "Quercus rubra"
    assert errors == []
    assert stack.undoText().startswith("Boom A000")


def test_status_change_keeps_the_tree_and_records_the_reason(setup, trees, uow_factory):  # noqa: F811
    context, stack, _model, errors = setup
    stack.push(ChangeStatusCommand(context, trees[1], TreeStatus.GEKAPT, "stormschade"))
    felled = register.get_tree(uow_factory(), trees[1].id)
    assert felled.status is TreeStatus.GEKAPT
    assert register.tree_history(uow_factory(), trees[1].id)[0].reason == "stormschade"
    stack.undo()
    assert register.get_tree(uow_factory(), trees[1].id).status is TreeStatus.LEVEND
    assert errors == []


def test_moves_of_one_tree_merge_and_undo_to_the_start(setup, trees, uow_factory):  # noqa: F811
    context, stack, _model, _errors = setup
    tree = trees[0]
    start = (tree.position.x, tree.position.y)
    stack.push(MoveTreeCommand(context, tree, start[0] + 1, start[1] + 2))
    moved = register.get_tree(uow_factory(), tree.id)
    stack.push(MoveTreeCommand(context, moved, start[0] + 5, start[1] + 5))
    assert stack.count() == 1
    assert register.get_tree(uow_factory(), tree.id).position.x == pytest.approx(start[0] + 5)
    stack.undo()
    back = register.get_tree(uow_factory(), tree.id).position
    assert (back.x, back.y) == pytest.approx(start)


def test_add_then_undo_retracts_and_redo_adds_again(setup, trees, uow_factory):  # noqa: F811
    context, stack, model, errors = setup
    command = AddTreeCommand(context, draft_tree(50, boomnummer="NIEUW-1"))
    stack.push(command)
    first_id = command.current_tree_id
    assert register.get_tree(uow_factory(), first_id).boomnummer == "NIEUW-1"
    assert model.added[-1].id == first_id
    stack.push(MoveTreeCommand(context, model.added[-1], 234500.0, 557100.0))

    stack.undo()
    stack.undo()
    assert register.load_register(uow_factory()).index_of(first_id) is None
    assert model.removed == [first_id]
    assert len(register.load_register(uow_factory())) == 3

    stack.redo()
    stack.redo()  # the move follows the re-added tree to its new id
    again = register.get_tree(uow_factory(), command.current_tree_id)
    assert again.boomnummer == "NIEUW-1"
    assert (again.position.x, again.position.y) == (234500.0, 557100.0)
    assert errors == []


def test_inspection_undo_removes_it_and_restores_the_class(setup, trees, uow_factory):  # noqa: F811
    context, stack, _model, errors = setup
    tree = trees[2]
    inspection = Inspection(None, tree.id, date(2026, 5, 1), "P. Bakker",
                            Boomveiligheidsklasse.RISICOBOOM, ("holte",), ("nader onderzoek",),
                            date(2026, 8, 1))
    stack.push(RecordInspectionCommand(context, tree, inspection))
    assert register.get_tree(uow_factory(), tree.id).boomveiligheidsklasse is (
        Boomveiligheidsklasse.RISICOBOOM)
    assert [i.gebreken for i in register.inspections_of(uow_factory(), tree.id)] == [("holte",)]

    stack.undo()
    assert register.inspections_of(uow_factory(), tree.id) == []
    assert register.get_tree(uow_factory(), tree.id).boomveiligheidsklasse is tree.boomveiligheidsklasse
    assert "controle verwijderd" in [c.field for c in register.tree_history(uow_factory(), tree.id)]
    stack.redo()
    assert len(register.inspections_of(uow_factory(), tree.id)) == 1
    assert errors == []


def test_concurrent_edit_is_reported_and_the_command_is_dropped(setup, trees, uow_factory):  # noqa: F811
    context, stack, _model, errors = setup
    tree = trees[0]
    stack.push(EditTreeCommand(context, tree, {"eigenaar": "Gemeente Assen"}))
    # someone else changes the same tree in the meantime
    register.update_tree(uow_factory(), tree.id, {"eigenaar": "Provincie Drenthe"}, user="collega")
    stack.undo()
    assert stack.count() == 0
    assert "intussen door iemand anders gewijzigd" in errors[0]
    assert register.get_tree(uow_factory(), tree.id).eigenaar == "Provincie Drenthe"


def test_stale_form_edit_is_refused_and_not_pushed(setup, trees, uow_factory):  # noqa: F811
    context, stack, _model, errors = setup
    register.update_tree(uow_factory(), trees[0].id, {"opmerkingen": "elders gewijzigd"})
    stack.push(EditTreeCommand(context, trees[0], {"opmerkingen": "mijn wijziging"}))
    assert stack.count() == 0
    assert len(errors) == 1
    assert register.get_tree(uow_factory(), trees[0].id).opmerkingen == "elders gewijzigd"


def test_undo_never_overwrites_a_later_change_by_someone_else(setup, trees, uow_factory):  # noqa: F811
    context, stack, _model, errors = setup
    tree = trees[0]
    stack.push(EditTreeCommand(context, tree, {"beheerder": "Team Groen"}))
    other = register.update_tree(uow_factory(), tree.id, {"beheerder": "Aannemer X"}, user="collega")
    context.track(other)  # e.g. this session re-read the tree since
    stack.undo()
    assert stack.count() == 0 and len(errors) == 1
    assert register.get_tree(uow_factory(), tree.id).beheerder == "Aannemer X"


def test_consecutive_edits_of_one_field_merge_into_one_undo_step(setup, trees, uow_factory):  # noqa: F811
    context, stack, model, _errors = setup
    tree = trees[0]
    stack.push(EditTreeCommand(context, tree, {"opmerkingen": "takken boven fietspd"}))
    stack.push(EditTreeCommand(context, model.updated[-1], {"opmerkingen": "takken boven fietspad"}))
    stack.push(EditTreeCommand(context, model.updated[-1], {"eigenaar": "Gemeente Assen"}))
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    restored = register.get_tree(uow_factory(), tree.id)
    assert (restored.opmerkingen, restored.eigenaar) == ("", "")


def test_undo_text_names_the_fields_as_the_form_labels_them(setup, trees):  # noqa: F811
    context, stack, _model, _errors = setup
    tree = trees[0]
    stack.push(EditTreeCommand(context, tree, {"stamdiameter_cm": 42.0, "species_name": "Tilia"}))
    assert stack.undoText() == f"Boom {tree.boomnummer}: stamdiameter, soort wijzigen"
