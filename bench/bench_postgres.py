"""PostgreSQL as the team server (issue 15 targets), on the real Amsterdam data. Prints figures;
not a timed test.

    python3 bench/bench_postgres.py [--runs 3]

A server is started as the tests do (tests/pg_server.py: initdb + pg_ctl on a free loopback port,
fsync off), then:
1. `bomenplan import` of amsterdam-247k into PostgreSQL and into a new SQLite file (median of
   --runs, each into a fresh database): target PostgreSQL ≤ 2× SQLite.
2. `bomenplan import` of the 300k file into PostgreSQL (the register for 3 and 4).
3. `python3 main.py --db URL` with the start-up probe (BOMENPLAN_STARTUP_REPORT, as in
   bench_launch.py), from process spawn: target main window shown (first paint) ≤ 3 s; the
   same 300k in SQLite for comparison (on a busy machine both wait for the CPU alike).
4. A filtered query: species + status (Amsterdam's data has no wijk), (a) as the UI does it (register read from PostgreSQL, then
   TreeTableModel.set_filters) and (b) the same selection as one SQL query on the server:
   target ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_launch import run_once  # noqa: E402
from pg_server import PostgresServer  # noqa: E402  (the tests' server, reused)

DATA = Path("/work/data")
CSV_247K = DATA / "amsterdam_trees.csv"
CSV_300K = DATA / "amsterdam_300k.csv"


def _cli_import(csv: Path, db: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(csv), "--db", db],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                          cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"import of {csv} into {db} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def bench_import(server: PostgresServer, folder: Path, runs: int) -> None:
    pg, lite = [], []
    for i in range(runs):
        name = server.create_database()
        pg.append(_cli_import(CSV_247K, server.url(name)))
        server.drop_database(name)
        path = folder / f"ams247k_{i}.sqlite"
        lite.append(_cli_import(CSV_247K, str(path)))
        path.unlink()
        print(f"  import run {i + 1}: PostgreSQL {pg[-1]:.1f} s, SQLite {lite[-1]:.1f} s", flush=True)
    p, s = statistics.median(pg), statistics.median(lite)
    print(f"import amsterdam-247k (CLI, incl. start-up and migration): PostgreSQL {p:.1f} s, "
          f"SQLite {s:.1f} s, ratio {p / s:.2f} (target ≤ 2.0)")


def bench_launch(db: str, folder: Path, runs: int) -> None:
    command = [sys.executable, "main.py", "--db", db]
    run_once(command, folder)  # compiles bytecode, warms the caches; not counted
    runs_done = [run_once(command, folder) for _ in range(runs)]
    kind = "PostgreSQL" if "://" in db else "SQLite (same register, for comparison)"

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs_done)

    print(f"open the main window, 300k on {kind}, from spawn (median of {runs}): first paint "
          f"{median('first_paint_s'):.2f} s (target ≤ 3 s; CPU {median('first_paint_cpu_s'):.2f} s), "
          f"start-up work done {median('startup_done_s'):.2f} s, peak RSS "
          f"{median('peak_rss_mb'):.0f} MB", flush=True)


def bench_filter(url: str, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text

    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork
    from bomenplan.services.register import load_register
    from bomenplan.ui.models.tree_table_model import TreeTableModel

    _app = QApplication.instance() or QApplication([])
    engine, sessions = open_database(url)
    start = time.perf_counter()
    columns = load_register(SqlUnitOfWork(sessions))
    print(f"read the whole register from PostgreSQL ({len(columns)} trees): "
          f"{time.perf_counter() - start:.2f} s")
    with engine.connect() as conn:  # the most common species (Amsterdam's data has no wijk)
        species = conn.execute(text("SELECT species_name FROM tree GROUP BY 1 ORDER BY count(*) DESC "
                                    "LIMIT 1")).scalar_one()
    model = TreeTableModel(columns)
    ui_ms, sql_ms, found = [], [], (0, 0)
    for _ in range(runs):
        model.set_filters(species=None, status=None)
        start = time.perf_counter()
        model.set_filters(species=species, status="levend")
        ui_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT t.id, t.boomnummer, t.species_name, s.straat, s.x, s.y FROM tree t "
                "JOIN site s ON s.id = t.site_id WHERE t.species_name = :species "
                "AND t.status = 'levend'"), {"species": species}).all()
        sql_ms.append((time.perf_counter() - start) * 1000)
        found = (model.rowCount(), len(rows))
    print(f"filtered query species = {species!r} and status = 'levend' ({found[0]} / {found[1]} "
          f"trees): UI filter {statistics.median(ui_ms):.0f} ms, SQL on the server "
          f"{statistics.median(sql_ms):.0f} ms (target ≤ 200 ms)")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for path in (CSV_247K, CSV_300K):
        if not path.exists():
            raise SystemExit(f"{path} ontbreekt (de echte Amsterdamse data)")
    server = PostgresServer.start()
    try:
        with tempfile.TemporaryDirectory(prefix="bench_pg_") as tmp:
            folder = Path(tmp)
            bench_import(server, folder, args.runs)
            name = server.create_database()
            url = server.url(name)
            print(f"import 300k into PostgreSQL: {_cli_import(CSV_300K, url):.1f} s", flush=True)
            bench_launch(url, folder, args.runs)
            lite = folder / "ams300k.sqlite"
            _cli_import(CSV_300K, str(lite))
            bench_launch(str(lite), folder, args.runs)
            bench_filter(url, max(args.runs, 5))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
