"""Re-import as update: an empty cell keeps the stored value; `<leeg>` or --lege-cel-wist clears.
Expected values follow from the two small files below, by hand."""

import sqlite3

from bomenplan.cli.main import run_cli
from bomenplan.services.importing import guess_mapping, import_trees, read_source
from bomenplan.services.importing.store import ImportMode

FIRST = """boomnummer;soortnaam;x;y;kroondiameter;nvtb;eigenaar
B1;Tilia cordata;233000;557000;6;4.250,00;Gemeente
B2;Tilia cordata;233010;557000;7;3.100,00;Gemeente
B3;Tilia cordata;233020;557000;8;2.000,00;Gemeente
"""
# B1: kroondiameter and nvtb empty (no change); eigenaar changes.
# B2: nvtb `<leeg>` (clear on purpose); kroondiameter empty. B3: all empty but the species.
SECOND = """boomnummer;soortnaam;x;y;kroondiameter;nvtb;eigenaar
B1;Tilia cordata;233000;557000;;;Particulier
B2;Tilia cordata;233010;557000;;<leeg>;Gemeente
B3;Tilia cordata;233020;557000;;;
"""


def _files(tmp_path):
    first, second = tmp_path / "eerste.csv", tmp_path / "tweede.csv"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def _import(uow_factory, path, **mode):
    src = read_source(path)
    return import_trees(uow_factory(), src, guess_mapping(src), crs="EPSG:28992",
                        mode=ImportMode(**mode))


def _values(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT boomnummer, kroondiameter_m, nvtb_waarde_cent, eigenaar "
                            "FROM tree ORDER BY boomnummer").fetchall()


def test_empty_cells_keep_stored_values_and_leeg_clears(tmp_path, uow_factory, db_path):
    first, second = _files(tmp_path)
    _import(uow_factory, first)
    report = _import(uow_factory, second, update=True)
    assert _values(db_path) == [("B1", 6.0, 425000, "Particulier"),
                                ("B2", 7.0, None, "Gemeente"),
                                ("B3", 8.0, 200000, "Gemeente")]
    plan = report.update_plan
    # kroon B1 B2 B3, nvtb B1 B3, eigenaar B3: six empty cells that held a value
    assert plan.blanks_ignored == 6
    assert plan.field_changes == {"nvtb_waarde_cent": 1, "eigenaar": 1}
    assert "6 lege cellen genegeerd" in "\n".join(report.summary_lines())
    with sqlite3.connect(db_path) as conn:
        log = conn.execute("SELECT field, old, new FROM change_log WHERE entity = 'tree' "
                           "ORDER BY field").fetchall()
    assert log == [("eigenaar", "Gemeente", "Particulier"), ("nvtb_waarde_cent", "310000", "")]


def test_cli_lege_cel_wist_clears_every_empty_cell(tmp_path, capsys):
    first, second = _files(tmp_path)
    db = tmp_path / "r.sqlite"
    assert run_cli(["import", str(first), "--db", str(db), "--crs", "EPSG:28992"]) == 0
    assert run_cli(["import", str(second), "--db", str(db), "--update", "--dry-run"]) == 0
    assert "6 lege cellen genegeerd" in capsys.readouterr().out
    assert run_cli(["import", str(second), "--db", str(db), "--update", "--lege-cel-wist"]) == 0
    assert "0 lege cellen genegeerd" in capsys.readouterr().out
    assert _values(db) == [("B1", None, None, "Particulier"), ("B2", None, None, "Gemeente"),
                           ("B3", None, None, "")]
