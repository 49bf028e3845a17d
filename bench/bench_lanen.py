"""Benchmark of the lanen analyses on generated registers (issue 5 targets).

Targets: gap analysis over all lanen of a 300k register ≤ 2 s, 1M ≤ 4× that; laan detection on
300k ≤ 10 s. Also prints precision / recall of the gaps found on the generated cases.
Run: python bench/bench_lanen.py [--sizes 300000 1000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "unit")]

from laan_generator import city, generate, precision_recall  # noqa: E402

from bomenplan.domain.laan_detection import detect_lanen  # noqa: E402
from bomenplan.domain.laan_quality import analyse_lanen  # noqa: E402


def timed(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, min(times), statistics.median(times)


def matched_share(a: np.ndarray, b: np.ndarray, max_distance: float) -> float:
    """Share of points of a with a point of b within max_distance (bulk STRtree)."""
    if not len(a):
        return 1.0
    if not len(b):
        return 0.0
    tree = shapely.STRtree(shapely.points(b))
    _, dist = tree.query_nearest(shapely.points(a), return_distance=True, all_matches=False)
    return float((dist <= max_distance).mean())


def bench_size(n: int, runs: int, detect_runs: int) -> float:
    gen = city(n)
    cols = gen.cols
    lanen, dmin, dmed = timed(lambda: detect_lanen(cols), detect_runs)
    analysis, gmin, gmed = timed(lambda: analyse_lanen(lanen, cols), runs)
    found = np.array([p for g in analysis.gaps for p in g.positions])
    truth = np.array(gen.true_gaps)
    precision = matched_share(found, truth, 4.0)
    recall = matched_share(truth, found, 4.0)
    print(f"{len(cols):>9,} trees | detection {dmin:6.2f} / {dmed:6.2f} s -> {len(lanen):,} lanen | "
          f"gap analysis {gmin:5.2f} / {gmed:5.2f} s -> {len(analysis.gaps):,} gaps, "
          f"{len(found):,} missing | precision {precision:.3f} recall {recall:.3f}")
    return gmed


def cases() -> None:
    from test_laan_gaps import CASES

    print("\ngenerated cases (with 300 random park trees each): precision / recall of gap positions")
    for name, spec in CASES.items():
        gen = generate([spec], park_trees=300, seed=3)
        lanen = detect_lanen(gen.cols)
        analysis = analyse_lanen(lanen, gen.cols)
        found = [p for g in analysis.gaps for p in g.positions]
        p, r = precision_recall(found, gen.true_gaps, spec.spacing / 2)
        print(f"  {name:<24} lanen {len(lanen)}  true {len(gen.true_gaps):2d}  found {len(found):2d}  "
              f"precision {p:.2f}  recall {r:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[300_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("times are min / median wall-clock seconds")
    medians = {n: bench_size(n, args.runs, args.runs if n <= 300_000 else 1) for n in args.sizes}
    if 300_000 in medians and 1_000_000 in medians:
        print(f"gap analysis 1M / 300k: {medians[1_000_000] / medians[300_000]:.2f}× (target ≤ 4×)")
    cases()


if __name__ == "__main__":
    main()
