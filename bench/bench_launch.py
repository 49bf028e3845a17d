"""Launch as a user meets it, beside the floor (issue 9 §3).

From the shell clock (started before spawning), runs `python3 main.py --db DB` with the start-up
probe (BOMENPLAN_STARTUP_REPORT) N times, alternating with `bench/floor_window.py` on the same
register, and prints medians: first paint, start-up work done, max event-loop stall after the
first paint, peak RSS, and the ratios app / floor. Not a timed test; it prints figures.

Run: python3 bench/bench_launch.py [--runs 5] [--db REGISTER] [--synthetic]
Targets: first paint ≤ 1.5× floor; start-up done ≤ 2× floor idle; max stall ≤ 100 ms;
peak RSS ≤ 600 MB. Each app run opens a copy of the register and a fresh settings folder;
bytecode is cached as in an installed app (a first, uncounted run migrates and compiles).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from real_register import real_300k_register

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC_DB = Path("/tmp/bench_gui_300k.sqlite")  # what bench_gui.py builds
FIELDS = ("first_paint_s", "startup_done_s", "max_stall_ms_after_first_paint", "peak_rss_mb")


def run_once(command: list[str], workdir: Path) -> dict:
    report = workdir / "startup.json"
    report.unlink(missing_ok=True)
    env = dict(os.environ, BOMENPLAN_STARTUP_REPORT=str(report), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(workdir / "config"), PYTHONPATH=str(ROOT))
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-root")
    # As installed: compiled bytecode is cached (here under the bench's folder), not recompiled.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    spawned = time.time()  # the shell clock: before the interpreter exists
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    exited = time.time()
    if completed.returncode != 0 or not report.exists():
        raise RuntimeError(f"{command} failed ({completed.returncode}):\n{completed.stderr[-2000:]}")
    figures = json.loads(report.read_text())
    figures["first_paint_s"] = figures["first_paint_epoch"] - spawned
    figures["startup_done_s"] = figures["startup_done_epoch"] - spawned
    figures["exit_s"] = exited - spawned
    return figures


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def bench(db: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench_launch_") as tmp:
        workdir = Path(tmp)
        copy = workdir / db.name
        shutil.copy(db, copy)  # the app may migrate; the original stays untouched
        app_cmd = [sys.executable, "main.py", "--db", str(copy)]
        floor_cmd = [sys.executable, "bench/floor_window.py", str(copy)]
        run_once(app_cmd, workdir)  # migrate once and warm the file cache; not counted
        app, floor = [], []
        for i in range(runs):
            app.append(run_once(app_cmd, workdir))
            floor.append(run_once(floor_cmd, workdir))
            print(f"  run {i + 1}: app paint {app[-1]['first_paint_s']:.2f} s, done "
                  f"{app[-1]['startup_done_s']:.2f} s, stall "
                  f"{app[-1]['max_stall_ms_after_first_paint']:.0f} ms | floor paint "
                  f"{floor[-1]['first_paint_s']:.2f} s, idle {floor[-1]['startup_done_s']:.2f} s",
                  flush=True)
    print(f"\n{db} — medians of {runs} runs, from process spawn")
    print(f"{'':28}{'app':>10}{'floor':>10}{'ratio':>8}  target")
    paint_a, paint_f = median(app, "first_paint_s"), median(floor, "first_paint_s")
    done_a, idle_f = median(app, "startup_done_s"), median(floor, "startup_done_s")
    print(f"{'first paint (s)':28}{paint_a:10.2f}{paint_f:10.2f}{paint_a / paint_f:8.2f}  ≤ 1.5")
    print(f"{'start-up done / idle (s)':28}{done_a:10.2f}{idle_f:10.2f}{done_a / idle_f:8.2f}  ≤ 2.0")
    cpu = ("first_paint_cpu_s", "startup_done_cpu_s")
    for label, key in (("  CPU s to first paint", cpu[0]), ("  CPU s to done / idle", cpu[1])):
        a, f = median(app, key), median(floor, key)
        print(f"{label:28}{a:10.2f}{f:10.2f}{a / f:8.2f}  (all threads; steadier under load)")
    print(f"{'max stall after paint (ms)':28}{median(app, FIELDS[2]):10.0f}"
          f"{median(floor, FIELDS[2]):10.0f}{'':8}  ≤ 100 (app); worst app run "
          f"{max(r[FIELDS[2]] for r in app):.0f}")
    print(f"{'peak RSS (MB)':28}{median(app, FIELDS[3]):10.0f}{median(floor, FIELDS[3]):10.0f}"
          f"{'':8}  ≤ 600 (app)")
    unfinished = sum(not r.get("finished", True) for r in app)
    if unfinished:
        print(f"WARNING: {unfinished} app runs gave up before start-up work finished")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="register (default: the real Amsterdam 300k, "
                        "built once by real_register.py from ../shared/data)")
    parser.add_argument("--synthetic", action="store_true",
                        help=f"also the synthetic register of bench_gui.py ({SYNTHETIC_DB})")
    args = parser.parse_args()
    bench(args.db or real_300k_register(), args.runs)
    if args.synthetic:
        if not SYNTHETIC_DB.exists():
            print(f"\n{SYNTHETIC_DB} missing: build it with bench/bench_gui.py first")
        else:
            bench(SYNTHETIC_DB, args.runs)


if __name__ == "__main__":
    main()
