"""Roles in the window: what the acting user's role may not do is disabled with a tooltip that
says why; the Gebruikers dialog (beheerder) and the Wijzigingslogboek dialog with CSV export."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from register_fixtures import draft_tree

from bomenplan.domain.roles import PermissionDenied, Role
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register, users
from bomenplan.ui.access import plain_text
from bomenplan.ui.acting_user import acting_as, follow_profile
from bomenplan.ui.dialogs.audit_dialog import AuditDialog
from bomenplan.ui.dialogs.users_dialog import UsersDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import USER_NAME, Settings


@pytest.fixture
def staffed(tmp_path):
    """A register with two trees, anna (beheerder) and kees (klachtbehandelaar)."""
    engine, sessions = open_database(tmp_path / "register.sqlite")
    as_user = lambda name: (lambda: SqlUnitOfWork(sessions, login=name))  # noqa: E731
    trees = [register.add_tree(as_user("anna")(), draft_tree(i)) for i in (1, 2)]
    users.add_user(as_user("anna")(), "anna", Role.BEHEERDER)
    users.add_user(as_user("anna")(), "kees", Role.KLACHTBEHANDELAAR)
    yield as_user, trees
    engine.dispose()


def _window(qtbot, tmp_path, factory) -> MainWindow:
    win = MainWindow(factory, settings=Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    return win


def _action(win, text):
    for menu_action in win.menuBar().actions():
        for action in menu_action.menu().actions():
            if plain_text(action) == text:
                return action
    raise AssertionError(text)


def test_klachtbehandelaar_sees_tree_edits_disabled_with_the_reason(qtbot, tmp_path, staffed):
    as_user, trees = staffed
    win = _window(qtbot, tmp_path, as_user("kees"))
    win.select_tree_ids([trees[0].id])  # selecting a tree enables move/status/inspect for others
    status = win.register_editing.status_action
    assert not status.isEnabled()
    assert status.toolTip() == "Uw rol (klachtbehandelaar) mag niet bomen in het register bewerken."
    assert not win.register_editing.inspect_action.isEnabled()
    assert not win.register_editing.form.save_button.isEnabled()
    assert not _action(win, "Criteria").isEnabled()
    assert not win.users_action.isEnabled()
    assert _action(win, "Nieuwe melding").isEnabled()  # their own work
    assert win.audit_action.isEnabled()  # everyone may read the log


def test_beheerder_has_every_action(qtbot, tmp_path, staffed):
    as_user, trees = staffed
    win = _window(qtbot, tmp_path, as_user("anna"))
    win.select_tree_ids([trees[0].id])
    assert win.register_editing.status_action.isEnabled()
    assert win.users_action.isEnabled() and not win.access_guard.denied


def test_the_window_acts_as_the_profile_name(tmp_path, staffed):
    as_user, _trees = staffed
    settings = Settings.at(tmp_path / "settings.ini")
    settings.set(USER_NAME, "kees")
    factory = acting_as(as_user("ignored"), settings)
    assert factory().login == "kees"
    factory.set_login("anna")  # Bestand ▸ Gebruiker… changed the name
    assert factory().login == "anna" and factory.login() == "anna"


def test_users_dialog_adds_changes_and_deactivates(qtbot, staffed):
    as_user, _trees = staffed
    dialog = UsersDialog(as_user("anna"))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.name.setText("piet")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PLANNER))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Gebruiker piet toegevoegd met rol planner."
    assert dialog.model.rows[2] == ("piet", "planner", "actief")
    dialog.table.selectRow(2)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.BOOMSPECIALIST))
    qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rows[2] == ("piet", "boomspecialist", "gedeactiveerd")
    stored = {u.name: (u.role, u.active) for u in users.list_users(as_user("kees")())}
    assert stored["piet"] == (Role.BOOMSPECIALIST, False)


def test_users_dialog_refuses_a_non_beheerder(qtbot, staffed):
    as_user, _trees = staffed
    dialog = UsersDialog(as_user("kees"))
    qtbot.addWidget(dialog)
    dialog.name.setText("piet")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "rol klachtbehandelaar mag niet gebruikers beheren" in dialog.message.text()
    assert dialog.model.rowCount() == 2


def test_audit_dialog_filters_per_tree_and_exports_csv(qtbot, tmp_path, staffed):
    as_user, trees = staffed
    register.update_tree(as_user("anna")(), trees[1].id, {"plantjaar": 1999})
    dialog = AuditDialog(as_user("kees"), tree_id=trees[1].id)
    qtbot.addWidget(dialog)
    assert [(r[2], r[4], r[5], r[6]) for r in dialog.model.rows] == [
        ("tree", "plantjaar", "1982", "1999"), ("tree", "aangemaakt", "", "A002")]
    dialog.entity.setCurrentIndex(dialog.entity.findData("gebruiker"))
    dialog.entity_id.clear()
    dialog.search()
    assert [r[6] for r in dialog.model.rows] == ["kees (klachtbehandelaar)", "anna (beheerder)"]
    out = tmp_path / "log.csv"
    assert dialog.export(str(out)) == 2
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:3] == ["tijdstip", "gebruiker", "object"] and len(rows) == 3
    dialog.entity_id.setText("twee")
    dialog.search()
    assert dialog.message.text() == "nummer: 'twee' is geen getal"


def test_a_new_profile_name_acts_at_once(qtbot, tmp_path, staffed):
    as_user, trees = staffed
    settings = Settings.at(tmp_path / "profiel.ini")
    settings.set(USER_NAME, "anna")
    win = MainWindow(acting_as(as_user("genegeerd"), settings), settings=settings)
    qtbot.addWidget(win)
    assert win.users_action.isEnabled()  # anna is beheerder
    settings.set(USER_NAME, "kees")
    follow_profile(win)
    with pytest.raises(PermissionDenied, match="'kees' met rol klachtbehandelaar"):
        register.update_tree(win.uow_factory(), trees[0].id, {"plantjaar": 1990})
    assert "U werkt nu als kees" in win.statusBar().currentMessage()


def _dock_write_buttons(win):
    """(button, why) per dock write button whose permission a klachtbehandelaar lacks."""
    bank, fund = "de bomenbank bewerken", "het bomenfonds bewerken"
    screen = win.bomenbank_screen
    return ([(screen.plant_button, bank), (screen.reserve_button, bank)]
            + [(b, bank) for b in screen.editor.bank_buttons]
            + [(b, fund) for b in screen.editor.fund_buttons]
            + [(win.lanen_screen.accept_button, "lanen bewerken"),
               (win.work_orders_feature.panel.buttons["assign"], "werkorders bewerken"),
               (win.inspection_due.panel.work_order_button, "werkorders bewerken"),
               (win.standplaats_feature.panel.buttons["draw"],
                "plangebieden toetsen en vastleggen"),
               (win.monitor_3_30_300.areas_button, "plangebieden toetsen en vastleggen")])


def test_dock_write_buttons_follow_the_role(qtbot, tmp_path, staffed):
    as_user, _trees = staffed
    win = _window(qtbot, tmp_path, as_user("kees"))
    buttons = _dock_write_buttons(win)
    assert len(buttons) == 2 + 4 + 3 + 5
    for button, why in buttons:
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == f"Uw rol (klachtbehandelaar) mag niet {why}."
    win.monitor_3_30_300.areas_button.setEnabled(True)  # a feature enabling it later
    assert not win.monitor_3_30_300.areas_button.isEnabled()
    complaints = win.complaints_feature.overview
    assert complaints.new_button.isEnabled()  # their own work
    assert complaints.new_button.toolTip() == ""


def test_a_new_profile_name_reevaluates_menus_and_dock_buttons_at_once(qtbot, tmp_path, staffed):
    as_user, _trees = staffed
    settings = Settings.at(tmp_path / "profiel.ini")
    settings.set(USER_NAME, "anna")
    win = MainWindow(acting_as(as_user("genegeerd"), settings), settings=settings)
    qtbot.addWidget(win)
    areas = win.monitor_3_30_300.areas_button
    assert areas.isEnabled() and win.users_action.isEnabled()
    settings.set(USER_NAME, "kees")
    follow_profile(win)
    assert not areas.isEnabled() and not win.users_action.isEnabled()
    assert not _action(win, "Criteria").isEnabled()
    assert all(not button.isEnabled() for button, _why in _dock_write_buttons(win))
    assert win.complaints_feature.overview.new_button.isEnabled()
    settings.set(USER_NAME, "anna")
    follow_profile(win)  # back to beheerder: everything as before, tooltips too
    assert areas.isEnabled() and win.users_action.isEnabled() and not win.access_guard.denied
    assert _action(win, "Criteria").isEnabled()
    assert "mag niet" not in areas.toolTip()
