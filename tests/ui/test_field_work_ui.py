"""Bestand → Veldwerk on the real main window: check the wijk out from the register window (a
worker task), change the same field in the field file and on the server, check in, choose the
field value in the conflict step; a window on the field file shows the banner."""

from __future__ import annotations

from pathlib import Path

import pytest
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.domain.field_work import MINE, CheckinResult, CheckoutResult, FieldScope
from bomenplan.persistence.database import open_database
from bomenplan.persistence.field_checkout import install_field_work
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import field_work, register
from bomenplan.ui.dialogs.field_conflict_dialog import FieldConflictDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings

TIMEOUT = 15000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def no_gateway_left():
    yield
    field_work._gateway.clear()  # other tests' windows start without field work


def _window(qtbot, factory, tmp_path, name):
    main = MainWindow(factory, Settings.at(tmp_path / f"{name}.ini"))
    qtbot.addWidget(main)
    return main


def test_checkout_then_checkin_with_conflict_choice(qtbot, uow_factory, trees, tmp_path):  # noqa: F811
    server = tmp_path / "register.sqlite"
    engine, sessions = open_database(server)
    install_field_work(server, sessions)
    main = _window(qtbot, uow_factory, tmp_path, "kantoor")
    feature = main.field_work
    assert feature.checkout_action.isEnabled() and feature.banner is None
    out = str(tmp_path / "veld.sqlite")

    feature.check_out(FieldScope(wijk="Centrum"), out)
    qtbot.waitUntil(lambda: isinstance(feature.last_result, CheckoutResult), timeout=TIMEOUT)
    assert feature.last_result.trees == 3 and Path(out).exists()
    main.select_tree_ids([trees[1].id])  # office users see the tree is out
    qtbot.waitUntil(lambda: feature.hold_label.text() != "", timeout=TIMEOUT)
    assert feature.hold_label.text().startswith("In het veld bij ")
    assert "(wijk Centrum) sinds " in feature.hold_label.text()

    field_engine, field_sessions = open_database(out)
    register.update_tree(SqlUnitOfWork(field_sessions), trees[0].id, {"plantjaar": 1901})
    field_engine.dispose()
    register.update_tree(uow_factory(), trees[0].id, {"plantjaar": 1902})
    asked = []
    feature.ask_conflicts = lambda conflicts: (asked.append(conflicts),
                                               {("tree", trees[0].id, "plantjaar"): MINE})[1]

    feature.check_in(str(server), out)
    qtbot.waitUntil(lambda: isinstance(feature.last_result, CheckinResult)
                    and not feature.last_result.conflicts, timeout=TIMEOUT)
    assert [(c.field, c.mine, c.theirs) for c in asked[0]] == [("plantjaar", 1901, 1902)]
    assert register.get_tree(uow_factory(), trees[0].id).plantjaar == 1901
    engine.dispose()


def test_field_file_window_shows_banner_and_conflict_dialog_choices(qtbot, uow_factory, trees,  # noqa: F811
                                                                    tmp_path):
    from bomenplan.persistence.field_checkout import check_out

    out = tmp_path / "veld.sqlite"
    check_out(str(tmp_path / "register.sqlite"), out, FieldScope(buurt="Binnenstad"), "Els")
    engine, sessions = open_database(out)
    install_field_work(out, sessions)
    main = _window(qtbot, lambda: SqlUnitOfWork(sessions), tmp_path, "veld")
    feature = main.field_work
    assert feature.banner.text().startswith(f"Veldkopie van {tmp_path / 'register.sqlite'} ")
    assert "(buurt Binnenstad) uitgecheckt op " in feature.banner.text()
    assert feature.banner.text().endswith(" door Els")
    assert not feature.checkout_action.isEnabled() and feature.checkin_action.isEnabled()

    from bomenplan.domain.field_work import ConflictLine
    dialog = FieldConflictDialog([ConflictLine("A000", "tree", 1, "plantjaar", 1980, 1901, 1902),
                                  ConflictLine("A001", "tree", 2, "status", "levend", "levend",
                                               None, removed=True)], main)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert [model.data(model.index(0, c)) for c in range(6)] == [
        "A000", "boom", "Plantjaar", "1980", "1901", "1902"]
    assert model.data(model.index(1, 5)) == "(verwijderd)"
    model.choose([0, 1], MINE)  # a removed tree cannot take the field value
    assert dialog.choices() == {("tree", 1, "plantjaar"): MINE}
    assert model.data(model.index(0, 6)) == "veld" and model.data(model.index(1, 6)) == "open"
    engine.dispose()


def test_tree_form_says_in_the_field_until_vrijgeven(qtbot, uow_factory, trees, tmp_path,  # noqa: F811
                                                     monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from bomenplan.persistence.field_checkout import check_out

    server = tmp_path / "register.sqlite"
    out = tmp_path / "veld.sqlite"
    check_out(str(server), out, FieldScope(tree_ids=(trees[2].id,)), "Els")
    engine, sessions = open_database(server)
    install_field_work(server, sessions)
    main = _window(qtbot, uow_factory, tmp_path, "kantoor")
    feature, form = main.field_work, main.register_editing.form
    assert feature.release_action.isEnabled()
    assert feature.release_action.text() == "Vrijgeven…"

    main.select_tree_ids([trees[2].id])
    qtbot.waitUntil(lambda: form.field_hold.text() != "", timeout=TIMEOUT)
    assert form.field_hold.text().startswith("In het veld bij Els (1 gekozen bomen) sinds ")
    assert not form.field_hold.isHidden()
    main.select_tree_ids([trees[0].id])  # not checked out: no note
    qtbot.waitUntil(lambda: form.field_hold.isHidden(), timeout=TIMEOUT)

    main.select_tree_ids([trees[2].id])
    qtbot.waitUntil(lambda: form.field_hold.text() != "", timeout=TIMEOUT)
    feature.confirm_release = lambda: True
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    feature.release_action.trigger()  # the register window asks which field copy
    qtbot.waitUntil(lambda: feature.last_result == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: form.field_hold.isHidden(), timeout=TIMEOUT)
    assert form.field_hold.text() == "" and feature.hold_label.text() == ""
    engine.dispose()


def test_checkin_notes_name_renamed_and_deleted_trees(qtbot, uow_factory, trees, tmp_path):  # noqa: F811
    from bomenplan.domain.field_work import ConflictLine

    main = _window(qtbot, uow_factory, tmp_path, "kantoor")
    result = CheckinResult(renamed=[("A001", "A001-veld")], removed_in_field=[
        ConflictLine("A002", "tree", 3, "verwijderd in het veld", None, None, None)])
    assert main.field_work._checkin_notes(result) == [
        "Nieuwe boom A001: dit boomnummer bestond al; opgeslagen als A001-veld",
        "Boom A002 is in het veld verwijderd; in het register blijft hij staan"]
