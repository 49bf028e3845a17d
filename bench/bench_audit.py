"""Benchmark of the audit log on a 300k register (issue 15 §3): a copy of
/work/data/ams300k.sqlite (or the file given) gets 4 change-log entries per tree (~1.2M rows,
5 users, spread over 1000 days); then the audit query per tree, per user and month, per day,
and the role check every write does. Target: each filtered query ≤ 200 ms.

Run: `python3 bench/bench_audit.py [register.sqlite]`
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bomenplan.domain.roles import Permission
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.audit import audit_entries
from bomenplan.services.authorization import authorize

SOURCE = Path("/work/data/ams300k.sqlite")
FILL = """
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 3)
INSERT INTO change_log(entity, entity_id, field, old, new, changed_at, user, reason)
SELECT 'tree', t.id, 'stamdiameter_cm', '20', '21',
       datetime('2024-01-01', '+' || ((t.id * 7 + k.n * 13) % 1000) || ' days',
                '+' || (t.id % 86400) || ' seconds'),
       CASE (t.id + k.n) % 5 WHEN 0 THEN 'anna' WHEN 1 THEN 'piet (klachtbehandelaar, Team Noord)'
            WHEN 2 THEN 'J. de Vries' WHEN 3 THEN 'kees' ELSE 'marie' END, ''
FROM tree t, k"""


def best_ms(work, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best * 1000, result


def main(source: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.sqlite"
        shutil.copy(source, path)
        _engine, sessions = open_database(path)  # migrates: adds the audit indexes
        with sqlite3.connect(path) as conn:
            conn.execute(FILL)
            conn.execute("ANALYZE")
            rows = conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
            tree_id = conn.execute("SELECT MIN(id) + 123456 FROM tree").fetchone()[0]
        print(f"change_log: {rows} entries")
        factory = lambda: SqlUnitOfWork(sessions, login="anna")  # noqa: E731
        cases = {
            "per tree": dict(tree=tree_id),
            "per user, one month": dict(user="piet", since=date(2024, 3, 1), until=date(2024, 3, 31)),
            "one day, everyone": dict(since=date(2024, 6, 1), until=date(2024, 6, 1)),
            "per user, newest 10 000": dict(user="anna", limit=10_000),
        }
        for label, kwargs in cases.items():
            ms, found = best_ms(lambda kwargs=kwargs: audit_entries(factory(), **kwargs))
            print(f"{label:28s} {len(found):6d} entries  {ms:7.1f} ms  (target ≤ 200 ms)")

        def check():
            with factory() as uow:
                return authorize(uow, Permission.TREES)

        ms, _ = best_ms(check, repeat=20)
        print(f"{'role check (no users)':28s} {ms:7.2f} ms")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
