"""Re-import as update on a real SQLite register: preview counts worked out by hand from the
two generated files below, apply through the change log, dry run stores nothing."""

import csv
from collections import Counter

import pytest

from bomenplan.cli.main import run_cli
from bomenplan.services.importing import guess_mapping, import_trees, read_source
from bomenplan.services.importing.store import ImportMode, KeyAlreadyInRegister
from tests.helpers import shared_file, sql_rows

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

FIRST = """boomnummer;soortnaam;x;y;plantjaar;eigenaar
A1;Tilia cordata;233000;557000;1990;Gemeente
A2;Quercus robur;233010;557000;1980;Gemeente
A3;Quercus robur;233020;557000;1970;Gemeente
A4;Tilia cordata;233030;557000;1960;Gemeente
A5;Tilia cordata;233040;557000;1950;Gemeente
"""
# line 2 A1 same · 3 A2 plantjaar 1980→1981 · 4 A3 eigenaar + moved 5 m · 5 A4 same ·
# 6 A6 new · 7 A7 new · 8 A7 again at the same place (copy of line 7) ·
# 9 and 10: A8 twice at different places (two trees) · A5 is missing from the file.
SECOND = """boomnummer;soortnaam;x;y;plantjaar;eigenaar
A1;Tilia cordata;233000;557000;1990;Gemeente
A2;Quercus robur;233010;557000;1981;Gemeente
A3;Quercus robur;233025;557000;1970;Particulier
A4;Tilia cordata;233030;557000;1960;Gemeente
A6;Tilia cordata;233050;557000;2001;Gemeente
A7;Tilia cordata;233100;557000;2002;Gemeente
A7;Tilia cordata;233100;557000;2002;Gemeente
A8;Tilia cordata;233200;557000;2003;Gemeente
A8;Tilia cordata;233300;557000;2003;Gemeente
"""


@pytest.fixture
def files(tmp_path):
    first, second = tmp_path / "eerste.csv", tmp_path / "tweede.csv"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def _import(uow_factory, path, **mode):
    src = read_source(path)
    return import_trees(uow_factory(), src, guess_mapping(src), crs="EPSG:28992",
                        mode=ImportMode(**mode))


def _rows(db_path, sql):
    return sql_rows(db_path, sql)


def test_preview_counts_and_dry_run_stores_nothing(files, uow_factory, db_path):
    _import(uow_factory, files[0])
    before = _rows(db_path, "SELECT * FROM tree ORDER BY id")
    report = _import(uow_factory, files[1], update=True, dry_run=True)
    plan = report.update_plan
    assert len(plan.new_rows) == 4  # A6, A7 (line 7), A8 twice
    assert len(plan.changed_rows) == 2  # A2, A3
    assert plan.field_changes == {"plantjaar": 1, "eigenaar": 1, "positie": 1}
    assert plan.unchanged == 2  # A1, A4
    assert plan.duplicates == {"A7": [7, 8], "A8": [9, 10]}
    assert plan.copies and [r.line for r in report.rejections] == [8]
    assert "regel 7" in report.rejections[0].reason
    assert plan.missing_from_file == 1  # A5
    assert _rows(db_path, "SELECT * FROM tree ORDER BY id") == before
    # only the first import's summary line; the dry run logged nothing
    assert _rows(db_path, "SELECT entity, new FROM change_log") == [
        ("import", "eerste.csv: 5 van 5 regels")]


