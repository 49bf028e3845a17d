"""The Bomenbank dock on a fake window: proposals for a laan, plant → undo → redo."""

from decimal import Decimal

import pytest
from laan_generator import LaanSpec, generate, store
from register_fixtures import make_fake_window, uow_factory  # noqa: F401

from bomenplan.domain.bomenbank import BankStatus, BankTree
from bomenplan.services import bomenbank as svc
from bomenplan.services import lanen as lanen_svc
from bomenplan.services.register import load_register
from bomenplan.ui.features import bomenbank as feature


@pytest.fixture
def screen(uow_factory, qtbot, qtmodeltester):  # noqa: F811
    store(uow_factory, generate([LaanSpec(n=20, missing=(5,), stumps=(12,), straat="Hoofdlaan",
                                          species="Fagus sylvatica")], seed=5))
    lanen_svc.detect_and_store(uow_factory(), accept=True)
    for code, omtrek in (("KW-1", 190.0), ("KW-2", 60.0)):
        svc.add_bank_tree(uow_factory(), BankTree(
            id=None, code=code, source="kwekerij", species_name="Fagus sylvatica", stamomtrek_cm=omtrek,
            x=232000.0, y=556000.0, cost=Decimal("900.00")))
    window = make_fake_window(uow_factory)
    qtbot.addWidget(window)
    s = feature.install(window)
    s.refresh()
    qtmodeltester.check(s.bank_model)
    qtmodeltester.check(s.proposal_model)
    return s


def test_proposals_for_the_laan_best_first(screen):
    assert screen.laan_combo.currentText() == "Hoofdlaan"
    model = screen.proposal_model
    assert model.rowCount() > 0
    firsts = [model.row(r) for r in range(model.rowCount()) if model.row(r)[0].rank == 1]
    assert {t.code for _p, _d, t, _w in firsts} == {"KW-1"}  # 190 cm is closest to the neighbours
    assert "zelfde soort als de laan (Fagus sylvatica)" in model.index(0, 0).data(3)  # tooltip: reasons


def test_plant_undo_redo_through_the_undo_stack(screen, uow_factory):  # noqa: F811
    window = screen.window
    n_trees = len(load_register(uow_factory()))
    view = screen.proposal_view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 2).data() == "KW-1")
    view.setCurrentIndex(view.model().index(row, 0))
    screen.plant_selected()
    assert len(load_register(uow_factory())) == n_trees + 1
    assert {t.code: t.status for t in svc.list_bank(uow_factory())}["KW-1"] is BankStatus.GEPLANT
    assert window.reloads >= 1
    window.undo_stack.undo()
    assert len(load_register(uow_factory())) == n_trees
    assert {t.code: t.status for t in svc.list_bank(uow_factory())}["KW-1"] is BankStatus.BESCHIKBAAR
    window.undo_stack.redo()
    assert len(load_register(uow_factory())) == n_trees + 1
    assert "KW-1" not in {screen.bank_model.tree(r).code for r in range(screen.bank_model.rowCount())
                          if screen.bank_model.tree(r).status is BankStatus.BESCHIKBAAR}


def test_printed_lists_from_the_menu(screen, tmp_path, monkeypatch):
    from bomenplan.reports.registry import register_report_writers

    register_report_writers()
    for name, action in (("bank.pdf", screen.print_bank), ("fonds.pdf", screen.print_fund),
                         ("plan.pdf", screen.print_plan),
                         ("voorstellen.csv", screen.export_proposals)):
        monkeypatch.setattr(screen, "_ask_path", lambda *_a, n=name: tmp_path / n)
        action()
        assert (tmp_path / name).stat().st_size > 500
    assert "KW-1" in (tmp_path / "voorstellen.csv").read_text(encoding="utf-8")


