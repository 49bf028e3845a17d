"""`bomenplan field checkout|checkin` end to end: a conflict goes to the report, the filled-in
choice goes back with --keuzes; a bad choice is named by file, line and field."""

from __future__ import annotations

import csv

from register_fixtures import draft_tree

from bomenplan.cli.main import run_cli
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register


def test_checkout_conflict_report_and_choice(tmp_path, capsys):
    server = tmp_path / "kantoor.sqlite"
    engine, sessions = open_database(server)
    office = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    tree_id = register.add_tree(office(), draft_tree(1, plantjaar=1980)).id
    field_file, report = tmp_path / "veld.sqlite", tmp_path / "conflicten.csv"
    assert run_cli(["field", "checkout", "--db", str(server), "--wijk", "Centrum",
                    "--out", str(field_file), "--gebruiker", "piet"]) == 0
    field_engine, field_sessions = open_database(field_file)
    register.update_tree(SqlUnitOfWork(field_sessions), tree_id, {"plantjaar": 1975})
    field_engine.dispose()
    register.update_tree(office(), tree_id, {"plantjaar": 1982})

    assert run_cli(["field", "checkin", "--db", str(server), "--in", str(field_file),
                    "--report", str(report)]) == 3
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert [(r["boomnummer"], r["veld"], r["bij_uitchecken"], r["veldwerk"], r["server_nu"])
            for r in rows] == [("A001", "plantjaar", "1980", "1975", "1982")]
    assert register.get_tree(office(), tree_id).plantjaar == 1982

    rows[0]["keuze"] = "misschien"
    _write(report, rows)
    assert run_cli(["field", "checkin", "--db", str(server), "--in", str(field_file),
                    "--keuzes", str(report)]) == 1
    assert f"{report}, regel 2, veld keuze" in capsys.readouterr().err

    rows[0]["keuze"] = "veld"
    _write(report, rows)
    assert run_cli(["field", "checkin", "--db", str(server), "--in", str(field_file),
                    "--keuzes", str(report), "--vrijgeven"]) == 0
    assert "1 bomen vrijgegeven" in capsys.readouterr().out
    assert register.get_tree(office(), tree_id).plantjaar == 1975
    assert register.tree_history(office(), tree_id)[0].user == "piet"
    engine.dispose()


def _write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_recorded_source_never_holds_the_password():
    from bomenplan.persistence.field_checkout import public_url

    assert public_url("postgresql+psycopg://bomen:geheim@db.gemeente.local:5432/register") == (
        "postgresql+psycopg://bomen@db.gemeente.local:5432/register")


def test_checkout_of_an_unknown_wijk_says_so_and_leaves_no_file(tmp_path, capsys):
    server = tmp_path / "kantoor.sqlite"
    engine, sessions = open_database(server)
    register.add_tree(SqlUnitOfWork(sessions), draft_tree(1))
    engine.dispose()
    out = tmp_path / "veld.sqlite"
    assert run_cli(["field", "checkout", "--db", str(server), "--wijk", "Zuid", "--out", str(out)]) == 2
    assert "geen bomen gevonden voor wijk Zuid" in capsys.readouterr().err
    assert not out.exists()


def test_checkin_into_another_register_is_refused(tmp_path, capsys):
    first, other = tmp_path / "kantoor.sqlite", tmp_path / "ander.sqlite"
    for path, prefix in ((first, "A"), (other, "B")):
        engine, sessions = open_database(path)
        for i in range(2):
            register.add_tree(SqlUnitOfWork(sessions), draft_tree(i, boomnummer=f"{prefix}{i}"))
        engine.dispose()
    field_file = tmp_path / "veld.sqlite"
    assert run_cli(["field", "checkout", "--db", str(first), "--wijk", "Centrum",
                    "--out", str(field_file)]) == 0
    assert run_cli(["field", "checkin", "--db", str(other), "--in", str(field_file)]) == 2
    assert "niet het register waaruit is uitgecheckt" in capsys.readouterr().err


def test_checkin_reports_new_trees_and_trees_deleted_in_the_field(tmp_path, capsys):
    server = tmp_path / "kantoor.sqlite"
    engine, sessions = open_database(server)
    office = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    kept = register.add_tree(office(), draft_tree(1)).id
    field_file, report = tmp_path / "veld.sqlite", tmp_path / "conflicten.csv"
    assert run_cli(["field", "checkout", "--db", str(server), "--wijk", "Centrum",
                    "--out", str(field_file), "--gebruiker", "piet"]) == 0
    field_engine, field_sessions = open_database(field_file)
    in_field = lambda: SqlUnitOfWork(field_sessions)  # noqa: E731
    register.add_tree(in_field(), draft_tree(2, boomnummer="A001"))  # the server has A001
    register.retract_new_tree(in_field(), kept)
    field_engine.dispose()
    capsys.readouterr()

    assert run_cli(["field", "checkin", "--db", str(server), "--in", str(field_file),
                    "--report", str(report)]) == 0
    out, err = capsys.readouterr()
    assert "1 nieuwe bomen" in out
    assert "nieuwe boom A001: boomnummer bestond al, opgeslagen als A001-veld" in out
    assert f"boom A001 (id {kept}) is in het veld verwijderd; op de server blijft hij staan" in err
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert [(r["boomnummer"], r["veld"], r["server_nu"]) for r in rows] == [
        ("A001", "verwijderd in het veld", "blijft staan")]
    assert register.get_tree(office(), kept).boomnummer == "A001"
    engine.dispose()
