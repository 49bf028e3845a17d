"""Hand edits in the Bomenbank dock through the real dialogs: fill the fields, accept, check the
database, undo. Expected values are worked out by hand in the comments."""

from datetime import date
from decimal import Decimal

import pytest
from laan_generator import LaanSpec, generate, store
from PySide6.QtWidgets import QDialog, QMessageBox
from register_fixtures import make_fake_window, uow_factory  # noqa: F401

from bomenplan.domain.bomenbank import BankCondition, BankSource, BankStatus, BankTree
from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry, ObligationStatus
from bomenplan.services import bomenbank as svc
from bomenplan.services import fund
from bomenplan.services import lanen as lanen_svc
from bomenplan.services.register import load_register, update_tree
from bomenplan.ui.dialogs.value_labels import select_enum
from bomenplan.ui.features import bomenbank as feature

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def screen(uow_factory, qtbot):  # noqa: F811
    store(uow_factory, generate([LaanSpec(n=12, missing=(5,), straat="Hoofdlaan", species="Fagus sylvatica")],
                                seed=5))
    lanen_svc.detect_and_store(uow_factory(), accept=True)
    for code in ("KW-1", "KW-2"):
        svc.add_bank_tree(uow_factory(), BankTree(id=None, code=code, source="kwekerij",
                                                  species_name="Fagus sylvatica", stamomtrek_cm=150.0,
                                                  x=232000.0, y=556000.0, cost=Decimal("900.00")))
    window = make_fake_window(uow_factory)
    qtbot.addWidget(window)
    s = feature.install(window)
    s.refresh()
    return s


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


def bank(factory):
    return {t.code: t for t in svc.list_bank(factory())}


def select_bank_row(screen, code):
    view = screen.bank_view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == code)
    view.setCurrentIndex(view.model().index(row, 0))


def fill(dialog, **texts):
    for name, text in texts.items():
        widget = getattr(dialog, name, None) or dialog.factors[name]
        widget.setEditText(text) if name == "soort" else widget.setText(text)


def test_add_a_bank_tree_by_hand_then_undo_and_redo(screen, uow_factory):  # noqa: F811
    dialog = screen.editor.add_tree()
    fill(dialog, code="BC-7", soort="Tilia cordata", omtrek="45,5", hoogte="8", kluit="container 750 l",
         leeftijd="12", location="Bomencamping Noord", x="232100", y="556200,5", vanaf="01-03-2027",
         tot="2028-03-01", kosten="1.250,50")
    select_enum(dialog.source, BankSource.BOMENCAMPING)
    select_enum(dialog.conditie, BankCondition.REDELIJK)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    t = bank(uow_factory)["BC-7"]
    assert (t.source, t.species_name, t.stamomtrek_cm, t.hoogte_m, t.kluit) == (
        BankSource.BOMENCAMPING, "Tilia cordata", 45.5, 8.0, "container 750 l")
    assert t.plantjaar == date.today().year - 12  # age 12 years
    assert (t.x, t.y, t.available_from, t.available_until) == (232100.0, 556200.5, date(2027, 3, 1),
                                                                 date(2028, 3, 1))
    assert t.cost == Decimal("1250.50") and t.condition is BankCondition.REDELIJK
    assert t.status is BankStatus.BESCHIKBAAR
    assert "BC-7" in {screen.bank_model.tree(r).code for r in range(screen.bank_model.rowCount())}
    screen.window.undo_stack.undo()
    assert "BC-7" not in bank(uow_factory)
    screen.window.undo_stack.redo()
    assert bank(uow_factory)["BC-7"].cost == Decimal("1250.50")


@pytest.mark.parametrize(("field", "text", "row", "message"), [
    ("kosten", "12,345", "kosten", "meer dan twee decimalen"),  # 12,345 = 12.345 euro: not whole cents
    ("kosten", "1.234", "kosten", "dubbelzinnig"),
    ("kosten", "12.5", None, None),  # a decimal point is accepted: 12.50 euro
    ("soort", "", "soort", "is verplicht"),
    ("tot", "2027-01-01", "tot", "ligt vóór"),  # until before from (2027-03-01)
    ("omtrek", "dik", "omtrek", "geen getal"),
    ("x", "999999", "x", "buiten het werkgebied"),
])
def test_bad_input_gets_a_message_next_to_the_field(screen, uow_factory, field, text, row, message):  # noqa: F811
    dialog = screen.editor.add_tree()
    fill(dialog, code="BC-8", soort="Tilia cordata", omtrek="45", x="232100", y="556200", vanaf="2027-03-01",
         kosten="10,00")
    fill(dialog, **{field: text})
    dialog.accept()
    if row is None:
        assert bank(uow_factory)["BC-8"].cost == Decimal("12.50")
        return
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    label = dialog.form.errors[row]
    assert message in label.text() and not label.isHidden()
    assert "BC-8" not in bank(uow_factory)  # nothing stored


