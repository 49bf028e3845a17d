"""The NVTB value column (nvtb / boomwaarde) on import and export: Dutch amounts to whole cents,
bad amounts rejected with file, line and field, and the value written back on export."""

import csv
from decimal import Decimal

from bomenplan.cli.main import run_cli
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register

CSV = ("nr;soort;x;y;boomwaarde\n"
       "1;Tilia cordata;233000;557000;\"4.250,50\"\n"
       "2;Quercus robur;233010;557000;\n"
       "3;Quercus robur;233020;557000;duur\n"
       "4;Quercus robur;233030;557000;1.234\n")


def test_nvtb_column_is_imported_in_cents_rejected_when_bad_and_exported(tmp_path):
    src = tmp_path / "bomen.csv"
    src.write_text(CSV, encoding="utf-8")
    db, rejects = tmp_path / "r.sqlite", tmp_path / "afgewezen.csv"
    assert run_cli(["import", str(src), "--db", str(db), "--report", str(rejects)]) == 0
    rows = list(csv.reader(rejects.open(encoding="utf-8")))[1:]
    # line 4 "duur" is no amount; line 5 "1.234" is ambiguous (thousands or decimals?)
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [("bomen.csv", "4", "nvtb_waarde_eur", "duur"),
                                                        ("bomen.csv", "5", "nvtb_waarde_eur", "1.234")]
    assert "dubbelzinnig" in rows[1][4]
    engine, sessions = open_database(db)
    with SqlUnitOfWork(sessions) as uow:
        values = uow.trees.nvtb_values()
    (tree_id,) = values
    assert values[tree_id] == 425050
    assert register.get_tree(SqlUnitOfWork(sessions), tree_id).nvtb_waarde_eur == Decimal("4250.50")
    engine.dispose()
    out = tmp_path / "e.csv"
    assert run_cli(["export", "--db", str(db), "--out", str(out)]) == 0
    exported = {r["boomnummer"]: r["nvtb_waarde_eur"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert exported == {"1": "4250.5", "2": ""}


def test_reimport_with_update_changes_the_nvtb_value_and_logs_it(tmp_path):
    first, second = tmp_path / "bomen.csv", tmp_path / "taxatie.csv"
    first.write_text("nr;soort;x;y;boomwaarde\n1;Tilia cordata;233000;557000;\"4.250,50\"\n"
                     "2;Quercus robur;233010;557000;\n", encoding="utf-8")
    # the appraisal: tree 1 revalued at € 5.100, tree 2 valued for the first time at € 812,25
    second.write_text("nr;soort;x;y;boomwaarde\n1;Tilia cordata;233000;557000;\"5.100,00\"\n"
                      "2;Quercus robur;233010;557000;\"812,25\"\n", encoding="utf-8")
    db = tmp_path / "r.sqlite"
    assert run_cli(["import", str(first), "--db", str(db)]) == 0
    assert run_cli(["import", str(second), "--db", str(db), "--update", "--key", "boomnummer"]) == 0
    engine, sessions = open_database(db)
    with SqlUnitOfWork(sessions) as uow:
        values = uow.trees.nvtb_values()
        ids = {uow.trees.by_boomnummer(n).id: n for n in ("1", "2")}
        log = [c for i in ids for c in uow.changes.for_entity("tree", i) if c.field == "nvtb_waarde_cent"]
    engine.dispose()
    assert {ids[i]: v for i, v in values.items()} == {"1": 510000, "2": 81225}
    assert sorted((c.old, c.new) for c in log) == [("", "81225"), ("425050", "510000")]
