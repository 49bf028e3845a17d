"""Launch timing as a user meets it: from process start to the first painted frame of the map
with trees, and to the moment the deferred start-up work has finished.

Set BOMENPLAN_STARTUP_REPORT=path.json: the app then writes
{first_paint_s, startup_done_s, max_stall_ms_after_first_paint, peak_rss_mb, ...} and quits.
This module imports only the standard library and PySide6, so `bench/floor_window.py` can load
it by file path and measure the bare floor the same way.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

REPORT_ENV = "BOMENPLAN_STARTUP_REPORT"
TICK_MS = 20  # the stall meter: the largest gap between these ticks
DONE_CONFIRM_TICKS = 3  # "done" must hold this many ticks in a row (nothing starts right after)
GIVE_UP_S = 300.0  # after the first paint (not process start: a long test run is older)


def process_age_s() -> float:
    """Seconds since this process was started (Linux /proc; 0.0 elsewhere)."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5); the two before ")" are split off
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return 0.0


def cpu_s() -> float:
    """CPU seconds of this process so far, all threads (steadier than wall time under load)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


class StartupProbe(QObject):
    """Marks the first paint of `paint_target` once `showing()` is true, then ticks every
    TICK_MS until `done()` holds, records the largest tick gap and writes the report."""

    def __init__(self, report_path: str | os.PathLike, paint_target, showing: Callable[[], bool],
                 done: Callable[[], bool], quit_when_done: bool = True):
        super().__init__(QCoreApplication.instance())
        self.report_path = Path(report_path)
        self.paint_target, self.showing, self.done = paint_target, showing, done
        self.quit_when_done = quit_when_done
        self.start_epoch = time.time() - process_age_s()
        self.first_paint_epoch: float | None = None
        self.first_paint_cpu = self._done_cpu = 0.0
        self.done_epoch: float | None = None
        self.max_gap_ms = 0.0
        self._last_tick = 0.0
        self._confirm = 0
        self._candidate_done: float | None = None
        self._painted_pending = False
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        QCoreApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (self.first_paint_epoch is None and not self._painted_pending
                and event.type() == QEvent.Type.Paint and watched is self.paint_target
                and self.showing()):
            self._painted_pending = True
            QTimer.singleShot(0, self._on_painted)  # runs once this frame has been drawn
        return False

    def _on_painted(self) -> None:
        self.first_paint_epoch = time.time()
        self.first_paint_cpu = cpu_s()
        QCoreApplication.instance().removeEventFilter(self)
        self._last_tick = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap_ms = max(self.max_gap_ms, (now - self._last_tick) * 1000)
        self._last_tick = now
        if not self.done():
            self._confirm, self._candidate_done = 0, None
        else:
            if self._candidate_done is None:
                self._candidate_done, self._done_cpu = time.time(), cpu_s()
            self._confirm += 1
        if self._confirm >= DONE_CONFIRM_TICKS or time.time() - self.first_paint_epoch > GIVE_UP_S:
            if self._candidate_done is None:  # gave up
                self._candidate_done, self._done_cpu = time.time(), cpu_s()
            self.done_epoch = self._candidate_done
            self._timer.stop()
            self.write_report()
            if self.quit_when_done:
                QCoreApplication.quit()

    def report(self) -> dict:
        return {
            "first_paint_s": round(self.first_paint_epoch - self.start_epoch, 3),
            "startup_done_s": round(self.done_epoch - self.start_epoch, 3),
            "max_stall_ms_after_first_paint": round(self.max_gap_ms, 1),
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "first_paint_cpu_s": round(self.first_paint_cpu, 3),
            "startup_done_cpu_s": round(self._done_cpu, 3),
            "process_start_epoch": self.start_epoch,
            "first_paint_epoch": self.first_paint_epoch,
            "startup_done_epoch": self.done_epoch,
            "finished": self._confirm >= DONE_CONFIRM_TICKS,
        }

    def write_report(self) -> None:
        self.report_path.write_text(json.dumps(self.report(), indent=2), encoding="utf-8")


def install_from_environment(window) -> StartupProbe | None:
    """The app's hook: a probe on the main window when BOMENPLAN_STARTUP_REPORT is set."""
    path = os.environ.get(REPORT_ENV)
    if not path:
        return None
    map_view = window.map_view
    return StartupProbe(path, map_view.viewport(),
                        showing=lambda: len(map_view.point_ids()) > 0,
                        done=lambda: not window.startup_work_pending())