def test_edit_picks_the_position_on_the_map_and_undo_restores(screen, uow_factory):  # noqa: F811
    select_bank_row(screen, "KW-1")
    dialog = screen.editor.edit_tree()
    assert dialog.kosten.text() == "900,00" and dialog.soort.currentText() == "Fagus sylvatica"
    fill(dialog, kosten="1.100,00", hoogte="9,5")
    dialog.pick_button.click()
    assert not dialog.isVisible() and screen.editor.pick_tool.armed
    screen.editor.pick_tool.command_at(232050.25, 556010.0)  # the click on the map
    assert dialog.isVisible() and dialog.x.text() == "232050,25"
    dialog.accept()
    t = bank(uow_factory)["KW-1"]
    assert (t.cost, t.hoogte_m, t.x, t.y) == (Decimal("1100.00"), 9.5, 232050.25, 556010.0)
    assert any(e.event == "gewijzigd" and "cost: 900.00 → 1100.00" in e.detail
               for e in svc.paspoort(uow_factory(), t.id))
    screen.window.undo_stack.undo()
    t = bank(uow_factory)["KW-1"]
    assert (t.cost, t.hoogte_m, t.x) == (Decimal("900.00"), None, 232000.0)


def test_expire_and_make_available_again_each_undoable(screen, uow_factory):  # noqa: F811
    select_bank_row(screen, "KW-2")
    screen.editor.toggle_expired()
    assert bank(uow_factory)["KW-2"].status is BankStatus.VERVALLEN
    select_bank_row(screen, "KW-2")
    screen.editor.toggle_expired()
    assert bank(uow_factory)["KW-2"].status is BankStatus.BESCHIKBAAR
    screen.window.undo_stack.undo()
    assert bank(uow_factory)["KW-2"].status is BankStatus.VERVALLEN
    screen.window.undo_stack.undo()
    assert bank(uow_factory)["KW-2"].status is BankStatus.BESCHIKBAAR


def test_delete_with_a_ledger_entry_is_refused_in_a_box(screen, uow_factory, warnings):  # noqa: F811
    kw1 = bank(uow_factory)["KW-1"]
    fund.add_entry(uow_factory(), LedgerEntry(None, date(2026, 1, 5), EntryKind.AANKOOP, Decimal("900.00"),
                                              bank_tree_id=kw1.id))
    select_bank_row(screen, "KW-1")
    screen.editor.delete_tree()
    assert len(warnings) == 1 and "1 boeking(en) in het transplantiefonds" in warnings[0]
    assert "KW-1" in bank(uow_factory) and screen.window.undo_stack.count() == 0
    select_bank_row(screen, "KW-2")
    screen.editor.delete_tree()
    assert "KW-2" not in bank(uow_factory)
    screen.window.undo_stack.undo()
    assert bank(uow_factory)["KW-2"].cost == Decimal("900.00")


def test_compensation_booking_by_vvog_for_the_selected_tree(screen, uow_factory):  # noqa: F811
    tree_id = int(load_register(uow_factory()).id[0])
    update_tree(uow_factory(), tree_id, {"stamdiameter_cm": 50.0})
    screen.window.select_tree_ids([tree_id])
    panel = screen.fund_panel
    panel.year.setValue(2026)
    dialog = screen.editor.book()
    select_enum(dialog.kind, EntryKind.COMPENSATIE)
    fill(dialog, datum="2026-04-01", eenheidsprijs="2,00", standplaats="0,8")
    dialog.accept()
    # omtrek π·50 = 157.1 cm; doorsnede 157.1²/(4π) = 1964.00 cm²; × € 2,00 × 0,8 = € 3142.40
    [entry] = fund.entries(uow_factory())
    assert (entry.kind, entry.amount, entry.tree_id) == (EntryKind.COMPENSATIE, Decimal("3142.40"), tree_id)
    assert "stortingen € 3142.40" in panel.summary.text()
    screen.window.undo_stack.undo()
    assert fund.entries(uow_factory()) == [] and "stortingen € 0.00" in panel.summary.text()


def test_nvtb_and_withdrawal_bookings_and_bad_factor(screen, uow_factory):  # noqa: F811
    dialog = screen.editor.book()
    select_enum(dialog.kind, EntryKind.COMPENSATIE)
    fill(dialog, datum="2026-02-01", nvtb="4.250,00")
    dialog.accept()
    dialog = screen.editor.book()
    select_enum(dialog.kind, EntryKind.VERPLANTING)
    fill(dialog, datum="2026-03-01", bedrag="")
    dialog.accept()
    assert "is verplicht" in dialog.form.errors["bedrag"].text()
    fill(dialog, bedrag="250,25")
    dialog.accept()
    statement = fund.statement(uow_factory(), 2026)
    assert statement.balance.closing == Decimal("3999.75")  # 4250.00 − 250.25
    screen.window.select_tree_ids([int(load_register(uow_factory()).id[0])])
    update_tree(uow_factory(), int(load_register(uow_factory()).id[0]), {"stamdiameter_cm": 30.0})
    dialog = screen.editor.book()
    fill(dialog, eenheidsprijs="2,00", standplaats="1,5")  # standplaatsfactor is 0,6–1,0
    dialog.accept()
    assert "ligt niet tussen 0.6 en 1.0" in dialog.form.errors["standplaats"].text()


