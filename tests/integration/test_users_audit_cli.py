"""`bomenplan users …` and `bomenplan audit` on a real SQLite file: the first user becomes
beheerder, only a beheerder administers users, a refused tree edit, and the audit CSV."""

import csv
from datetime import date, timedelta

from register_fixtures import draft_tree

from bomenplan.cli.main import run_cli
from bomenplan.services import register

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def _cli(*args):
    return run_cli([str(a) for a in args])


def test_users_commands_and_roles(uow_factory, db_path, monkeypatch, capsys):
    monkeypatch.setenv("BOMENPLAN_USER", "beheer-pc")
    register.add_tree(uow_factory(), draft_tree(1))
    assert _cli("users", "list", "--db", db_path) == 0
    assert "nog geen gebruikers" in capsys.readouterr().out
    assert _cli("users", "add", "anna", "--rol", "planner", "--db", db_path) == 0
    out = capsys.readouterr().out
    assert "anna toegevoegd met rol beheerder" in out and "'beheer-pc'" in out
    # BOMENPLAN_USER (beheer-pc) is not registered now: read-only
    assert _cli("users", "add", "kees", "--rol", "klachtbehandelaar", "--db", db_path) == 2
    assert "'beheer-pc' is niet geregistreerd" in capsys.readouterr().err
    assert _cli("--gebruiker", "anna", "users", "add", "kees", "--rol", "klachtbehandelaar",
                "--db", db_path) == 0
    assert _cli("--gebruiker", "kees", "users", "role", "kees", "beheerder", "--db", db_path) == 2
    assert "rol klachtbehandelaar mag niet gebruikers beheren" in capsys.readouterr().err
    assert _cli("--gebruiker", "anna", "users", "role", "kees", "boomspecialist", "--db",
                db_path) == 0
    assert _cli("--gebruiker", "anna", "users", "deactivate", "kees", "--db", db_path) == 0
    assert _cli("--gebruiker", "anna", "users", "add", "piet", "--rol", "tuinman",
                "--db", db_path) == 2
    capsys.readouterr()
    assert _cli("users", "list", "--db", db_path) == 0  # reading needs no role
    assert capsys.readouterr().out.splitlines() == ["anna\tbeheerder\tactief",
                                                    "kees\tboomspecialist\tgedeactiveerd"]


def test_audit_csv_per_tree_user_and_period(uow_factory, db_path, tmp_path):
    first = register.add_tree(uow_factory(), draft_tree(1))
    second = register.add_tree(uow_factory(), draft_tree(2))
    register.update_tree(uow_factory(), first.id, {"plantjaar": 1950}, user="J. de Vries (inspecteur)")
    register.update_tree(uow_factory(), second.id, {"plantjaar": 1960}, user="P. Bakker")
    out = tmp_path / "log.csv"
    assert _cli("audit", "--db", db_path, "--boom", first.id, "--out", out) == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["tijdstip", "gebruiker", "object", "nummer", "veld", "oud", "nieuw", "reden"]
    assert [r[1:7] for r in rows[1:2]] == [
        ["J. de Vries (inspecteur)", "tree", str(first.id), "plantjaar", "1981", "1950"]]
    assert {r[4] for r in rows[1:]} == {"plantjaar", "aangemaakt"}
    assert _cli("audit", "--db", db_path, "--gebruiker", "J. de Vries", "--out", out) == 0
    assert [r[3] for r in csv.reader(out.open(encoding="utf-8"))][1:] == [str(first.id)]
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert _cli("audit", "--db", db_path, "--van", tomorrow, "--out", out) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # header only
    assert _cli("audit", "--db", db_path, "--van", "gisteren", "--out", out) == 2
