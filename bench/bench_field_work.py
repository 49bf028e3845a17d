"""Benchmark of offline field work (issue 15 §4) on the real 300k register: check out the largest
wijk and check in ~500 trees changed in the field (plus 100 new inspections, 50 office edits of the
same trees → 50 conflicts), plus 50 trees added in the field (each on a new site). ams300k has no wijk names, so the copy gets wijken as 3 km grid cells
("wijk x_y") first and the most populous one goes out.

Run: `python3 bench/bench_field_work.py [/work/data/ams300k.sqlite]` (SQLite register), or
`python3 bench/bench_field_work.py --pg [/work/data/amsterdam_300k.csv]`: a PostgreSQL server on
loopback (tests/pg_server.py), the CSV imported into it, the same steps; the server is stopped after.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from bomenplan.persistence.database import open_database
from bomenplan.persistence.field_checkin import check_in
from bomenplan.persistence.field_checkout import FieldScope, check_out

CELL_M = 3000
CHANGED, INSPECTED, OFFICE, ADDED = 500, 100, 50, 50


def run(server: str, folder: Path) -> None:
    engine, _ = open_database(server)  # brings the register to the newest schema
    with engine.begin() as db:
        db.execute(text(f"UPDATE site SET wijk = 'wijk ' || CAST(CAST(x / {CELL_M} AS INTEGER) AS TEXT)"
                        f" || '_' || CAST(CAST(y / {CELL_M} AS INTEGER) AS TEXT)"))
        wijk, count = db.execute(text("SELECT wijk, COUNT(*) FROM site GROUP BY wijk "
                                      "ORDER BY 2 DESC LIMIT 1")).one()
    print(f"largest wijk: {wijk} ({count} sites)")
    field = folder / "veld.sqlite"
    started = time.perf_counter()
    result = check_out(server, field, FieldScope(wijk=wijk), user="bench")
    print(f"checkout: {result.trees} trees, {result.inspections} inspections, "
          f"{result.map_features} map features in {time.perf_counter() - started:.2f} s, "
          f"file {field.stat().st_size / 1e6:.1f} MB")
    with sqlite3.connect(field) as db:
        ids = [r[0] for r in db.execute(f"SELECT id FROM tree ORDER BY id LIMIT {CHANGED}")]
        db.executemany("UPDATE tree SET opmerkingen = 'veld', stamdiameter_cm = 41 WHERE id = ?",
                       [(i,) for i in ids])
        db.executemany("INSERT INTO inspection (tree_id, datum, inspecteur, boomveiligheidsklasse, "
                       "gebreken, maatregelen, opmerkingen, version) VALUES (?, ?, 'bench', "
                       "'zonder gebreken', '', '', '', 1)",
                       [(i, date.today().isoformat()) for i in ids[:INSPECTED]])
        for n, tree_id in enumerate(ids[:ADDED]):  # a new tree 2 m east of a checked-out one
            site = db.execute("INSERT INTO site (x, y, geom, straat, wijk, buurt, version) "
                              "SELECT x + 2, y, geom, straat, wijk, buurt, 1 FROM site WHERE id = "
                              "(SELECT site_id FROM tree WHERE id = ?)", (tree_id,)).lastrowid
            db.execute("INSERT INTO tree (boomnummer, site_id, species_name, hoogteklasse, "
                       "boomveiligheidsklasse, beheertype, status, beleidsstatus, boomgroep, "
                       "omgevingsrisicoklasse, eigenaar, beheerder, verplantbaar, opmerkingen, "
                       "version) VALUES (?, ?, 'Tilia', 'onbekend', 'onbekend', 'vrij uitgroeiend', "
                       "'levend', 'geen', 'onbekend', 'onbekend', '', '', 0, 'nieuw', 1)",
                       (f"VELD-{n}", site))
    with engine.begin() as db:
        db.execute(text("UPDATE tree SET stamdiameter_cm = 39, version = version + 1 WHERE id = :id"),
                   [{"id": i} for i in ids[:OFFICE]])
    engine.dispose()
    started = time.perf_counter()
    back = check_in(server, field)
    print(f"checkin: {back.rows_written} rows, {back.fields_written} fields, {back.trees_added} "
          f"new trees, {back.inspections} inspections, {len(back.conflicts)} conflicts in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    again = check_in(server, field)
    print(f"second checkin (only the {len(again.conflicts)} open conflicts): "
          f"{time.perf_counter() - started:.2f} s")


def main(argv: list[str]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-field-"))
    try:
        if argv[:1] == ["--pg"]:
            _on_postgres(argv[1] if len(argv) > 1 else "/work/data/amsterdam_300k.csv", folder)
        else:
            server = folder / "kantoor.sqlite"
            shutil.copy(argv[0] if argv else "/work/data/ams300k.sqlite", server)
            run(str(server), folder)
    finally:
        shutil.rmtree(folder)


def _on_postgres(csv_file: str, folder: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from pg_server import PostgresServer

    from bomenplan.cli.main import run_cli

    pg = PostgresServer.start()
    try:
        url = pg.url(pg.create_database())
        started = time.perf_counter()
        run_cli(["import", csv_file, "--db", url])
        print(f"import into PostgreSQL: {time.perf_counter() - started:.1f} s")
        run(url, folder)
    finally:
        pg.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
