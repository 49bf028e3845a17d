"""Lanen on a real register (e.g. Amsterdam 247k / its 300k version): detection time, lanen,
candidates skipped by reason, boomgroep inferred, and the gap analysis time. Read-only.

Targets (issue 5/9): detection ≤ 10 s and gap analysis ≤ 2 s at 300k, and no abort.
Run: python bench/bench_lanen_real.py --db REGISTER [--runs 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bomenplan.domain.laan_detection import detect_lanen_report  # noqa: E402
from bomenplan.domain.laan_quality import analyse_lanen  # noqa: E402
from bomenplan.persistence.database import open_database  # noqa: E402
from bomenplan.persistence.unit_of_work import SqlUnitOfWork  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    engine, sessions = open_database(args.db, migrate=False)  # reads only
    with SqlUnitOfWork(sessions) as uow:
        cols = uow.trees.columns()
    detect_times, gap_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        found = detect_lanen_report(cols)
        detect_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        analysis = analyse_lanen(found.lanen, cols)
        gap_times.append(time.perf_counter() - start)
    engine.dispose()
    print(f"{len(cols):,} trees | detection {min(detect_times):.2f} s -> {len(found.lanen):,} lanen "
          f"({sum(len(la.tree_ids) for la in found.lanen):,} trees) | gap analysis "
          f"{min(gap_times):.2f} s -> {len(analysis.gaps):,} gaps")
    for reason, n in sorted(found.skipped.items(), key=lambda kv: -kv[1]):
        print(f"  {n:,} kandidaten overgeslagen: {reason}")
    print("  boomgroep inferred: " + ", ".join(f"{g} {n:,}" for g, n in sorted(found.inferred.items())))


if __name__ == "__main__":
    main()
