"""Benchmark: Bomenplan PDF per wijk (target ≤ 3 s for 5k trees) and for the whole municipality
(≤ 60 s for 300k), and 3-30-300 for 50k dwellings × 300k trees (≤ 10 s).

Uses the real 300k register (real_register.py, copied to a temp folder); it has no wijk or
buurt, so wijken (1,2 km cells) and buurten (400 m cells) are assigned from the position in memory.
Dwellings (10 × 8 m) and parks (0,3–3 ha) are generated. Wall and CPU time are printed: on a shared,
loaded machine the wall time can be 2-3× the CPU time. Run: python bench/bench_bomenplan.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import shapely
from real_register import real_300k_register

from bomenplan.cli.context import uow_factory
from bomenplan.reports.bomenplan_report import write_bomenplan
from bomenplan.services.bomenplan_report import Scope, assemble
from bomenplan.services.monitor_3_30_300 import run_monitor


class _WithColumns:
    """A unit of work whose register columns are replaced (all else is the real one)."""

    def __init__(self, uow, cols):
        self._uow, self._cols = uow, cols

    def __enter__(self):
        self._uow.__enter__()
        return self

    def __exit__(self, *exc):
        return self._uow.__exit__(*exc)

    def __getattr__(self, name):
        if name == "trees":
            real = self._uow.trees
            cols = self._cols
            return type("Trees", (), {"columns": lambda _self: cols,
                                      "__getattr__": lambda _self, n: getattr(real, n)})()
        return getattr(self._uow, name)


def _cells(x, y, size):
    return np.array([f"{int(a // size)}_{int(b // size)}" for a, b in zip(x, y, strict=True)], dtype=object)


def main() -> int:
    source = real_300k_register()
    if not source.exists():
        print(f"{source} ontbreekt; benchmark overgeslagen")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="bench_bomenplan_"))
    db = folder / "ams300k.sqlite"
    shutil.copy(source, db)
    factory = uow_factory(db)
    with factory() as uow:
        cols = uow.trees.columns()
    cols.wijk = _cells(cols.x, cols.y, 1200.0)
    cols.buurt = _cells(cols.x, cols.y, 400.0)
    wrapped = lambda: _WithColumns(factory(), cols)  # noqa: E731
    wijk, n = min(Counter(cols.wijk).items(), key=lambda kv: abs(kv[1] - 5000))
    for scope, target in ((Scope("wijk", wijk), 3.0), (Scope("alles"), 60.0)):
        t0, c0 = time.perf_counter(), time.process_time()
        pages = write_bomenplan(assemble(wrapped, scope, date(2026, 11, 30)), folder / "b.pdf")
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"rapport {scope.title} ({n if scope.kind == 'wijk' else len(cols)} bomen, {pages} p.): "
              f"{took:.2f} s, cpu {cpu:.2f} s (doel ≤ {target:g} s)")
    rng = np.random.default_rng(1)
    pick = rng.choice(len(cols), 50_000, replace=False)
    hx, hy = cols.x[pick] + rng.uniform(8, 20, 50_000), cols.y[pick] + rng.uniform(8, 20, 50_000)
    houses = shapely.box(hx, hy, hx + 10, hy + 8)
    px, py = rng.uniform(cols.x.min(), cols.x.max(), 800), rng.uniform(cols.y.min(), cols.y.max(), 800)
    parks = shapely.buffer(shapely.points(px, py), rng.uniform(30, 100, 800))
    t0, c0 = time.perf_counter(), time.process_time()
    result = run_monitor(cols, houses, parks)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"3-30-300: {len(houses)} woningen × {int((cols.status == 'levend').sum())} bomen, "
          f"{len(result.buurten)} buurten: {took:.2f} s, cpu {cpu:.2f} s (doel ≤ 10 s)")
    shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
