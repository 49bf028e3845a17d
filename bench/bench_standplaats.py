"""Benchmark of the standplaats feature on the real 300k register (issue 12 targets).

Targets: redevelopment check of a 2 km² plan area against 300k trees ≤ 200 ms; soil-volume summary
for all wijken ≤ 1 s. The register is copied first (the copy gets migration 0017 and, for the soil
summary, standplaats records with random volumes on a third of the sites). The Amsterdam register has
no crown or stem sizes, so the check is timed both as is (all sizes unknown) and with random sizes.
Run: python bench/bench_standplaats.py [--db REGISTER] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import shapely
from real_register import real_300k_register
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bomenplan.domain.plan_check import check_plan, prepare_plan  # noqa: E402
from bomenplan.persistence.database import open_database  # noqa: E402
from bomenplan.persistence.unit_of_work import SqlUnitOfWork  # noqa: E402
from bomenplan.services.plan_check import check_plan_area  # noqa: E402
from bomenplan.services.soil_summary import soil_report, soil_summary  # noqa: E402


def timed(fn, runs: int):
    """(result, min wall s, median wall s, median CPU s). The machine is shared, so CPU time is
    printed next to wall time."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return result, min(times), statistics.median(times), statistics.median(cpu)


def add_standplaats_records(sessions, share: float = 1 / 3, seed: int = 12) -> int:
    rng = np.random.default_rng(seed)
    with sessions() as session:
        ids = np.array(session.execute(text("SELECT id FROM site")).scalars().all())
        chosen = rng.choice(ids, size=int(len(ids) * share), replace=False)
        volumes = rng.uniform(2.0, 120.0, size=len(chosen))
        session.execute(text("INSERT OR IGNORE INTO standplaats (site_id, verharding, bodemvolume_m3, "
                             "opmerkingen, version) VALUES (:s, 'onbekend', :v, '', 1)"),
                        [{"s": int(s), "v": float(v)} for s, v in zip(chosen, volumes, strict=True)])
        session.commit()
    return len(chosen)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=None, help="default: the real Amsterdam 300k register")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "register.sqlite"
        shutil.copy(args.db or real_300k_register(), db)
        engine, sessions = open_database(db)
        uow = SqlUnitOfWork(sessions)
        with uow:
            start = time.perf_counter()
            trees = uow.plans.protection_columns()
            read_s = time.perf_counter() - start
            bounds = uow.plans.register_bounds()
        cx, cy = float(np.median(trees.x)), float(np.median(trees.y))
        r = np.sqrt(2e6 / np.pi)  # 2 km² disc, 64-gon
        plan, _ = prepare_plan([shapely.Point(cx, cy).buffer(r, quad_segs=16)], bounds)
        print(f"register: {len(trees.x)} levende bomen; lezen {read_s * 1000:.0f} ms; plan {plan.area / 1e6:.2f} km²")
        rng = np.random.default_rng(5)
        sized = replace(trees, crown_diameter_m=rng.uniform(2, 16, len(trees.x)),
                        stem_diameter_cm=rng.uniform(10, 120, len(trees.x)))
        for label, cols in (("afmetingen onbekend", trees), ("willekeurige afmetingen", sized)):
            found, best, median, cpu = timed(lambda c=cols: check_plan(plan, c), args.runs)
            verdict = "OK" if best <= 0.2 else "TE TRAAG"
            print(f"plancheck 2 km² ({label}): {len(found)} bomen geraakt; min {best * 1000:.0f} ms, "
                  f"mediaan {median * 1000:.0f} ms, cpu {cpu * 1000:.0f} ms (doel ≤ 200 ms) {verdict}")
        disc = [shapely.Point(cx, cy).buffer(r, quad_segs=16)]
        result, best, median, cpu = timed(lambda: check_plan_area(uow, disc, "bench", save=False), args.runs)
        print(f"plancheck 2 km² met lezen uit de database (service): {len(result.affected)} bomen; "
              f"min {best * 1000:.0f} ms, mediaan {median * 1000:.0f} ms, cpu {cpu * 1000:.0f} ms")
        n = add_standplaats_records(sessions)
        summary, best, median, cpu = timed(lambda: soil_summary(uow), args.runs)
        short = sum(s.n_short for s in summary)
        verdict = "OK" if best <= 1.0 else "TE TRAAG"
        print(f"bodemvolume-overzicht: {len(summary)} wijken, {n} standplaatsen, {short} bomen met tekort; "
              f"min {best * 1000:.0f} ms, mediaan {median * 1000:.0f} ms, cpu {cpu * 1000:.0f} ms "
              f"(doel ≤ 1 s) {verdict}")
        report, best, median, cpu = timed(lambda: soil_report(uow), args.runs)
        print(f"tekortenrapport per boom/straat/wijk ({len(report.columns['tree_id'])} bomen met standplaats): "
              f"min {best * 1000:.0f} ms, mediaan {median * 1000:.0f} ms, cpu {cpu * 1000:.0f} ms")
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
