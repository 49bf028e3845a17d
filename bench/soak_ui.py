"""Soak test of the UI tests that start background work, under full CPU load (issue 9 §1).

Runs the chosen UI tests (import, export, lanen detection/analysis, species statistics, the
task runner and the gc owner) N times, each run a separate `python -m pytest` process with a
hard wall-clock limit, while every core is kept busy by spinning processes. A run that passes
the limit counts as a hang and is killed (with its children). Prints runs, passes, failures,
hangs (target 0) and the slowest run. It prints figures; it is not a test.
Run: python bench/soak_ui.py [--runs 20] [--limit 600] [--burners N] [-- extra pytest args]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BACKGROUND_WORK_TESTS = [
    "tests/ui/test_import_export_window.py",  # import and export in the worker
    "tests/ui/test_lanen_screen.py",  # lanen detection and analysis in the worker
    "tests/ui/test_species_feature.py",  # species statistics and eco columns
    "tests/ui/test_main_window.py::test_run_task_returns_result_in_gui_thread_and_cancels",
    "tests/ui/test_main_window.py::test_failed_task_is_reported_and_dialog_reused",
    "tests/ui/test_main_window.py::test_task_outliving_its_window_delivers_nowhere",
    "tests/ui/test_gc_owner.py",  # garbage collection stays on the GUI thread
]
HANG_MARKERS = ("+ Timeout +", "Timeout (0:")


def _spin(stop) -> None:
    while not stop.is_set():
        for _ in range(100_000):
            pass


def start_burners(count: int):
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_spin, args=(stop,), daemon=True)
               for _ in range(count)]
    for burner in burners:
        burner.start()
    return stop, burners


def stop_burners(stop, burners) -> None:
    stop.set()
    for burner in burners:
        burner.join(5)
        if burner.is_alive():
            burner.terminate()
            burner.join()


def run_once(tests: list[str], limit_s: float, extra: list[str], log_dir: Path, index: int):
    """One pytest process: ('pass' | 'fail' | 'hang', seconds, log file)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-root")
    log = log_dir / f"run{index:03d}.log"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra, *tests]
    start = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            code = process.wait(timeout=limit_s)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # its own session: the run and its children
            process.wait()
            return "hang", time.perf_counter() - start, log
    seconds = time.perf_counter() - start
    if code == 0:
        return "pass", seconds, log
    text = log.read_text(errors="replace")
    # A test stopped by pytest-timeout or the faulthandler watchdog (tests/conftest.py) hung.
    hung = any(marker in text for marker in HANG_MARKERS)
    return ("hang" if hung else "fail"), seconds, log


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--limit", type=float, default=600.0, help="seconds per run (hang)")
    parser.add_argument("--burners", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--tests", nargs="*", default=BACKGROUND_WORK_TESTS)
    parser.add_argument("--logs", type=Path, default=Path("/tmp/soak_ui"))
    args, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]
    args.logs.mkdir(parents=True, exist_ok=True)

    stop, burners = start_burners(args.burners)
    print(f"{args.runs} runs of {len(args.tests)} test files/ids, {args.burners} CPU burners, "
          f"limit {args.limit:.0f} s per run; logs in {args.logs}", flush=True)
    outcomes = []
    try:
        for index in range(1, args.runs + 1):
            outcome, seconds, log = run_once(args.tests, args.limit, extra, args.logs, index)
            outcomes.append((outcome, seconds, log))
            tail = log.read_text(errors="replace").strip().splitlines()[-1:] or [""]
            print(f"run {index:3d}: {outcome:4s} {seconds:6.1f} s  {tail[0][:90]}", flush=True)
    finally:
        stop_burners(stop, burners)

    times = [seconds for _, seconds, _ in outcomes]
    count = {kind: sum(1 for o, _, _ in outcomes if o == kind) for kind in ("pass", "fail", "hang")}
    slowest = max(outcomes, key=lambda o: o[1]) if outcomes else None
    print(f"runs {len(outcomes)}  passes {count['pass']}  failures {count['fail']}  "
          f"hangs {count['hang']} (target 0)")
    if slowest:
        print(f"slowest run {slowest[1]:.1f} s ({slowest[2].name}), median "
              f"{statistics.median(times):.1f} s, fastest {min(times):.1f} s")
    for outcome, _, log in outcomes:
        if outcome != "pass":
            print(f"  {outcome}: {log}")
    return 0 if count["pass"] == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
