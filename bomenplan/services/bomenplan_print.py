"""The whole Bomenplan print as one job for a worker: gather the figures, draw the PDF next to
the target and put it in place only when it is complete. A cancelled job leaves no file. The PDF
writer comes from the report-writer registry (reports/registry.py, plugged in by app.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bomenplan.domain.fund_ledger import VvogFactors
from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from bomenplan.services.bomenplan_report import Scope, assemble
from bomenplan.services.bomenplan_value import DEFAULT_VVOG
from bomenplan.services.report_writers import writer
from bomenplan.services.safe_files import replacing

GATHER_SHARE = 0.6  # of the progress bar: gathering the figures; the rest is drawing the PDF


@dataclass(frozen=True)
class PrintResult:
    path: str
    pages: int
    n_trees: int
    title: str


def print_bomenplan(uow_factory, scope: Scope, out: str | Path, on: date | None = None,
                    factors: VvogFactors = DEFAULT_VVOG, progress: ProgressFn = no_progress,
                    cancelled: CancelledFn = never_cancelled, monitor=None) -> PrintResult:
    """Write the Bomenplan of `scope` to `out`; raises Cancelled (no file written) when asked.
    `monitor`: the last 3-30-300 result (services/monitor_3_30_300.py) to include, or None."""
    data = assemble(uow_factory, scope, on or date.today(), lambda f: progress(GATHER_SHARE * f),
                    cancelled, monitor=monitor, factors=factors)
    check_cancelled(cancelled)

    def drawn(fraction: float) -> None:
        check_cancelled(cancelled)
        progress(GATHER_SHARE + (1 - GATHER_SHARE) * fraction)

    with replacing(out) as temp:
        pages = writer("bomenplan")(data, temp, drawn)
        check_cancelled(cancelled)
    progress(1.0)
    return PrintResult(str(out), pages, data.n_trees, data.scope.title)
