"""Laan edits and decisions that meet a newer version (issue 15 §2), in the real lanen screen on an
SQLite file that a second app (anna) writes at the same time; the real ConflictDialog is clicked."""

from __future__ import annotations

import pytest
from laan_generator import LaanSpec, generate, store
from real_window import shown_main_window

from bomenplan.domain.laan import LaanStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import lanen as svc
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.dialogs.laan_dialog import LaanDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SPECS = [LaanSpec(n=20, straat="Kerkstraat", species="Acer campestre")]


@pytest.fixture
def window(qtbot, tmp_path):
    def fill(factory):
        store(factory, generate(SPECS, park_trees=40, seed=5))
        svc.detect_and_store(factory())

    with shown_main_window(qtbot, tmp_path, fill) as win:
        qtbot.waitUntil(lambda: win.lanen_screen.report is not None, timeout=10000)
        yield win


@pytest.fixture
def anna(tmp_path):
    engine, sessions = open_database(tmp_path / "register.sqlite")
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


def _stored(factory, laan_id):
    return next(la for la in svc.list_lanen(factory()) if la.id == laan_id)


def _answer(qtbot, seen, answer):
    def ask(cls, conflict, parent=None):
        dialog = cls(conflict, parent)
        qtbot.addWidget(dialog)
        seen.append(dialog)
        return answer(dialog)
    return classmethod(ask)


def test_laan_edit_conflict_merge_keeps_their_species_and_my_flag(window, anna, qtbot, monkeypatch):
    screen = window.lanen_screen
    screen.table.selectRow(0)
    laan = screen.current_laan()
    svc.edit_laan(anna(), laan.with_changes(intended_species="Tilia cordata"), user="anna")
    seen = []

    def keep_theirs(dialog):
        assert [c.field for c in dialog.conflict.merge.conflicts] == ["intended_species"]
        assert ("Beoogde soort", laan.intended_species or "(leeg)", "Tilia cordata", "anna") in [
            r[:4] for r in dialog.their_model.rows]
        assert "Hoofdbomenstructuur: nee \u2192 ja" in dialog.mine_label.text()
        dialog.choose("intended_species", "theirs")
        dialog.merge_button.click()
        return dialog.resolution

    monkeypatch.setattr(ConflictDialog, "ask", _answer(qtbot, seen, keep_theirs))
    dialog = LaanDialog(laan, window)
    qtbot.addWidget(dialog)
    dialog.species.setText("Quercus robur")
    dialog.hoofd.setChecked(True)
    window.undo_stack.push(screen._edit_command(laan, dialog.edited()))
    assert len(seen) == 1
    stored = _stored(anna, laan.id)
    assert (stored.intended_species, stored.hoofdbomenstructuur, stored.version) == ("Tilia cordata", True,
                                                                                     laan.version + 2)
    changes, _ = svc.laan_history(anna(), laan.id)
    assert ("intended_species", "Quercus robur", "Tilia cordata") in [(c.field, c.old, c.new) for c in changes
                                                                      if c.user != "anna"]  # mine, not lost
    window.undo_stack.undo()
    undone = _stored(anna, laan.id)
    assert (undone.intended_species, undone.hoofdbomenstructuur) == ("Tilia cordata", False)


def test_accepting_a_laan_someone_renamed_merges_and_cancel_writes_nothing(window, anna, qtbot, monkeypatch):
    screen = window.lanen_screen
    screen.table.selectRow(0)
    laan = screen.current_laan()
    svc.edit_laan(anna(), laan.with_changes(name="Kerkstraat-west"), user="anna")
    seen = []
    monkeypatch.setattr(ConflictDialog, "ask", _answer(qtbot, seen, lambda d: d.reject()))
    screen.accept_button.click()
    assert len(seen) == 1 and _stored(anna, laan.id).status == LaanStatus.VOORSTEL
    assert not window.undo_stack.canUndo()

    def merge(dialog):
        assert dialog.conflict.merge.clean and dialog.merge_button.isEnabled()
        dialog.merge_button.click()
        return dialog.resolution

    monkeypatch.setattr(ConflictDialog, "ask", _answer(qtbot, seen, merge))
    screen.accept_button.click()
    assert len(seen) == 2
    stored = _stored(anna, laan.id)
    assert (stored.name, stored.status) == ("Kerkstraat-west", LaanStatus.GEACCEPTEERD)
    window.undo_stack.undo()
    assert _stored(anna, laan.id).status == LaanStatus.VOORSTEL
    assert _stored(anna, laan.id).name == "Kerkstraat-west"
