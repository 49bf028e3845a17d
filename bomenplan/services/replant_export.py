"""Batch replanting advice for planners: the ranked options of every laan (or one) to CSV."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bomenplan.domain.errors import NotFound
from bomenplan.domain.progress import ProgressFn, no_progress
from bomenplan.domain.replanting import ReplantOption
from bomenplan.domain.sortiment import Profiel
from bomenplan.domain.sortiment_check import MatrixCheck
from bomenplan.services.csv_output import write_csv
from bomenplan.services.lanen import DEFAULT_PROFIEL, active_lanen, replanting_for_laan
from bomenplan.services.sortiment_data import replant_data

COLUMNS = ("laan_id", "laan", "rank", "strategy", "species", "score", "pattern", "planting_size",
           "reasons")


@dataclass(frozen=True)
class ReplantExport:
    lanen: int
    rows: int
    check: MatrixCheck  # the matrix check against the catalogue (conflicts and ties)


def option_row(laan, rank: int, option: ReplantOption) -> tuple:
    reasons = " | ".join(f"{r.criterion} ({r.verdict}): {r.text}" for r in option.reasons)
    return (laan.id, laan.name, rank, str(option.strategy), "|".join(option.species),
            f"{option.score:g}", option.pattern, option.planting_size, reasons)


def export_replanting(uow_factory: Callable, path, laan_name: str | None = None,
                      profiel: Profiel = DEFAULT_PROFIEL, near_play_or_school: bool | None = None,
                      monumental: bool | None = None,
                      progress: ProgressFn = no_progress) -> ReplantExport:
    """Write one row per option (best first within each laan); raises NotFound for an unknown
    laan name. Location facts left None come from each laan's stored facts."""
    lanen = active_lanen(uow_factory())
    if laan_name is not None:
        lanen = [laan for laan in lanen if laan.name == laan_name or laan.straat == laan_name]
        if not lanen:
            raise NotFound(f"laan {laan_name!r}")
    data = replant_data(uow_factory())
    with uow_factory() as uow:
        cols = uow.trees.columns()
    rows = []
    for i, laan in enumerate(lanen):
        options = replanting_for_laan(uow_factory(), laan.id, profiel, cols=cols,
                                      near_play_or_school=near_play_or_school,
                                      monumental=monumental, data=data)
        rows += [option_row(laan, rank, o) for rank, o in enumerate(options, start=1)]
        progress((i + 1) / len(lanen))
    write_csv(path, COLUMNS, rows)
    return ReplantExport(len(lanen), len(rows), data[2])
