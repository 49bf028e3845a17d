"""Issue 16 §3 who did what: the user's name, role and team (settings; asked at first start)
go into the change log, the inspecteur default, complaint decisions and catalogue edits."""

import pytest
from PySide6.QtWidgets import QMessageBox
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.services import register
from bomenplan.ui import application
from bomenplan.ui.dialogs.inspection_dialog import InspectionDialog
from bomenplan.ui.dialogs.user_profile_dialog import UserProfileDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import USER_NAME, USER_ROLE, USER_TEAM, Settings
from bomenplan.ui.user_identity import user_name, user_signature


@pytest.fixture
def settings(tmp_path):
    return Settings.at(tmp_path / "settings.ini")


def _fill(settings, name="J. de Vries", role="boomverzorger", team="Team Noord"):
    settings.set(USER_NAME, name)
    settings.set(USER_ROLE, role)
    settings.set(USER_TEAM, team)


def test_signature_from_settings_and_login_before_it_is_set(settings, monkeypatch):
    monkeypatch.setenv("BOMENPLAN_USER", "pdejong")
    assert user_name(settings) == user_signature(settings) == "pdejong"
    _fill(settings)
    assert user_name(settings) == "J. de Vries"
    assert user_signature(settings) == "J. de Vries (boomverzorger, Team Noord)"
    _fill(settings, role="")
    assert user_signature(settings) == "J. de Vries (Team Noord)"


def test_dialog_needs_a_name_and_saves_all_three(qtbot, settings):
    dialog = UserProfileDialog(settings)
    qtbot.addWidget(dialog)
    dialog._save()
    assert not dialog.result() and "naam" in dialog.message.text()
    dialog.name.setText("  A. Bakker ")
    dialog.role.setText("inspecteur")
    dialog.team.setText("Team Zuid")
    dialog._save()
    assert dialog.result() == UserProfileDialog.DialogCode.Accepted
    assert (settings.get(USER_NAME), settings.get(USER_ROLE), settings.get(USER_TEAM)) == (
        "A. Bakker", "inspecteur", "Team Zuid")


def test_first_start_asks_only_when_no_name_is_set(settings, monkeypatch):
    asked = []
    monkeypatch.setattr(UserProfileDialog, "ask", classmethod(lambda cls, s, parent: asked.append(s)))

    class Window:
        pass

    window = Window()
    window.settings = settings
    application.ask_user_profile_if_empty(window)
    assert asked == [settings]
    _fill(settings)
    application.ask_user_profile_if_empty(window)
    assert asked == [settings]


def test_edits_and_inspections_carry_the_user(qtbot, uow_factory, trees, settings,  # noqa: F811
                                              monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warning {a}"))
    _fill(settings)
    window = MainWindow(uow_factory, settings)
    qtbot.addWidget(window)
    editing = window.register_editing
    window.select_tree_ids([trees[0].id])
    editing.form.editors["eigenaar"].setText("Gemeente Assen")
    assert editing.form.save()
    log = register.tree_history(uow_factory(), trees[0].id)
    assert log[0].field == "eigenaar" and log[0].user == "J. de Vries (boomverzorger, Team Noord)"
    defaults = []
    monkeypatch.setattr(InspectionDialog, "ask",
                        classmethod(lambda cls, parent, tree, inspecteur, rules=None:
                                    defaults.append(inspecteur)))
    editing.record_inspection()
    assert defaults == ["J. de Vries"]
    assert window.complaints_feature.user() == "J. de Vries (boomverzorger, Team Noord)"
