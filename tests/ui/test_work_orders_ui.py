"""The Werkorders dock on the real main window and a real SQLite register: filters in the model,
toewijzen / starten / gereed melden / vervallen through the undo stack on the write pool."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.domain.complaints import Channel, Complaint, ComplaintCategory, ComplaintFacts
from bomenplan.domain.work_orders import WorkOrderStatus
from bomenplan.reports.registry import register_report_writers
from bomenplan.services import complaints, register, work_orders
from bomenplan.services.edit_conflicts import MERGE, Resolution
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings
from tests.pdf_text import pdf_text

S = WorkOrderStatus
TIMEOUT = 10000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path):  # noqa: F811
    for tree in trees[:2]:  # two dead-wood complaints → two pruning orders
        record = complaints.register_complaint(uow_factory(), Complaint(
            None, date(2026, 3, 3), Channel.TELEFOON, (ComplaintCategory.DOOD_HOUT,), "",
            (tree.id,)), ComplaintFacts(dood_hout=True))
        complaints.triage_complaint(uow_factory(), record.complaint.id)
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.work_orders_feature.refresh()
    panel = main.work_orders_feature.panel
    qtbot.waitUntil(lambda: len(panel.model.lines) == 2, timeout=TIMEOUT)
    return main


def stored(uow_factory, order_id):  # noqa: F811
    return work_orders.get_work_order(uow_factory(), order_id)


def test_dock_filters_in_the_model(window, uow_factory):  # noqa: F811
    panel = window.work_orders_feature.panel
    assert panel.model.rowCount() == 2 and panel.status.currentData() == "open"
    assert panel.count.text() == "2 van 2 werkorders"
    panel.status.setCurrentIndex(panel.status.findData("gereed"))
    assert panel.model.rowCount() == 0 and panel.count.text() == "0 van 2 werkorders"
    panel.status.setCurrentIndex(0)
    panel.kind.setCurrentIndex(panel.kind.findData("kap"))
    assert panel.model.rowCount() == 0
    panel.kind.setCurrentIndex(panel.kind.findData("snoei"))
    assert panel.model.rowCount() == 2
    assert [panel.wijk.itemText(i) for i in range(panel.wijk.count())] == ["alle wijken", "Centrum"]
    panel.overdue.setChecked(True)  # no due dates yet
    assert panel.model.rowCount() == 0


def test_actions_go_through_the_undo_stack(qtbot, window, uow_factory, trees):  # noqa: F811
    feature, panel = window.work_orders_feature, window.work_orders_feature.panel
    panel.view.selectRow(0)
    first = panel.selected_order()
    assert panel.buttons["start"].isEnabled()

    feature.request("assign")
    dialog = feature.dialog
    dialog.contractor.setCurrentText("Boomzorg Drenthe")
    dialog.has_due.setChecked(True)
    due = date.today() + timedelta(days=7)
    dialog.due.setDate(due)
    dialog.accept()
    qtbot.waitUntil(lambda: stored(uow_factory, first.id).aannemer == "Boomzorg Drenthe",
                    timeout=TIMEOUT)
    assert stored(uow_factory, first.id).due_date == due
    qtbot.waitUntil(lambda: panel.model.lines[0].order.aannemer == "Boomzorg Drenthe",
                    timeout=TIMEOUT)

    panel.buttons["start"].click()
    qtbot.waitUntil(lambda: stored(uow_factory, first.id).status is S.IN_UITVOERING,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not panel.buttons["start"].isEnabled(), timeout=TIMEOUT)

    feature.request("close")
    dialog = feature.dialog
    dialog.remark.setPlainText("dode tak verwijderd")
    dialog.accept()
    qtbot.waitUntil(lambda: stored(uow_factory, first.id).status is S.GEREED, timeout=TIMEOUT)
    assert window.undo_stack.undoText() == f"werkorder {first.id} gereed melden"
    history = register.tree_history(uow_factory(), first.tree_id)
    assert history[0].new.endswith("— dode tak verwijderd")

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(uow_factory, first.id).status is S.IN_UITVOERING,
                    timeout=TIMEOUT)
    assert stored(uow_factory, first.id).remark == "" and stored(uow_factory, first.id).closed_on is None
    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(uow_factory, first.id).aannemer == "", timeout=TIMEOUT)
    assert stored(uow_factory, first.id).status is S.OPEN
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: stored(uow_factory, first.id).aannemer == "Boomzorg Drenthe",
                    timeout=TIMEOUT)


def test_cancel_needs_a_reason_and_a_refused_step_is_shown(qtbot, window, uow_factory, monkeypatch):  # noqa: F811
    feature, panel = window.work_orders_feature, window.work_orders_feature.panel
    panel.view.selectRow(1)
    order = panel.selected_order()
    feature.request("cancel")
    dialog = feature.dialog
    dialog.accept()  # no reason
    assert dialog.isVisible() and "reden" in dialog.message.text()
    dialog.reason.setPlainText("boom is al gekapt na storm")
    dialog.accept()
    qtbot.waitUntil(lambda: stored(uow_factory, order.id).status is S.VERVALLEN, timeout=TIMEOUT)
    assert stored(uow_factory, order.id).remark == "boom is al gekapt na storm"

    warnings, asked = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, c, parent=None: asked.append(c)))
    feature.push("start", order, {})  # the stale order: Intussen gewijzigd, Annuleren writes nothing
    qtbot.waitUntil(lambda: bool(asked), timeout=TIMEOUT)
    assert [c.field for c in asked[0].merge.conflicts] == ["status"]  # vervallen (theirs) vs in uitvoering
    assert asked[0].title == f"werkorder {order.id}" and warnings == []
    assert stored(uow_factory, order.id).status is S.VERVALLEN
    window.undo_stack.undo()  # the cancelled start: nothing to put back
    assert stored(uow_factory, order.id).status is S.VERVALLEN


def test_stale_start_merges_with_the_contractor_someone_else_assigned(qtbot, window, uow_factory,  # noqa: F811
                                                                      monkeypatch):
    feature, panel = window.work_orders_feature, window.work_orders_feature.panel
    panel.view.selectRow(0)
    order = panel.selected_order()
    work_orders.assign_contractor(uow_factory(), order, "Boomzorg Drenthe", None, "anna")  # meanwhile
    asked = []
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(
        lambda cls, c, parent=None: asked.append(c) or Resolution(MERGE)))
    feature.push("start", order, {})
    qtbot.waitUntil(lambda: stored(uow_factory, order.id).status is S.IN_UITVOERING, timeout=TIMEOUT)
    assert asked[0].changed_by_them() == ("aannemer",) and asked[0].merge.conflicts == ()
    assert stored(uow_factory, order.id).aannemer == "Boomzorg Drenthe"  # anna's kept
    window.undo_stack.undo()  # back to open, anna's contractor stays
    qtbot.waitUntil(lambda: stored(uow_factory, order.id).status is S.OPEN, timeout=TIMEOUT)
    assert stored(uow_factory, order.id).aannemer == "Boomzorg Drenthe"


def test_work_list_pdf_of_the_filtered_orders(window, tmp_path):
    register_report_writers()
    out = tmp_path / "werklijst.pdf"
    window.work_orders_feature.write_list(out)
    text = pdf_text(out)
    assert "Werklijst \\(geen aannemer\\)" in text and "A000" in text and "Wijk Centrum" in text
