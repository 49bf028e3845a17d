"""Bomenbank CLI and printed lists on the demo municipality: CSV rows, PDFs that render."""

import csv
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from pdf_text import pdf_text

from bomenplan.cli.main import run_cli
from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry, Obligation
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.reports.bomenbank_lists import money, write_fund_statement
from bomenplan.services import bomenbank as svc
from bomenplan.services import fund

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("bank") / "demo.sqlite"
    assert run_cli(["demo", "--db", str(db)]) == 0
    assert run_cli(["lanen", "detect", "--db", str(db), "--accept"]) == 0
    return db


@pytest.fixture
def demo_uow(demo_db):
    engine, sessions = open_database(demo_db)
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


def _render(pdf, tmp_path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm ontbreekt")
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
                   check=True)
    assert (tmp_path / "p-1.png").stat().st_size > 1000


def test_demo_has_a_bank_with_hoofdlaan_species(demo_uow):
    bank = svc.list_bank(demo_uow())
    assert 35 <= len(bank) <= 45
    assert {"kwekerij", "bomencamping"} == {str(t.source) for t in bank}
    assert sum(t.species_name in ("Fagus sylvatica", "Quercus robur") for t in bank) >= 15
    st = fund.statement(demo_uow(), date.today().year)
    assert st.balance.closing > 0 and len(st.obligations) == 5
    assert sum(d.overdue(date.today()) for d in st.obligations) == 1


def test_match_csv_has_ranked_hoofdlaan_proposals(demo_db, tmp_path):
    out = tmp_path / "voorstellen.csv"
    assert run_cli(["bomenbank", "match", "--db", str(demo_db), "--out", str(out),
                    "--plantdatum", "2026-12-01"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    hoofdlaan = [r for r in rows if r["laan"] == "Hoofdlaan"]
    assert len(hoofdlaan) >= 25 * 3  # ≥ 25 missing trees, three proposals each
    assert {r["soort"] for r in hoofdlaan} <= {"Fagus sylvatica", "Quercus robur"}
    assert {r["rang"] for r in hoofdlaan} == {"1", "2", "3"}
    assert all(r["redenen"] and float(r["score"]) > 0 for r in hoofdlaan)


def test_bank_list_pdf_and_csv(demo_db, tmp_path):
    pdf, out = tmp_path / "bank.pdf", tmp_path / "bank.csv"
    assert run_cli(["bomenbank", "list", "--db", str(demo_db), "--out", str(pdf)]) == 0
    assert run_cli(["bomenbank", "list", "--db", str(demo_db), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    text = pdf_text(pdf)
    assert all(r["code"] in text for r in rows)
    total = sum(Decimal(r["kosten_eur"]) for r in rows)
    assert money(total).removeprefix("€ ") in text and f"{len(rows)} bomen" in text and "pagina 1" in text
    _render(pdf, tmp_path)
    assert run_cli(["bomenbank", "list", "--db", str(demo_db), "--out", str(tmp_path / "bank.txt")]) == 2


def test_fund_statement_pdf_has_balance_and_overdue_obligation(tmp_path, uow_factory):
    for d, kind, amount in ((date(2025, 1, 2), EntryKind.BUDGET, "1000.00"),
                            (date(2026, 2, 3), EntryKind.COMPENSATIE, "1234.56"),
                            (date(2026, 4, 5), EntryKind.VERPLANTING, "2000.01")):
        fund.add_entry(uow_factory(), LedgerEntry(None, d, kind, Decimal(amount), f"boeking {kind}"))
    fund.add_obligation(uow_factory(), Obligation(None, date(2020, 1, 1), "Hoofdlaan", 2))
    st = fund.statement(uow_factory(), 2026)
    pdf = tmp_path / "fonds.pdf"
    write_fund_statement(fund.entries(uow_factory()), st.obligations, 2026, date(2026, 11, 30), pdf)
    text = pdf_text(pdf)  # (€ is encoded as WinAnsi, so amounts are searched without it)
    # 1000,00 + 1234,56 - 2000,01 = 234,55
    for expected in ("1.000,00", "1.234,56", "2.000,01", "234,55", "2023-01-01", "TE LAAT",
                     "1 te laat", "2 boekingen", "pagina 1", "30 november 2026"):
        assert expected in text
    _render(pdf, tmp_path)



def test_plan_per_wijk_uses_each_tree_once(demo_db, tmp_path):
    pdf, out = tmp_path / "plan.pdf", tmp_path / "plan.csv"
    for target in (pdf, out):
        assert run_cli(["bomenbank", "plan", "--db", str(demo_db), "--out", str(target),
                        "--plantdatum", "2026-12-01"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len({r["bankboom"] for r in rows}) == len({(r["gat_x"], r["gat_y"]) for r in rows})
    assert 30 <= len(rows) <= 38  # 38 available demo trees, not all fit a laan
    text = pdf_text(pdf)
    assert all(r["bankboom"] in text for r in rows) and "Wijk Centrum" in text
    total = sum(Decimal(r["kosten_eur"]) for r in rows)
    assert money(total).removeprefix("€ ") in text
    _render(pdf, tmp_path)
