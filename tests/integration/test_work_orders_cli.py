"""`bomenplan werkorders list/gereed` on a real SQLite file: filters, CSV and PDF, errors."""

from datetime import date, timedelta

from shapely.geometry import Point

from bomenplan.cli.main import run_cli
from bomenplan.domain.complaints import Channel, Complaint, ComplaintCategory, ComplaintFacts
from bomenplan.domain.tree import Tree
from bomenplan.services import complaints, register, work_orders
from tests.pdf_text import pdf_text

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def stored_orders(uow_factory):
    """Three orders: dead wood in Noord (Van Dijk, overdue), in Zuid (Boomzorg), in Zuid (none)."""
    ids = []
    for nummer, wijk in (("ASN-1", "Noord"), ("ASN-2", "Zuid"), ("ASN-3", "Zuid")):
        tree = register.add_tree(uow_factory(), Tree(
            id=None, boomnummer=nummer, site_id=None, position=Point(233001.0, 557002.0),
            species_name="Fagus sylvatica", straat=f"{wijk}laan", wijk=wijk))
        record = complaints.register_complaint(uow_factory(), Complaint(
            None, date(2026, 4, 2), Channel.APP, (ComplaintCategory.DOOD_HOUT,), "", (tree.id,)),
            ComplaintFacts(dood_hout=True))
        complaints.triage_complaint(uow_factory(), record.complaint.id)
        ids.append(complaints.work_orders_of_tree(uow_factory(), tree.id)[0])
    late = date.today() - timedelta(days=3)
    work_orders.assign_contractor(uow_factory(), ids[0], "Van Dijk", late)
    work_orders.assign_contractor(uow_factory(), ids[1], "Boomzorg")
    return [o.id for o in ids]


def test_list_per_contractor_as_csv_and_pdf(uow_factory, db_path, tmp_path, capsys):
    first, second, third = stored_orders(uow_factory)
    out = tmp_path / "lijst.csv"
    assert run_cli(["werkorders", "list", "--db", str(db_path), "--aannemer", "van dijk",
                    "--out", str(out)]) == 0
    header, row = out.read_text(encoding="utf-8").splitlines()
    assert header.startswith("werkorder,aannemer,wijk,boomnummer,straat,soort,type")
    assert row.startswith(f"{first},Van Dijk,Noord,ASN-1,Noordlaan,Fagus sylvatica,snoei,")
    assert ",ja," in row  # overdue
    assert "1 werkorder naar" in capsys.readouterr().out

    pdf = tmp_path / "lijst.pdf"
    assert run_cli(["werkorders", "list", "--db", str(db_path), "--status", "open",
                    "--out", str(pdf)]) == 0
    text = pdf_text(pdf)  # PDF text escapes parentheses as \( \)
    for expected in ("Werklijst Boomzorg", "Werklijst Van Dijk", "Werklijst \\(geen aannemer\\)",
                     "Wijk Noord", "Wijk Zuid", "ASN-3", "\\(te laat\\)", "opmerking aannemer",
                     "pagina 3"):
        assert expected in text, expected
    assert "pagina 4" not in text  # one page per contractor


def test_gereed_closes_and_refuses_a_second_time(uow_factory, db_path, capsys):
    first, _, _ = stored_orders(uow_factory)
    today = date.today().isoformat()
    args = ["werkorders", "gereed", "--db", str(db_path), "--id", str(first), "--datum", today,
            "--opmerking", "Dode tak verwijderd", "--user", "kees"]
    assert run_cli(args) == 0
    order = work_orders.get_work_order(uow_factory(), first)
    assert order.status == "gereed" and order.remark == "Dode tak verwijderd"
    assert run_cli(args) == 2
    assert "werkorder 1 is 'gereed' en kan niet naar 'gereed'" in capsys.readouterr().err


def test_cli_errors_are_one_dutch_line(uow_factory, db_path, tmp_path, capsys):
    stored_orders(uow_factory)
    base = ["werkorders", "gereed", "--db", str(db_path), "--opmerking", "x"]
    assert run_cli(base + ["--id", "99", "--datum", "2026-11-01"]) == 2
    assert capsys.readouterr().err.strip() == "fout: werkorder 99 bestaat niet"
    assert run_cli(base + ["--id", "1", "--datum", "1-11-2026"]) == 2
    assert "is geen datum JJJJ-MM-DD" in capsys.readouterr().err
    assert run_cli(["werkorders", "list", "--db", str(db_path), "--out",
                    str(tmp_path / "lijst.txt")]) == 2
    assert ".csv of .pdf" in capsys.readouterr().err
    assert run_cli(["werkorders", "list", "--db", str(tmp_path / "geen.sqlite"), "--out",
                    str(tmp_path / "l.csv")]) == 2
    assert not (tmp_path / "geen.sqlite").exists()
