"""A form save that meets a newer version (issue 15 §2), in the real main window on an SQLite file
that a second app (anna, her own engine) writes at the same time. The real ConflictDialog is built
and clicked; only its modal exec() is replaced (STYLE.md §10: monkeypatch ask())."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.domain.standplaats import (
    ProblemStatus,
    ProblemType,
    Severity,
    Standplaats,
    StandplaatsProblem,
    Verharding,
)
from bomenplan.domain.values import TreeStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register
from bomenplan.services.standplaats import get_standplaats, problems, save_problem, save_standplaats
from bomenplan.ui.commands import MoveTreeCommand
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.dialogs.status_dialog import StatusDialog
from bomenplan.ui.dialogs.value_labels import select_enum
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings

SHOT = Path("/tmp/bomenplan_conflict_dialog.png")
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"unexpected warning {a}"))
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


@pytest.fixture
def anna(tmp_path):
    """A second running app on the same database file."""
    engine, sessions = open_database(tmp_path / "register.sqlite")
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


def _dialog_answering(qtbot, seen: list, answer):
    def ask(cls, conflict, parent=None):
        dialog = cls(conflict, parent)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        return answer(dialog)
    return classmethod(ask)


def _bert_edits(form, plantjaar: str, stamdiameter: str) -> None:
    form.editors["plantjaar"].setText(plantjaar)
    form.editors["stamdiameter_cm"].setText(stamdiameter)


def test_form_save_conflict_merge_keeps_both_and_undo_restores_theirs(window, trees, uow_factory, anna,  # noqa: F811
                                                                      qtbot, monkeypatch):
    tree_id = trees[1].id
    window.select_tree_ids([tree_id])
    form = window.register_editing.form
    register.update_tree(anna(), tree_id, {"eigenaar": "Waterschap", "stamdiameter_cm": 35.0},
                         expected_version=1, user="anna")
    seen = []

    def merge_choosing_mine(dialog):
        assert dialog.merge_button.isEnabled() is False  # a field both changed needs a choice first
        rows = dialog.their_model.rows
        assert ("Eigenaar", "(leeg)", "Waterschap", "anna") in [r[:4] for r in rows]
        assert ("Stamdiameter (cm)", "(leeg)", "35", "anna") in [r[:4] for r in rows]
        assert "anna" in dialog.intro.text() and "versie 1, nu versie 2" in dialog.intro.text()
        assert "Plantjaar: 1981 \u2192 1999" in dialog.mine_label.text()
        dialog.choose("stamdiameter_cm", "mine")
        dialog.grab().save(str(SHOT))
        dialog.merge_button.click()
        return dialog.resolution

    monkeypatch.setattr(ConflictDialog, "ask", _dialog_answering(qtbot, seen, merge_choosing_mine))
    _bert_edits(form, "1999", "60")
    assert form.save()
    assert len(seen) == 1

    stored = register.get_tree(anna(), tree_id)
    assert (stored.eigenaar, stored.plantjaar, stored.stamdiameter_cm, stored.version) == ("Waterschap", 1999,
                                                                                           60.0, 3)
    assert form.tree.version == 3 and form.editors["eigenaar"].text() == "Waterschap"
    log = [(c.field, c.old, c.new, c.user) for c in reversed(register.tree_history(anna(), tree_id))]
    assert [entry[:3] for entry in log if entry[3] != "anna"][-2:] == [  # bert's save, on top of anna's
        ("plantjaar", "1981", "1999"), ("stamdiameter_cm", "35.0", "60.0")]
    assert ("stamdiameter_cm", "", "35.0", "anna") in log  # anna's value stays in the change log

    window.undo_action.trigger()  # back to what was stored before bert's save: anna's values
    undone = register.get_tree(anna(), tree_id)
    assert (undone.eigenaar, undone.plantjaar, undone.stamdiameter_cm) == ("Waterschap", 1981, 35.0)
    window.redo_action.trigger()
    assert register.get_tree(anna(), tree_id).stamdiameter_cm == 60.0


def test_cancel_keeps_the_form_and_reload_shows_theirs(window, trees, anna, qtbot, monkeypatch):  # noqa: F811
    tree_id = trees[1].id
    window.select_tree_ids([tree_id])
    form = window.register_editing.form
    register.update_tree(anna(), tree_id, {"eigenaar": "Waterschap"}, expected_version=1, user="anna")
    seen = []
    monkeypatch.setattr(ConflictDialog, "ask", _dialog_answering(qtbot, seen, lambda d: d.reject()))
    _bert_edits(form, "1999", "60")
    form.save()
    assert len(seen) == 1 and register.get_tree(anna(), tree_id).version == 2
    assert form.editors["plantjaar"].text() == "1999"  # nothing lost: the form keeps bert's edits
    assert not window.undo_stack.canUndo()

    monkeypatch.setattr(ConflictDialog, "ask", _dialog_answering(qtbot, seen, lambda d: (
        d.reload_button.click(), d.resolution)[1]))
    form.save()
    assert len(seen) == 2
    assert form.editors["plantjaar"].text() == "1981" and form.editors["eigenaar"].text() == "Waterschap"
    assert form.tree.version == 2 and not window.undo_stack.canUndo()
    stored = register.get_tree(anna(), tree_id)
    assert (stored.plantjaar, stored.version) == (1981, 2)


def test_no_conflict_no_dialog(window, trees, uow_factory, monkeypatch):  # noqa: F811
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda *a: pytest.fail("no conflict expected")))
    window.select_tree_ids([trees[0].id])
    window.register_editing.form.editors["plantjaar"].setText("1990")
    assert window.register_editing.form.save()
    assert register.get_tree(uow_factory(), trees[0].id).plantjaar == 1990


def test_standplaats_save_conflict_merge_cancel_and_undo(window, trees, anna, qtbot, monkeypatch):  # noqa: F811
    feature = window.standplaats_feature
    site = trees[0].site_id
    dialog = feature.edit_site(site, trees[0].id)  # bert opens the record (nothing stored: version 0)
    save_standplaats(anna(), Standplaats(site, boomspiegel_m2=4.0, zout=True), user="anna")
    seen = []

    def merge_taking_theirs(conflict_dialog):
        assert [c.field for c in conflict_dialog.conflict.merge.conflicts] == ["zout"]
        assert ("Boomspiegel", "(leeg)", "4", "anna") in [r[:4] for r in conflict_dialog.their_model.rows]
        conflict_dialog.choose("zout", "theirs")
        conflict_dialog.merge_button.click()
        return conflict_dialog.resolution

    monkeypatch.setattr(ConflictDialog, "ask", _dialog_answering(qtbot, seen, merge_taking_theirs))
    select_enum(dialog.verharding, Verharding.OPEN)
    dialog.checks["zout"].setCheckState(Qt.Unchecked)
    dialog._accept()
    assert len(seen) == 1
    stored = get_standplaats(anna(), site)
    assert (stored.boomspiegel_m2, stored.zout, stored.verharding, stored.version) == (4.0, True, Verharding.OPEN, 2)
    window.undo_action.trigger()  # undo restores what anna had stored, not the empty record
    undone = get_standplaats(anna(), site)
    assert (undone.boomspiegel_m2, undone.zout, undone.verharding) == (4.0, True, Verharding.ONBEKEND)

    window.redo_action.trigger()
    dialog = feature.edit_site(site, trees[0].id)
    assert dialog.record.version == 4  # saved, merged, undone, redone
    save_standplaats(anna(), get_standplaats(anna(), site).with_changes(opmerkingen="boomspiegel verhard"),
                     user="anna")
    dialog.opmerkingen.setText("wortels in de rijbaan")
    monkeypatch.setattr(ConflictDialog, "ask", _dialog_answering(qtbot, seen, lambda d: d.reject()))
    dialog._accept()
    assert len(seen) == 2
    qtbot.waitUntil(lambda: feature.dialog is not dialog, timeout=2000)  # opened again with my values
    assert feature.dialog.opmerkingen.text() == "wortels in de rijbaan"
    assert feature.dialog.record.version == 4  # saving again meets the conflict again
    assert get_standplaats(anna(), site).opmerkingen == "boomspiegel verhard"
    feature.dialog.close()


def test_status_change_on_a_tree_changed_meanwhile_merges(window, trees, anna, qtbot, monkeypatch):  # noqa: F811
    tree_id = trees[2].id
    window.select_tree_ids([tree_id])
    register.update_tree(anna(), tree_id, {"opmerkingen": "holte in de stam"}, expected_version=1, user="anna")
    seen = []

    def merge(dialog):
        assert dialog.conflict.merge.clean and dialog.conflict.merge.mine_applied == ("status",)
        dialog.merge_button.click()
        return dialog.resolution

    monkeypatch.setattr(ConflictDialog, "ask", _dialog_answering(qtbot, seen, merge))
    monkeypatch.setattr(StatusDialog, "ask", classmethod(lambda cls, parent, tree: (TreeStatus.GEKAPT, "ziek")))
    window.register_editing.status_action.trigger()
    assert len(seen) == 1
    stored = register.get_tree(anna(), tree_id)
    assert (stored.status, stored.opmerkingen, stored.version) == (TreeStatus.GEKAPT, "holte in de stam", 3)
    window.undo_action.trigger()
    assert register.get_tree(anna(), tree_id).status == TreeStatus.LEVEND


def test_standplaats_problem_change_does_not_overwrite_a_later_change(window, trees, anna, monkeypatch):  # noqa: F811
    feature = window.standplaats_feature
    site = trees[0].site_id
    warnings = []
    monkeypatch.setattr(feature, "_warn", warnings.append)
    problem = save_problem(anna(), StandplaatsProblem(None, site, ProblemType.WORTELOPDRUK, Severity.MIDDEL,
                                                      date(2026, 5, 1)), user="anna")
    dialog = feature.edit_site(site, trees[0].id)
    seen_by_bert = dialog.problems[0]
    save_problem(anna(), problem.with_changes(status=ProblemStatus.IN_UITVOERING), user="anna")
    dialog.problem_changed.emit(seen_by_bert, seen_by_bert.with_changes(status=ProblemStatus.OPGELOST))
    assert len(warnings) == 1 and "intussen gewijzigd" in warnings[0]
    assert problems(anna(), site)[0].status == ProblemStatus.IN_UITVOERING
    dialog.close()


def test_moving_a_tree_someone_edited_meanwhile_merges_and_undo_moves_it_back(window, trees, anna, qtbot,  # noqa: F811
                                                                             monkeypatch):
    tree = trees[0]
    register.update_tree(anna(), tree.id, {"eigenaar": "Waterschap"}, expected_version=1, user="anna")
    seen = []

    def merge(dialog):
        assert dialog.conflict.merge.clean and dialog.conflict.merge.mine_applied == ("position",)
        assert f"Positie: {tree.position.x:.2f}, {tree.position.y:.2f} \u2192 234001.00, 557002.00" in (
            dialog.mine_label.text())
        dialog.merge_button.click()
        return dialog.resolution

    monkeypatch.setattr(ConflictDialog, "ask", _dialog_answering(qtbot, seen, merge))
    window.undo_stack.push(MoveTreeCommand(window.register_editing.context, tree, 234001.0, 557002.0))
    assert len(seen) == 1
    moved = register.get_tree(anna(), tree.id)
    assert ((moved.position.x, moved.position.y), moved.eigenaar) == ((234001.0, 557002.0), "Waterschap")
    window.undo_action.trigger()
    back = register.get_tree(anna(), tree.id)
    assert ((back.position.x, back.position.y), back.eigenaar) == ((tree.position.x, tree.position.y), "Waterschap")
