"""`bomenplan import` / `bomenplan export` run in-process through run_cli."""

import csv
import json
import sqlite3
from pathlib import Path

from bomenplan.cli.main import run_cli

GOOD = "nr,soort,x,y,jaar\n1,Tilia cordata,233000,557000,1990\n2,Quercus robur,233010,557000,abc\n"


def _file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_prints_summary_writes_report_and_exports(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    rejects = tmp_path / "afgewezen.csv"
    code = run_cli(["import", _file(tmp_path, "b.csv", GOOD), "--db", db, "--report", str(rejects)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "rijen gelezen: 2" in out and "geaccepteerd: 1" in out and "afgewezen: 1" in out
    assert "transformatie" in out and "importeren: 100%" in err
    rows = list(csv.reader(rejects.open(encoding="utf-8")))
    assert rows[0] == ["bestand", "regel", "veld", "waarde", "reden"]
    assert rows[1][:4] == ["b.csv", "3", "plantjaar", "abc"]
    for name in ("e.csv", "e.geojson", "e.gpkg"):
        assert run_cli(["export", "--db", db, "--out", str(tmp_path / name)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert run_cli(["export", "--db", f"sqlite:///{db}", "--out", str(tmp_path / "x.csv"),
                    "--excel"]) == 0
    assert (tmp_path / "x.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_nothing_imported_gives_nonzero_exit(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    code = run_cli(["import", _file(tmp_path, "b.csv", GOOD), "--db", db, "--crs", "EPSG:31467"])
    assert code != 0
    assert "b.csv" in capsys.readouterr().err
    assert not Path(db).exists()  # a failed import into a new file leaves no register behind


def test_unreadable_file_names_it(tmp_path, capsys):
    code = run_cli(["import", str(tmp_path / "weg.csv"), "--db", str(tmp_path / "r.sqlite")])
    assert code == 2 and "weg.csv" in capsys.readouterr().err


def test_mapping_file_delimiter_and_encoding(tmp_path, capsys):
    data = "a|b|c|d\nB1|Sophora japonica – Honingboom|233000|557000\n".encode("cp1252")
    src = tmp_path / "raar.txt"
    src.write_bytes(data)
    mapping = _file(tmp_path, "m.json", json.dumps(
        {"boomnummer": "a", "species_name": "b", "x": "c", "y": "d", "crs": "EPSG:28992"}))
    db = str(tmp_path / "r.sqlite")
    code = run_cli(["import", str(src), "--db", db, "--mapping", mapping, "--delimiter", "|",
                    "--encoding", "cp1252"])
    assert code == 0, capsys.readouterr()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT boomnummer, species_name FROM tree").fetchall() == [
            ("B1", "Sophora japonica")]
    bad = _file(tmp_path, "bad.json", json.dumps({"boomnummer": "zz"}))
    assert run_cli(["import", str(src), "--db", db, "--mapping", bad]) == 2
    assert "zz" in capsys.readouterr().err


def test_rows_with_a_wrong_delimiter_are_rejected_with_their_line(tmp_path, capsys):
    text = ("nr;soort;x;y\n1;Tilia cordata;233000;557000\n2,Tilia cordata,233000,557000\n"
            "3;Tilia cordata;233000;557000;\n4;Acer campestre;233010;557000\n")
    rejects = tmp_path / "r.csv"
    code = run_cli(["import", _file(tmp_path, "mixed.csv", text), "--db", str(tmp_path / "r.sqlite"),
                    "--report", str(rejects)])
    out = capsys.readouterr().out
    assert code == 0 and "rijen gelezen: 4" in out and "geaccepteerd: 2" in out
    rows = list(csv.reader(rejects.open(encoding="utf-8")))[1:]
    assert [(r[1], r[2]) for r in rows] == [("3", "(rij)"), ("4", "(rij)")]


def test_header_only_file_imports_nothing(tmp_path, capsys):
    code = run_cli(["import", _file(tmp_path, "leeg.csv", "nr;soort;x;y\n"), "--db",
                    str(tmp_path / "r.sqlite")])
    assert code == 1 and "leeg.csv" in capsys.readouterr().err


def test_unknown_crs_asks_for_crs_and_stores_nothing(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    path = _file(tmp_path, "far.csv", "boomnummer;soort;x;y\nA1;Tilia cordata;900000;900000\n")
    assert run_cli(["import", path, "--db", db]) == 2
    err = capsys.readouterr().err
    assert "far.csv" in err and "geef --crs" in err
    assert not Path(db).exists() or sqlite3.connect(db).execute(
        "SELECT COUNT(*) FROM tree").fetchone()[0] == 0


def test_import_and_export_on_an_empty_postgresql_database(tmp_path, capsys, pg_url):
    """The command line with a server URL: the empty database is migrated, the rows go in with
    COPY, the export reads them back."""
    from tests.helpers import sql_rows

    code = run_cli(["import", _file(tmp_path, "b.csv", GOOD), "--db", pg_url])
    out, _err = capsys.readouterr()
    assert code == 0 and "geaccepteerd: 1" in out and "afgewezen: 1" in out
    assert sql_rows(pg_url, "SELECT t.boomnummer, t.species_name, t.plantjaar, s.x, s.y FROM tree t "
                            "JOIN site s ON s.id = t.site_id") == [("1", "Tilia cordata", 1990,
                                                                    233000.0, 557000.0)]
    out_csv = tmp_path / "uit.csv"
    assert run_cli(["export", "--db", pg_url, "--out", str(out_csv)]) == 0
    header, *rows = csv.reader(out_csv.open(encoding="utf-8"))
    assert [dict(zip(header, r, strict=True))["species_name"] for r in rows] == ["Tilia cordata"]
