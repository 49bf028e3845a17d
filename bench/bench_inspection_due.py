"""Benchmark of the controle planning on the real 300k register (a copy in the temp folder):
the due list of all living trees (target ≤ 1 s) and the route list PDF of the largest buurt.

Amsterdam's register has no inspections, streets or buurten. The copy gets, reproducibly (seed 7),
a register kept the way DOMAIN.md §5's practice describes (⅓ of the stock per year): 90 % of the
trees have a controle on a date in the last three years (uniform), with a boomveiligheidsklasse
and omgevingsrisicoklasse; 10 % were never inspected; a buurt is a 1 km grid cell ("vak X-Y").
The original file is never written.

Run: `python3 bench/bench_inspection_due.py [/work/data/ams300k.sqlite]`
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from bomenplan.domain.inspection_due import DueFilter
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.reports.inspection_route_pdf import write_route_pdf
from bomenplan.services.inspection_due import MAX_ROUTE_PDF, due_report, export_route_csv

SOURCE = Path("/work/data/ams300k.sqlite")
TODAY = date(2026, 11, 30)
KLASSEN = ("zonder gebreken",) * 8 + ("attentieboom", "risicoboom")
RISICOS = ("geen", "laag", "laag", "gemiddeld", "gemiddeld", "hoog")


def prepared_copy(source: Path) -> Path:
    target = Path(tempfile.gettempdir()) / "bomenplan_bench_inspection_due.sqlite"
    if target.exists():
        return target
    partial = target.with_suffix(".partial.sqlite")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(source, partial)
    open_database(partial)[0].dispose()  # migrate to the newest schema
    rng = random.Random(7)
    db = sqlite3.connect(partial)
    with db:
        db.execute("UPDATE site SET buurt = 'vak ' || CAST(x / 1000 AS INT) || '-' || CAST(y / 1000 AS INT)")
        rows, updates = [], []
        for (tree_id,) in db.execute("SELECT id FROM tree ORDER BY id").fetchall():
            if rng.random() < 0.9:
                klasse = rng.choice(KLASSEN)
                day = TODAY - timedelta(days=1 + rng.randrange(3 * 365))
                rows.append((tree_id, day.isoformat(), "bench", klasse))
                updates.append((klasse, rng.choice(RISICOS), tree_id))
        db.executemany("INSERT INTO inspection (tree_id, datum, inspecteur, boomveiligheidsklasse, "
                       "gebreken, maatregelen, opmerkingen, version) VALUES (?, ?, ?, ?, '', '', '', 1)",
                       rows)
        db.executemany("UPDATE tree SET boomveiligheidsklasse = ?, omgevingsrisicoklasse = ? "
                       "WHERE id = ?", updates)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()  # the WAL is folded back into the file before it is renamed
    partial.replace(target)
    return target


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    path = prepared_copy(source)
    _engine, sessions = open_database(path)
    uow = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    until = date(2027, 2, 28)  # a planning period of three months
    due_report(uow(), DueFilter(until), TODAY)  # warm the file cache
    start = time.perf_counter()
    report = due_report(uow(), DueFilter(until), TODAY)
    whole = time.perf_counter() - start
    print(f"due list, all {report.stock} living trees: {len(report.items)} due "
          f"({', '.join(f'{n} {s}' for s, n in report.per_state.items())}) in {whole:.2f} s "
          "(target ≤ 1 s)")
    largest = max(((b, n) for b, n in _buurt_sizes(path)), key=lambda p: p[1])[0]
    start = time.perf_counter()
    one = due_report(uow(), DueFilter(until, buurt=largest), TODAY)
    listed = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_route_pdf(one, Path(folder) / "route.pdf")
        pdf = time.perf_counter() - start
        start = time.perf_counter()
        export_route_csv(one, Path(folder) / "route.csv")
        csv = time.perf_counter() - start
        size = (Path(folder) / "route.pdf").stat().st_size
    print(f"largest buurt {largest!r}: {one.stock} trees, {len(one.items)} due; list {listed:.2f} s, "
          f"route PDF {pdf:.2f} s ({size // 1024} kB), CSV {csv:.2f} s")
    longest = replace(report, items=report.items[:MAX_ROUTE_PDF])
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_route_pdf(longest, Path(folder) / "route.pdf")
        pdf = time.perf_counter() - start
        size = (Path(folder) / "route.pdf").stat().st_size
    print(f"longest printable route list ({MAX_ROUTE_PDF} trees): PDF {pdf:.2f} s ({size // 1024} kB)")


def _buurt_sizes(path: Path):
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT s.buurt, COUNT(*) FROM tree t JOIN site s ON s.id = t.site_id "
                          "WHERE t.status = 'levend' GROUP BY s.buurt").fetchall()
    finally:
        db.close()


if __name__ == "__main__":
    main()
