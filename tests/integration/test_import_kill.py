"""kill -9 of `bomenplan import` (issue 15 §6): whatever the moment — starting up, validating,
inserting, committing — the register afterwards opens, passes `PRAGMA integrity_check`, holds all
or none of the 20 000 trees with an import_run row to match, and the next import works.
On an SQLite file and on a real PostgreSQL server (the server rolls the dropped connection back)."""

from __future__ import annotations

import csv
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from synthetic_register import synthetic_batch

from bomenplan.persistence.database import open_database

REPO = Path(__file__).resolve().parents[2]
N_ROWS = 20_000
# When to kill: after a random delay (seconds, from start) or once progress reached a percentage.
MOMENTS = [("delay", 0.4), ("progress", 15), ("progress", 56), ("delay_after_progress", 0.05),
           ("progress", 100)]


def write_register_csv(path: Path, n: int, seed: int, prefix: str) -> Path:
    """A municipal export as Dutch spreadsheets write it: ';', decimal commas, RD New."""
    batch = synthetic_batch(n, seed)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["boomnummer", "soortnaam", "x", "y", "plantjaar", "stamdiameter",
                         "straat", "wijk", "eigenaar"])
        for i in range(n):
            writer.writerow([f"{prefix}-{i:06d}", batch.text["species_name"][i],
                             f"{batch.x[i]:.2f}".replace(".", ","),
                             f"{batch.y[i]:.2f}".replace(".", ","), batch.numbers["plantjaar"][i],
                             int(batch.numbers["stamdiameter_cm"][i]), batch.text["straat"][i],
                             batch.text["wijk"][i], "Gemeente Assen"])
    return path


def run_import(csv_path: Path, db: str) -> subprocess.CompletedProcess:
    return subprocess.run(_command(csv_path, db), env=_env(), capture_output=True, text=True,
                          timeout=120, check=False)


def _command(csv_path: Path, db: str) -> list[str]:
    return [sys.executable, str(REPO / "main.py"), "import", str(csv_path), "--db", db]


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}


def kill_import_at(csv_path: Path, db: str, moment: tuple[str, float], rng: random.Random) -> str:
    """Start the import, SIGKILL it at `moment`; returns the progress it had printed."""
    process = subprocess.Popen(_command(csv_path, db), env=_env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    seen = bytearray()
    reader = threading.Thread(target=lambda: _drain(process.stderr, seen), daemon=True)
    reader.start()
    kind, value = moment
    started = time.monotonic()
    while process.poll() is None and time.monotonic() - started < 60:
        percentages = [int(p) for p in re.findall(rb"importeren:\s+(\d+)%", bytes(seen))]
        if kind == "delay" and time.monotonic() - started >= value + rng.uniform(0, 0.6):
            break
        if kind == "progress" and percentages and max(percentages) >= value:
            break
        if kind == "delay_after_progress" and percentages:
            time.sleep(value + rng.uniform(0, 0.3))
            break
        time.sleep(0.002)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    reader.join(timeout=5)
    return bytes(seen).decode("utf-8", "replace")


def _drain(stream, into: bytearray) -> None:
    while chunk := stream.read1(256):
        into.extend(chunk)


def _counts(db: str) -> tuple[int, int, int]:
    """(trees, successful import_run rows, import_run rows) read through the app's own opening."""
    engine, _sessions = open_database(db)
    try:
        with engine.connect() as c:
            if engine.dialect.name == "sqlite":
                assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            trees = c.execute(text("SELECT count(*) FROM tree")).scalar()
            ok = c.execute(text("SELECT count(*) FROM import_run WHERE rows_accepted > 0")).scalar()
            runs = c.execute(text("SELECT count(*) FROM import_run")).scalar()
    finally:
        engine.dispose()
    return trees, ok, runs


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill")
    return (write_register_csv(folder / "basis.csv", 300, 1, "BASIS"),
            write_register_csv(folder / "groot.csv", N_ROWS, 2, "GROOT"),
            write_register_csv(folder / "daarna.csv", 500, 3, "DAARNA"))


def _kill_rounds(files, make_db, moments) -> list[str]:
    """`make_db(basis_csv)` gives a register holding the 300 trees of the basis file."""
    basis, big, after = files
    rng = random.Random(15)
    outcomes = []
    for moment in moments:
        db = make_db(basis)
        printed = kill_import_at(big, db, moment, rng)
        trees, ok, runs = _counts(db)
        assert trees in (300, 300 + N_ROWS), (moment, printed, trees)
        all_of_it = trees == 300 + N_ROWS
        assert ok == (2 if all_of_it else 1), (moment, trees, ok)  # import_run matches the trees
        assert runs == ok  # a kill leaves no failure record either: nothing of it was committed
        outcomes.append("alles" if all_of_it else "niets")
        second = run_import(after, db)
        assert second.returncode == 0, second.stderr
        assert _counts(db)[:2] == (trees + 500, ok + 1)
    return outcomes


def test_kill_during_sqlite_import_leaves_all_or_nothing(files, tmp_path):
    template = tmp_path / "basis.sqlite"
    counter = iter(range(100))

    def fresh_register(basis: Path) -> str:
        if not template.exists():
            assert run_import(basis, str(template)).returncode == 0
        path = tmp_path / f"r{next(counter)}.sqlite"
        shutil.copy(template, path)  # the import ran in its own process: no WAL left behind
        return str(path)

    outcomes = _kill_rounds(files, fresh_register, MOMENTS)
    assert "niets" in outcomes  # the kills did land inside the import
    assert outcomes[-1] == "alles"  # at 100 % the import had committed


def test_kill_during_postgresql_import_leaves_all_or_nothing(files, postgres_server,
                                                           _pg_migrated_template):
    made = []

    def fresh_database(basis: Path) -> str:
        made.append(postgres_server.create_database(template=_pg_migrated_template))
        assert run_import(basis, postgres_server.url(made[-1])).returncode == 0
        return postgres_server.url(made[-1])

    try:
        outcomes = _kill_rounds(files, fresh_database, [("progress", 56), ("progress", 100)])
    finally:
        for name in made:
            postgres_server.drop_database(name)
    assert outcomes == ["niets", "alles"]
