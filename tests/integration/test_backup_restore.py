"""Reservekopie en herstel (issue 15 §6): a backup taken while another connection writes is one
consistent snapshot; backup → change → restore gives the register back and keeps the changed one;
damaged or foreign files are refused with a Dutch message and the register stays as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading

import pytest
from sqlalchemy import text
from synthetic_register import fill_register

from bomenplan.cli.main import run_cli
from bomenplan.domain.errors import BomenplanError, Cancelled
from bomenplan.persistence import register_backup
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.backup import make_backup, restore_backup

N_TREES = 3000


@pytest.fixture
def register(uow_factory):
    fill_register(uow_factory, N_TREES)
    return uow_factory


def _boomnummers(path) -> list[str]:
    with sqlite3.connect(path) as c:
        return [r[0] for r in c.execute("SELECT boomnummer FROM tree ORDER BY id")]


def _content_digest(path) -> str:
    """What the register holds (trees with their sites), independent of page layout."""
    with sqlite3.connect(path) as c:
        rows = c.execute("SELECT t.*, s.x, s.y FROM tree t JOIN site s ON s.id = t.site_id "
                         "ORDER BY t.id").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_backup_while_another_connection_writes_is_one_snapshot(register, db_path, tmp_path,
                                                                monkeypatch):
    monkeypatch.setattr(register_backup, "PAGES_PER_STEP", 2)  # many steps between the writes
    stop, writes = threading.Event(), []

    def writer():  # each transaction adds two import_run rows: a snapshot holds an even number
        connection = sqlite3.connect(db_path, timeout=30)
        while not stop.is_set():
            with connection:
                for _ in range(2):
                    connection.execute(
                        "INSERT INTO import_run (source, started_at, rows_read, rows_accepted, "
                        "rows_rejected, transformation, outcome) "
                        "VALUES ('w.csv', '2026-11-30 12:00:00', 0, 0, 0, '', '')")
            writes.append(1)
        connection.close()

    fractions = []
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = make_backup(register(), tmp_path / "kopie.sqlite", progress=fractions.append)
    finally:
        stop.set()
        thread.join()
    assert len(writes) > 0 and len(fractions) > 10
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert result.trees == N_TREES
    with sqlite3.connect(tmp_path / "kopie.sqlite") as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert c.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
        runs = c.execute("SELECT count(*) FROM import_run WHERE source = 'w.csv'").fetchone()[0]
    assert runs % 2 == 0
    assert not (tmp_path / "kopie.sqlite-wal").exists()
    assert _boomnummers(tmp_path / "kopie.sqlite") == _boomnummers(db_path)


def test_restore_round_trip_keeps_the_replaced_register(register, db_path, tmp_path):
    make_backup(register(), tmp_path / "kopie.sqlite")
    before = _content_digest(db_path)
    with sqlite3.connect(db_path) as c:  # a day of work after the backup
        c.execute("DELETE FROM tree WHERE id > 1000")
        c.execute("UPDATE tree SET plantjaar = 1901 WHERE id = 1")
    changed = _content_digest(db_path)
    assert changed != before

    kept = restore_backup(register(), tmp_path / "kopie.sqlite")
    assert _content_digest(db_path) == before
    with register() as uow:  # the open engine reads the restored register
        assert len(uow.trees.columns().id) == N_TREES
    assert kept.parent == db_path.parent and kept.name.startswith("register.voor-herstel-")
    assert _content_digest(kept) == changed
    with sqlite3.connect(db_path) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _damaged_copy(source, target) -> None:
    shutil.copy(source, target)
    with open(target, "r+b") as f:  # overwrite the b-tree pages after the schema page
        f.seek(4096 * 3)
        f.write(b"\xa5" * 4096 * 20)


def _foreign_sqlite(_source, target) -> None:
    with sqlite3.connect(target) as c:
        c.execute("CREATE TABLE boeken (titel TEXT)")


def _newer_schema(source, target) -> None:
    shutil.copy(source, target)
    with sqlite3.connect(target) as c:
        c.execute("INSERT INTO alembic_version VALUES ('9999_future')")


def _text_file(_source, target) -> None:
    target.write_text("boomnummer;soort\n1;Tilia\n", encoding="utf-8")


@pytest.mark.parametrize("make, message", [
    (_damaged_copy, "is beschadigd"),
    (_foreign_sqlite, "geen bomenplan-register"),
    (_newer_schema, "nieuwere versie van bomenplan"),
    (_text_file, "geen SQLite-bestand"),
])
def test_bad_backup_is_refused_and_register_untouched(register, db_path, tmp_path, make, message):
    make_backup(register(), tmp_path / "goed.sqlite")
    bad = tmp_path / "slecht.sqlite"
    make(tmp_path / "goed.sqlite", bad)
    before = _content_digest(db_path)
    with pytest.raises(BomenplanError, match=message) as refused:
        restore_backup(register(), bad)
    assert str(bad) in str(refused.value)
    assert _content_digest(db_path) == before
    assert not list(tmp_path.glob("*voor-herstel*"))  # refused before anything was done


def test_backup_over_the_register_itself_is_refused(register, db_path):
    with pytest.raises(BomenplanError, match="niet het register zelf"):
        make_backup(register(), db_path)


def test_cli_backup_and_restore(register, db_path, tmp_path, capsys):
    out = tmp_path / "cli-kopie.sqlite"
    assert run_cli(["backup", "--db", str(db_path), "--out", str(out)]) == 0
    assert f"{N_TREES} bomen, gecontroleerd" in capsys.readouterr().out
    with sqlite3.connect(db_path) as c:
        c.execute("DELETE FROM tree")
    assert run_cli(["restore", "--db", str(db_path), str(out)]) == 0
    assert "voor-herstel" in capsys.readouterr().out
    assert len(_boomnummers(db_path)) == N_TREES
    (tmp_path / "leeg.sqlite").write_bytes(b"")
    assert run_cli(["restore", "--db", str(db_path), str(tmp_path / "leeg.sqlite")]) == 2
    assert "niet gewijzigd" in capsys.readouterr().err
    assert len(_boomnummers(db_path)) == N_TREES


def test_postgresql_backup_and_restore_with_pg_tools(pg_migrated_url, tmp_path, capsys):
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore niet op het PATH")
    engine, sessions = open_database(pg_migrated_url)
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    fill_register(factory, 200)
    out = tmp_path / "pg.dump"
    assert run_cli(["backup", "--db", pg_migrated_url, "--out", str(out)]) == 0
    assert out.read_bytes()[:5] == b"PGDMP"
    with factory() as uow:
        uow.session.execute(text("DELETE FROM tree WHERE id > 50"))
        uow.commit()
    assert run_cli(["restore", "--db", pg_migrated_url, str(out)]) == 0
    assert "voor-herstel" in capsys.readouterr().out
    with factory() as uow:
        assert len(uow.trees.columns().id) == 200
    engine.dispose()


def test_cancelled_backup_leaves_no_file(register, tmp_path, monkeypatch):
    monkeypatch.setattr(register_backup, "PAGES_PER_STEP", 2)
    steps = []

    def cancelled() -> bool:
        steps.append(1)
        return len(steps) > 3

    with pytest.raises(Cancelled):
        make_backup(register(), tmp_path / "kopie.sqlite", cancelled=cancelled)
    assert len(steps) == 4  # stopped at the fourth step, not at the end
    assert [p.name for p in tmp_path.iterdir() if "kopie" in p.name] == []
