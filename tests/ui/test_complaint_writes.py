"""The complaints screen writes on the serial write pool, never on the GUI thread."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from real_window import shown_main_window
from register_fixtures import draft_tree

from bomenplan.domain.complaints import (
    Channel,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
)
from bomenplan.services import complaints, register

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _one_old_complaint(factory) -> None:
    tree = register.add_tree(factory(), draft_tree(1))
    complaints.register_complaint(
        factory(), Complaint(None, date(2020, 1, 2), Channel.TELEFOON, (ComplaintCategory.SCHADUW,),
                             "te veel schaduw", (tree.id,)),
        None, Complainant(None, "P. Jansen", "Brink 1", "9401 HS", "Assen", "0592-000000", ""))


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, _one_old_complaint) as win:
        yield win


def _spy(monkeypatch, name):
    threads: list[threading.Thread] = []
    original = getattr(complaints, name)

    def spied(*args, **kw):
        threads.append(threading.current_thread())
        return original(*args, **kw)

    monkeypatch.setattr(complaints, name, spied)
    return threads


def test_purge_runs_on_the_write_pool_and_reports(window, qtbot, monkeypatch):
    threads = _spy(monkeypatch, "purge_personal_data")
    shown = []
    monkeypatch.setattr("bomenplan.ui.features.complaints.QMessageBox.information",
                        lambda *args: shown.append(args[2]))
    window.complaints_feature.purge()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == ["Persoonsgegevens van 1 melder gewist."]
    assert threads and threads[0] is not threading.main_thread()
    assert complaints.complainant_of(window.uow_factory(), 1) is None


def test_closing_a_complaint_runs_on_the_write_pool(window, qtbot, monkeypatch):
    threads = _spy(monkeypatch, "set_status")
    window.complaints_feature.close_complaint(1)
    qtbot.waitUntil(lambda: complaints.get_complaint(window.uow_factory(), 1).complaint.status
                    is ComplaintStatus.AFGEHANDELD, timeout=10000)
    assert threads and threads[0] is not threading.main_thread()


def test_an_override_in_the_triage_dialog_is_written_on_the_pool(window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from bomenplan.domain.criteria import Decision, Measure
    from bomenplan.ui.dialogs.triage_dialog import TriageDialog
    from bomenplan.ui.dialogs.value_labels import select_enum

    complaints.triage_complaint(window.uow_factory(), 1)
    threads = _spy(monkeypatch, "override_decision")
    dialog = TriageDialog(window.uow_factory, 1, "anna", window)
    select_enum(dialog.decision, Decision.INGRIJPEN)
    select_enum(dialog.measure, Measure.SNOEIEN)
    dialog.motivation.setPlainText("Bewoners van het verzorgingshuis zitten de hele dag in het donker")
    qtbot.mouseClick(dialog.override_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.motivation.toPlainText() == "", timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    latest = complaints.decision_log(window.uow_factory(), 1)[0]
    assert latest.overridden and latest.user == "anna"
    dialog.close()
