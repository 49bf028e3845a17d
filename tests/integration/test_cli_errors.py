"""Issue 16 §6: each CLI error case gives one Dutch line on stderr and exit code ≠ 0, and
creates nothing by accident."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bomenplan.cli.main import run_cli

GOOD = "boomnummer;soortnaam;x;y\nB1;Tilia cordata;233000;557000\nB2;Quercus robur;233010;557000\n"
READING = [["export", "--out", "{tmp}/uit.csv"], ["lanen", "gaps", "--out", "{tmp}/gaten.csv"],
           ["lanen", "report", "--out", "{tmp}/lanen.csv"],
           ["species", "export", "--out", "{tmp}/soorten.csv"], ["species", "unmatched"],
           ["species", "diversity"],
           ["complaints", "letter", "--id", "1", "--out", "{tmp}/brief.pdf"]]


@pytest.fixture
def register(tmp_path):
    db = tmp_path / "register.sqlite"
    src = tmp_path / "bomen.csv"
    src.write_text(GOOD, encoding="utf-8")
    assert run_cli(["import", str(src), "--db", str(db), "--crs", "EPSG:28992"]) == 0
    return db


def _one_error_line(capsys) -> str:
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1, err
    return err[0]


@pytest.mark.parametrize("command", READING, ids=lambda c: " ".join(c[:2]))
def test_reading_commands_need_an_existing_register(tmp_path, capsys, command):
    typo = tmp_path / "registr.sqlite"
    argv = [a.format(tmp=tmp_path) for a in command] + ["--db", str(typo)]
    assert run_cli(argv) != 0
    assert "bestaat niet" in _one_error_line(capsys)
    assert not typo.exists()


@pytest.mark.parametrize("make, expected", [
    (lambda tmp: tmp, "is een map"),
    (lambda tmp: tmp / "geen" / "r.sqlite", "map"),
    (lambda tmp: _write(tmp / "tekst.sqlite", b"boomnummer;soort\n"), "geen database"),
])
def test_unusable_database_locations(tmp_path, capsys, make, expected):
    target = make(tmp_path)
    assert run_cli(["export", "--db", str(target), "--out", str(tmp_path / "uit.csv")]) == 2
    line = _one_error_line(capsys)
    assert expected in line and str(target) in line
    assert not (tmp_path / "geen").exists()


def test_unreachable_postgresql_server(tmp_path, capsys):
    pytest.importorskip("psycopg")
    url = "postgresql+psycopg://bomen:x@127.0.0.1:9/register?connect_timeout=2"
    assert run_cli(["export", "--db", url, "--out", str(tmp_path / "uit.csv")]) == 2
    assert "server 127.0.0.1:9 is niet bereikbaar" in _one_error_line(capsys)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_binary_file_renamed_csv_and_empty_file(tmp_path, capsys):
    db = tmp_path / "nieuw.sqlite"
    binary = _write(tmp_path / "programma.csv", bytes(range(256)) * 20)
    assert run_cli(["import", str(binary), "--db", str(db)]) == 2
    assert "geen tekst- of CSV-bestand" in _one_error_line(capsys)
    empty = _write(tmp_path / "leeg.csv", b"")
    assert run_cli(["import", str(empty), "--db", str(db)]) == 2
    assert f"{empty}: het bestand is leeg" in _one_error_line(capsys)
    cp1252_junk = _write(tmp_path / "raar.csv", b"a;b\n\x81\x8d;x\n")  # undefined in cp1252
    assert run_cli(["import", str(cp1252_junk), "--db", str(db)]) == 2
    line = _one_error_line(capsys)
    assert "geen leesbare tekst" in line and "codec" not in line
    assert not db.exists()  # no register appeared for failed imports


def test_failed_import_into_a_new_file_leaves_no_register(tmp_path, capsys):
    db = tmp_path / "nieuw.sqlite"
    src = _write(tmp_path / "bomen.csv", GOOD.encode())
    assert run_cli(["import", str(src), "--db", str(db), "--crs", "EPSG:31467"]) != 0  # all outside
    assert not db.exists() and not Path(f"{db}-wal").exists()


@pytest.mark.parametrize("command", [["export"], ["lanen", "gaps"], ["lanen", "report"],
                                     ["species", "export"]], ids=" ".join)
def test_missing_output_folder_is_named(register, tmp_path, capsys, command):
    out = tmp_path / "bestaat-niet" / "uit.csv"
    assert run_cli([*command, "--db", str(register), "--out", str(out)]) != 0
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("fout")]
    assert err == [f"fout: map {out.parent} bestaat niet"]


def test_unknown_complaint(register, tmp_path, capsys):
    code = run_cli(["complaints", "letter", "--id", "99", "--db", str(register),
                    "--out", str(tmp_path / "brief.pdf")])
    assert code != 0
    assert _one_error_line(capsys) == "fout: melding 99 bestaat niet"


def test_piping_into_head_ends_quietly(tmp_path):
    db = tmp_path / "groot.sqlite"
    lines = ["boomnummer;soortnaam;x;y;straat"] + [
        f"B{i};Tilia cordata;{233000 + i};557000;Lindelaan {i}" for i in range(4000)]
    src = _write(tmp_path / "groot.csv", "\n".join(lines).encode())
    assert run_cli(["import", str(src), "--db", str(db), "--crs", "EPSG:28992"]) == 0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    script = "from bomenplan.cli.main import run_cli; import sys; sys.exit(run_cli(sys.argv[1:]))"
    cmd = [sys.executable, "-c", script, "species", "diversity", "--db", str(db), "--by", "straat"]
    producer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    producer.stdout.readline()
    producer.stdout.close()  # what `head -1` does; 4,000 rows (> 64 KiB) are still to come
    err = producer.stderr.read()
    producer.wait(timeout=120)
    assert producer.returncode == 141
    assert b"Traceback" not in err and b"BrokenPipe" not in err


@pytest.mark.parametrize("argv, expected", [
    (["complaints", "letter", "--db", "r.sqlite"], "ontbreekt: --id, --out"),
    (["exprt"], "opdracht: ongeldige keuze 'exprt'"),
    (["complaints", "letter", "--id", "abc", "--db", "r", "--out", "b.pdf"],
     "--id: ongeldige waarde 'abc'"),
])
def test_usage_errors_are_one_dutch_line(capsys, argv, expected):
    with pytest.raises(SystemExit) as stop:
        run_cli(argv)
    assert stop.value.code == 2
    line = _one_error_line(capsys)
    assert line.startswith("fout: bomenplan") and expected in line