def test_update_applies_changes_through_change_log(files, uow_factory, db_path):
    _import(uow_factory, files[0])
    _import(uow_factory, files[1], update=True, user="J. de Vries")
    assert _rows(db_path, "SELECT COUNT(*) FROM tree")[0][0] == 5 + 4
    assert _rows(db_path, "SELECT plantjaar, version FROM tree WHERE boomnummer = 'A2'") == [(1981, 2)]
    assert _rows(db_path, "SELECT s.x FROM tree t JOIN site s ON s.id = t.site_id "
                          "WHERE boomnummer = 'A3'") == [(233025.0,)]
    assert _rows(db_path, "SELECT COUNT(*) FROM tree WHERE boomnummer = 'A5'")[0][0] == 1
    log = _rows(db_path, "SELECT field, old, new, \"user\", reason FROM change_log "
                         "WHERE entity != 'import' ORDER BY field")
    assert log == [("eigenaar", "Gemeente", "Particulier", "J. de Vries", "import tweede.csv"),
                   ("plantjaar", "1980", "1981", "J. de Vries", "import tweede.csv"),
                   ("positie", "233020.00, 557000.00", "233025.00, 557000.00", "J. de Vries",
                    "import tweede.csv")]
    again = _import(uow_factory, files[1], update=True, dry_run=True).update_plan
    assert (len(again.new_rows), len(again.changed_rows), again.unchanged) == (0, 0, 8)


def test_copies_can_be_added_as_separate_trees(files, uow_factory, db_path):
    _import(uow_factory, files[0])
    report = _import(uow_factory, files[1], update=True, duplicates_as_new=True)
    assert len(report.update_plan.new_rows) == 5 and not report.rejections
    assert _rows(db_path, "SELECT COUNT(*) FROM tree WHERE boomnummer = 'A7'")[0][0] == 2


def test_plain_reimport_is_refused_and_leaves_no_trace(files, uow_factory, db_path):
    _import(uow_factory, files[0])
    with pytest.raises(KeyAlreadyInRegister, match="4 bomen uit het bestand staan al"):
        _import(uow_factory, files[1])  # A1, A2, A4 same place; A3 moved 5 m: a new tree
    assert _rows(db_path, "SELECT COUNT(*) FROM tree")[0][0] == 5
    runs = _rows(db_path, "SELECT rows_accepted, outcome FROM import_run ORDER BY id")
    assert runs[0] == (5, "")  # the failure is logged on its own, nothing of it stored:
    assert runs[1][0] == 0 and runs[1][1].startswith("mislukt: 4 bomen uit het bestand")
    assert len(runs) == 2


def test_cli_update_and_dry_run_print_the_summary(files, tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    assert run_cli(["import", str(files[0]), "--db", db, "--crs", "EPSG:28992"]) == 0
    capsys.readouterr()
    assert run_cli(["import", str(files[1]), "--db", db, "--update", "--dry-run"]) == 0
    out = capsys.readouterr().out
    for line in ("nieuw: 4", "gewijzigd: 2 (plantjaar: 1, eigenaar: 1, positie: 1)",
                 "ongewijzigd: 2", "niet in bestand: 1 bomen", "proefimport: er is niets opgeslagen",
                 "tweede.csv:8 boomnummer = 'A7'"):
        assert line in out
    assert run_cli(["import", str(files[1]), "--db", db]) == 2
    assert "--update" in capsys.readouterr().err


def test_leeuwarden_reimport_is_all_unchanged(uow_factory, db_path):
    path = shared_file("leeuwarden-monumental-2k", "monumentale_en_waardevolle_bomen.shp")
    src = read_source(path)
    import_trees(uow_factory(), src, guess_mapping(src))
    plan = import_trees(uow_factory(), src, guess_mapping(src),
                        mode=ImportMode(update=True)).update_plan
    assert (plan.unchanged, len(plan.new_rows), len(plan.changed_rows)) == (2088, 0, 0)
    assert _rows(db_path, "SELECT COUNT(*) FROM tree")[0][0] == 2088


def test_flensburg_reports_its_duplicate_numbers(uow_factory):
    path = shared_file("flensburg-18k", "lebende-baeume.csv")
    with path.open(encoding="utf-8", newline="") as f:  # counted independently of the importer
        numbers = Counter(row[0].strip() for row in list(csv.reader(f))[1:])
    repeated = {n: k for n, k in numbers.items() if k > 1}
    src = read_source(path)
    report = import_trees(uow_factory(), src, guess_mapping(src), crs="EPSG:31467",
                          mode=ImportMode(dry_run=True))
    plan = report.update_plan
    assert len(plan.duplicates) == len(repeated) == 1148
    assert plan.duplicate_rows == sum(repeated.values()) == 17509
    assert any("staat op regels" in line for line in report.summary_lines())
