"""The report's charts for any set of register rows (the dashboard follows the table filter)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from bomenplan.domain.diversity import LEVELS, TaxonShare
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.services.bomenplan_report import TOP_SPECIES, age_counts, counts

HEIGHT_ORDER = ("0-6 m", "6-9 m", "9-12 m", "12-15 m", "15-18 m", "18-24 m", ">= 24 m", "onbekend")


@dataclass(frozen=True)
class DashboardFigures:
    n_rows: int
    n_living: int
    top_species: list[tuple[str, int]]
    ages: list[tuple[str, int]]
    heights: list[tuple[str, int]]
    largest_shares: tuple[TaxonShare, ...] = ()  # 10-20-30: the largest species, genus and family


def figures_with_diversity(uow_factory, cols: RegisterColumns, rows: np.ndarray | None, year: int) -> DashboardFigures:
    """figures_of plus the 10-20-30 chart: per level the largest share among the living trees of
    `rows`, as in the report (Santamour 1990), with the species matched through the catalogue."""
    from bomenplan.services.species_register import diversity, lookup

    figures = figures_of(cols, rows, year)
    groups = diversity(cols, lookup(uow_factory()), rows=rows)
    if not groups:
        return figures
    largest = tuple(share for share in (groups[0].largest(level) for level in LEVELS) if share is not None)
    return replace(figures, largest_shares=largest)


def figures_of(cols: RegisterColumns, rows: np.ndarray | None, year: int) -> DashboardFigures:
    """Living trees among `rows` (all when None): top species, age classes and height classes."""
    picked = np.arange(len(cols)) if rows is None else np.asarray(rows, dtype=np.int64)
    living = picked[cols.status[picked] == "levend"]
    ages, _unknown = age_counts(cols.plantjaar[living], year)
    return DashboardFigures(len(picked), len(living), counts(cols.species_name[living])[:TOP_SPECIES],
                            ages, counts(cols.hoogteklasse[living], HEIGHT_ORDER))
