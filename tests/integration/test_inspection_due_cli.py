"""`bomenplan inspections due --db DB --out route.{csv,pdf}` on an SQLite file."""

from __future__ import annotations

import csv

from register_fixtures import draft_tree

from bomenplan.cli.main import run_cli
from bomenplan.domain.values import TreeStatus
from bomenplan.services import register

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def test_route_list_from_the_command_line(uow_factory, db_path, tmp_path, capsys):
    for i in range(3):
        register.add_tree(uow_factory(), draft_tree(i))
    register.add_tree(uow_factory(), draft_tree(9, buurt="Noord"))
    register.add_tree(uow_factory(), draft_tree(8, status=TreeStatus.STOBBE))
    out = tmp_path / "route.csv"
    code = run_cli(["inspections", "due", "--db", str(db_path), "--out", str(out),
                    "--buurt", "binnenstad", "--peildatum", "2026-11-30"])
    assert code == 0
    with open(out, encoding="utf-8", newline="") as handle:
        assert [r["boomnummer"] for r in csv.DictReader(handle)] == ["A000", "A001", "A002"]
    printed = capsys.readouterr().out
    assert "3 bomen met controle nodig tot en met 28-02-2027 (3 nooit gecontroleerd)" in printed
    assert "2026-11: 3" in printed
    pdf = tmp_path / "route.pdf"
    assert run_cli(["inspections", "due", "--db", str(db_path), "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_wrong_output_type_is_refused(uow_factory, db_path, tmp_path, capsys):
    uow_factory()
    assert run_cli(["inspections", "due", "--db", str(db_path), "--out", str(tmp_path / "r.txt")]) == 2
    assert "kies een uitvoerbestand dat eindigt op .csv of .pdf" in capsys.readouterr().err


def test_too_long_printed_route_is_refused_with_advice(uow_factory, db_path, tmp_path, capsys,
                                                       monkeypatch):
    from bomenplan.services import inspection_due

    monkeypatch.setattr(inspection_due, "MAX_ROUTE_PDF", 2)
    for i in range(3):
        register.add_tree(uow_factory(), draft_tree(i))
    out = tmp_path / "route.pdf"
    assert run_cli(["inspections", "due", "--db", str(db_path), "--out", str(out)]) != 0
    error = capsys.readouterr().err
    assert "3 bomen is te veel voor één geprinte routelijst (hoogstens 2)" in error
    assert "kies een wijk, buurt of straat" in error and not out.exists()


def test_werkorder_makes_one_order_per_due_tree(uow_factory, db_path, capsys):
    from bomenplan.services import work_orders

    ids = [register.add_tree(uow_factory(), draft_tree(i)).id for i in range(2)]
    args = ["inspections", "due", "--db", str(db_path), "--werkorder", "--peildatum", "2026-11-30"]
    assert run_cli(args) == 0
    assert "2 werkorders aangemaakt; 0 bomen overgeslagen" in capsys.readouterr().out
    orders = work_orders.list_work_orders(uow_factory())
    assert sorted(o.tree_id for o in orders) == ids
    assert {(o.origin, o.complaint_id, str(o.due_date)) for o in orders} == {
        ("controle nodig", None, "2026-11-30")}  # never inspected: due on the peildatum
    assert run_cli(args) == 0
    assert "0 werkorders aangemaakt; 2 bomen overgeslagen" in capsys.readouterr().out
    assert run_cli(["inspections", "due", "--db", str(db_path)]) == 2
    assert "--werkorder" in capsys.readouterr().err