def test_selected_verplantbare_trees_join_the_bank(screen, uow_factory, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from bomenplan.services.register import update_tree

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    cols = load_register(uow_factory())
    tree_id = int(cols.id[list(cols.status).index("levend")])
    screen.window.select_tree_ids([tree_id])
    screen.add_selected()
    assert warnings and "verplantbare" in warnings[0]
    update_tree(uow_factory(), tree_id, {"verplantbaar": True})
    screen.add_selected()
    codes = {screen.bank_model.tree(r).code for r in range(screen.bank_model.rowCount())}
    assert any(code.startswith("R-") for code in codes) and len(codes) == 3


def test_fund_tab_shows_the_year_and_marks_overdue_duties(screen, uow_factory, qtmodeltester):  # noqa: F811
    from datetime import date

    from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry, Obligation
    from bomenplan.services import fund

    fund.add_entry(uow_factory(), LedgerEntry(None, date(2025, 1, 1), EntryKind.BUDGET, Decimal("100.00")))
    fund.add_entry(uow_factory(), LedgerEntry(None, date(2026, 2, 1), EntryKind.AANKOOP, Decimal("30.25")))
    fund.add_obligation(uow_factory(), Obligation(None, date(2020, 5, 1), "Brink", 2))
    panel = screen.fund_panel
    panel.year.setValue(2025)  # the spin box reloads the statement of that year
    assert "begin € 0.00 + stortingen € 100.00" in panel.summary.text()
    panel.year.setValue(2026)
    qtmodeltester.check(panel.entries)
    assert "begin € 100.00" in panel.summary.text() and "eind € 69.75" in panel.summary.text()
    assert panel.entries.rowCount() == 1 and panel.entries.index(0, 3).data() == "-30,25"
    assert panel.duties.index(0, 5).data() == "te laat"
    assert panel.duties.index(0, 0).data(8) is not None  # background of the overdue row


def test_selecting_a_bank_tree_shows_its_paspoort(screen):
    view = screen.bank_view
    view.setCurrentIndex(view.model().index(0, 0))
    assert "Bomenpaspoort KW-1" in screen.paspoort.text() and "opgenomen" in screen.paspoort.text()


def test_reserve_then_plant_the_reserved_tree_each_undoable(screen, uow_factory):  # noqa: F811
    n_trees = len(load_register(uow_factory()))
    view = screen.proposal_view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 2).data() == "KW-1")
    view.setCurrentIndex(view.model().index(row, 0))
    screen.reserve_selected()
    status = {t.code: t for t in svc.list_bank(uow_factory())}
    assert status["KW-1"].status is BankStatus.GERESERVEERD
    bank = screen.bank_view
    bank_row = next(r for r in range(bank.model().rowCount()) if bank.model().index(r, 0).data() == "KW-1")
    bank.setCurrentIndex(bank.model().index(bank_row, 0))
    screen.plant_reserved()
    assert len(load_register(uow_factory())) == n_trees + 1
    stack = screen.window.undo_stack
    stack.undo()  # planting undone: reserved again
    assert {t.code: t.status for t in svc.list_bank(uow_factory())}["KW-1"] is BankStatus.GERESERVEERD
    stack.undo()  # reservation undone
    assert {t.code: t.status for t in svc.list_bank(uow_factory())}["KW-1"] is BankStatus.BESCHIKBAAR
    assert len(load_register(uow_factory())) == n_trees


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_plant_in_the_real_window_runs_on_the_pool(qtbot, tmp_path):
    from real_window import shown_main_window

    def fill(factory):
        store(factory, generate([LaanSpec(n=20, missing=(5,), straat="Hoofdlaan", species="Fagus sylvatica")],
                                seed=5))
        lanen_svc.detect_and_store(factory(), accept=True)
        svc.add_bank_tree(factory(), BankTree(id=None, code="KW-1", source="kwekerij",
                                              species_name="Fagus sylvatica", stamomtrek_cm=190.0,
                                              x=232000.0, y=556000.0))

    with shown_main_window(qtbot, tmp_path, fill) as win:
        s = win.bomenbank_screen
        s.refresh()
        qtbot.waitUntil(lambda: s.proposal_model.rowCount() > 0, timeout=15000)
        s.proposal_view.setCurrentIndex(s.proposal_view.model().index(0, 0))
        s.plant_selected()
        factory = win.uow_factory
        qtbot.waitUntil(lambda: svc.list_bank(factory())[0].status is BankStatus.GEPLANT, timeout=15000)
        win.undo_stack.undo()
        qtbot.waitUntil(lambda: svc.list_bank(factory())[0].status is BankStatus.BESCHIKBAAR, timeout=15000)
        qtbot.waitUntil(lambda: s.proposal_model.rowCount() > 0, timeout=15000)


def test_import_csv_from_the_menu_reports_a_bad_line(screen, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    source = tmp_path / "bank.csv"
    source.write_text("code,herkomst,soort,stamomtrek_cm,x,y\nKW-9,kwekerij,Fagus sylvatica,150,232000,556000\n"
                      "KW-10,markt,Fagus sylvatica,150,232000,556000\n", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    screen.import_csv()
    assert warnings and "regel 3, veld 'herkomst'" in warnings[0]
    assert screen.bank_model.rowCount() == 2  # nothing imported
    source.write_text("code,herkomst,soort,stamomtrek_cm,x,y\nKW-9,kwekerij,Fagus sylvatica,150,232000,556000\n",
                      encoding="utf-8")
    screen.import_csv()
    assert screen.bank_model.rowCount() == 3