def test_herplantplicht_due_in_three_years_overdue_fulfilled_and_undo(screen, uow_factory):  # noqa: F811
    dialog = screen.editor.add_duty()
    fill(dialog, gekapt="01-05-2020", locatie="Brink")
    dialog.bomen.setValue(2)
    assert dialog.due.text() == "2023-05-01"  # Bal art. 11.129: within 3 years of felling
    dialog.accept()
    [duty] = fund.obligations(uow_factory())
    assert (duty.location, duty.n_trees, duty.due) == ("Brink", 2, date(2023, 5, 1))
    panel = screen.fund_panel
    assert panel.duties.index(0, 5).data() == "te laat"
    panel.views[1].setCurrentIndex(panel.duties.index(0, 0))
    screen.editor.fulfil_duty()
    [duty] = fund.obligations(uow_factory())
    assert duty.status is ObligationStatus.VERVULD and duty.fulfilled_on == date.today()
    assert panel.duties.index(0, 5).data() == ""
    screen.window.undo_stack.undo()
    assert fund.obligations(uow_factory())[0].status is ObligationStatus.OPEN
    screen.window.undo_stack.undo()
    assert fund.obligations(uow_factory()) == []
    dialog = screen.editor.add_duty()
    fill(dialog, gekapt="2020-13-01", locatie="Brink")
    dialog.accept()
    assert "geen datum" in dialog.form.errors["gekapt"].text()


def test_add_and_undo_in_the_real_window_run_on_the_pool(qtbot, tmp_path):
    from real_window import shown_main_window

    def fill_register(factory):
        store(factory, generate([LaanSpec(n=12, missing=(5,), straat="Hoofdlaan", species="Fagus sylvatica")],
                                seed=5))

    with shown_main_window(qtbot, tmp_path, fill_register) as win:
        s, factory = win.bomenbank_screen, win.uow_factory
        dialog = s.editor.add_tree()
        fill(dialog, code="KW-5", soort="Fagus sylvatica", omtrek="120", x="232000", y="556000", kosten="950")
        dialog.accept()
        qtbot.waitUntil(lambda: "KW-5" in bank(factory), timeout=15000)
        qtbot.waitUntil(lambda: s.bank_model.rowCount() == 1, timeout=15000)
        assert bank(factory)["KW-5"].cost == Decimal("950.00")
        win.undo_stack.undo()
        qtbot.waitUntil(lambda: "KW-5" not in bank(factory), timeout=15000)
        qtbot.waitUntil(lambda: s.bank_model.rowCount() == 0, timeout=15000)


def _someone_else_moves_it(uow_factory, opened, location):  # noqa: F811
    from bomenplan.services.bank_edits import edit_bank_tree
    edit_bank_tree(uow_factory(), opened.with_changes(location=location), "anna", opened.version)


@pytest.mark.parametrize("answer, cost, location", [
    ("merge", Decimal("1100.00"), "Depot Noord"),  # my cost on top of anna's location (kept)
    ("reload", Decimal("900.00"), "Depot Noord"),  # anna's row as stored, my cost not written
    ("cancel", Decimal("900.00"), "Depot Noord")])
def test_edit_that_meets_a_newer_version_asks_the_conflict_dialog(screen, uow_factory, monkeypatch,  # noqa: F811
                                                                   answer, cost, location):
    from bomenplan.services.edit_conflicts import MERGE, RELOAD, Resolution
    from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
    asked = []
    answers = {"merge": Resolution(MERGE, {"location": "theirs"}), "reload": Resolution(RELOAD), "cancel": None}
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, c, parent=None: asked.append(c)
                                                           or answers[answer]))
    select_bank_row(screen, "KW-1")
    dialog = screen.editor.edit_tree()
    _someone_else_moves_it(uow_factory, dialog.original, "Depot Noord")
    fill(dialog, kosten="1.100,00", location="Depot Zuid")
    dialog.accept()
    assert [c.title for c in asked] == ["bankboom KW-1"] and asked[0].changed_by_them() == ("location",)
    t = bank(uow_factory)["KW-1"]
    assert (t.cost, t.location) == (cost, location)
    assert screen.window.undo_stack.count() == (1 if answer == "merge" else 0)
    if answer == "merge":
        screen.window.undo_stack.undo()  # puts back the field my save changed: cost
        t = bank(uow_factory)["KW-1"]
        assert (t.cost, t.location) == (Decimal("900.00"), "Depot Noord")
