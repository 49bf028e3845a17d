"""Quality of lanen: completeness, gaps, size/age uniformity and species uniformity.

A replacement that is much thinner or much younger than its row neighbours is flagged (the
Assen Hoofdlaan problem: small new trees look out of place among the old ones). Thresholds are
an editable dataclass; the classification is goed / matig / slecht.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from bomenplan.domain.laan import Laan
from bomenplan.domain.laan_gaps import Gap, RowTrees, find_gaps_bulk
from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.domain.register_columns import MISSING_YEAR, RegisterColumns

NEIGHBOURS_EACH_SIDE = 2


class LaanKwaliteit(StrEnum):
    GOED = "goed"
    MATIG = "matig"
    SLECHT = "slecht"


@dataclass(frozen=True)
class QualityThresholds:
    goed_completeness_pct: float = 95.0
    matig_completeness_pct: float = 80.0
    goed_misfit_share: float = 0.05  # share of living trees that are misfit replacements
    matig_misfit_share: float = 0.20
    misfit_diameter_ratio: float = 0.5  # thinner than half the neighbours' median diameter
    misfit_age_gap_years: int = 20  # planted this many years after the neighbours' median


@dataclass(frozen=True)
class LaanQuality:
    laan_index: int
    laan_id: int | None
    expected: int
    living: int
    missing: int
    n_gaps: int
    completeness_pct: float
    misfit_tree_ids: tuple[int, ...]
    dominant_species: str
    species_share: float  # share of living trees of the dominant species
    kwaliteit: LaanKwaliteit

    @property
    def misfit_share(self) -> float:
        return len(self.misfit_tree_ids) / self.living if self.living else 0.0


@dataclass(frozen=True)
class LanenAnalysis:
    gaps: list[Gap]
    quality: list[LaanQuality]

    def gaps_of(self, laan_index: int) -> list[Gap]:
        return [g for g in self.gaps if g.laan_index == laan_index]


def classify(completeness_pct: float, misfit_share: float, t: QualityThresholds) -> LaanKwaliteit:
    if completeness_pct >= t.goed_completeness_pct and misfit_share <= t.goed_misfit_share:
        return LaanKwaliteit.GOED
    if completeness_pct >= t.matig_completeness_pct and misfit_share <= t.matig_misfit_share:
        return LaanKwaliteit.MATIG
    return LaanKwaliteit.SLECHT


def analyse_lanen(lanen: list[Laan], cols: RegisterColumns, tolerance: float | None = None,
                  thresholds: QualityThresholds = QualityThresholds(),
                  progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> LanenAnalysis:
    """Gaps and quality of every laan in one bulk pass over the register."""
    gaps, rt = find_gaps_bulk(lanen, cols, tolerance, lambda f: progress(0.8 * f), cancelled)
    n = len(lanen)
    laan_of_tree = rt.row_laan[rt.row] if len(rt.row) else np.empty(0, dtype=np.int64)
    living = np.bincount(laan_of_tree, minlength=n)
    expected = np.bincount(rt.row_laan, weights=rt.expected, minlength=n).astype(int)
    n_gaps = np.bincount([g.laan_index for g in gaps], minlength=n)
    misfit = _misfits(rt, cols, thresholds)
    misfit_ids: list[list[int]] = [[] for _ in range(n)]
    for li, tid in zip(laan_of_tree[misfit].tolist(), cols.id[rt.tree[misfit]].tolist(), strict=True):
        misfit_ids[li].append(int(tid))
    species, share = _dominant_species(laan_of_tree, rt.tree, cols, n)
    quality = []
    for i in range(n):
        exp = int(expected[i])
        complete = 100.0 * living[i] / exp if exp else 0.0
        ids = tuple(dict.fromkeys(misfit_ids[i]))
        mshare = len(ids) / living[i] if living[i] else 0.0
        quality.append(LaanQuality(
            laan_index=i, laan_id=lanen[i].id, expected=exp, living=int(living[i]),
            missing=max(exp - int(living[i]), 0), n_gaps=int(n_gaps[i]),
            completeness_pct=round(float(complete), 1), misfit_tree_ids=ids,
            dominant_species=species[i], species_share=share[i],
            kwaliteit=classify(complete, mshare, thresholds)))
    progress(1.0)
    return LanenAnalysis(gaps=gaps, quality=quality)


def _misfits(rt: RowTrees, cols: RegisterColumns, t: QualityThresholds) -> np.ndarray:
    """Living trees much thinner or younger than the median of their row neighbours."""
    m = len(rt.row)
    if not m:
        return np.zeros(0, dtype=bool)
    diameter = cols.stamdiameter_cm[rt.tree].astype(float)
    year = cols.plantjaar[rt.tree].astype(float)
    year[year == MISSING_YEAR] = np.nan
    offsets = [o for o in range(-NEIGHBOURS_EACH_SIDE, NEIGHBOURS_EACH_SIDE + 1) if o]
    nd = np.full((m, len(offsets)), np.nan)
    ny = np.full((m, len(offsets)), np.nan)
    idx = np.arange(m)
    for c, o in enumerate(offsets):
        j = idx + o
        ok = (j >= 0) & (j < m)
        ok[ok] &= rt.row[j[ok]] == rt.row[idx[ok]]
        nd[ok, c] = diameter[j[ok]]
        ny[ok, c] = year[j[ok]]
    with np.errstate(invalid="ignore"), _quiet_nan():
        med_d = np.nanmedian(nd, axis=1)
        med_y = np.nanmedian(ny, axis=1)
        thin = diameter < t.misfit_diameter_ratio * med_d
        young = year > med_y + t.misfit_age_gap_years
    return thin | young


class _quiet_nan:
    """Silence numpy's 'All-NaN slice' warning: unknown sizes are simply not compared."""

    def __enter__(self):
        import warnings

        self._ctx = warnings.catch_warnings()
        self._ctx.__enter__()
        warnings.simplefilter("ignore", RuntimeWarning)

    def __exit__(self, *exc):
        return self._ctx.__exit__(*exc)


def _dominant_species(laan_of_tree, tree, cols, n) -> tuple[list[str], list[float]]:
    names: dict[str, int] = {}
    codes = np.fromiter((names.setdefault(s, len(names)) for s in cols.species_name[tree]),
                        dtype=np.int64, count=len(tree))
    species, share = [""] * n, [0.0] * n
    if not len(codes):
        return species, share
    key = laan_of_tree * len(names) + codes
    uniq, counts = np.unique(key, return_counts=True)
    laan, code = uniq // len(names), uniq % len(names)
    order = np.lexsort((-counts, laan))
    laan, code, counts = laan[order], code[order], counts[order]
    first = np.ones(len(laan), dtype=bool)
    first[1:] = laan[1:] != laan[:-1]
    totals = np.bincount(laan, weights=counts, minlength=n)
    by_code = list(names)
    for li, c, k in zip(laan[first].tolist(), code[first].tolist(), counts[first].tolist(), strict=True):
        species[li], share[li] = by_code[c], round(float(k / totals[li]), 3)
    return species, share
