"""Santamour's 10-20-30 rule: at most 10 % of one species, 20 % of one genus, 30 % of one family.

Computed with numpy over whole-register columns, for the whole stock or per group (wijk, laan,
any label array). Shares count trees whose taxon at that level is known (non-empty); trees with
an unknown taxon are reported separately. Counts are integers, so the comparison with a limit is
exact (count × 100 > limit × total).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bomenplan.domain.errors import ValidationError

LEVELS = ("species", "genus", "family")


@dataclass(frozen=True)
class DiversityLimits:
    species: float = 10.0
    genus: float = 20.0
    family: float = 30.0

    def of(self, level: str) -> float:
        return getattr(self, level)


SANTAMOUR = DiversityLimits()


@dataclass(frozen=True)
class TaxonShare:
    level: str
    taxon: str
    count: int
    total: int  # trees in the group with a known taxon at this level
    limit: float

    @property
    def percent(self) -> float:
        return 100.0 * self.count / self.total if self.total else 0.0

    @property
    def exceeded(self) -> bool:
        return self.count * 100 > self.limit * self.total


@dataclass(frozen=True)
class GroupDiversity:
    group: str
    trees: int
    unknown: dict[str, int]  # level → trees without a known taxon at that level
    top: dict[str, tuple[TaxonShare, ...]]  # level → largest shares, descending

    @property
    def warnings(self) -> tuple[TaxonShare, ...]:
        return tuple(s for level in LEVELS for s in self.top[level] if s.exceeded)

    def largest(self, level: str) -> TaxonShare | None:
        shares = self.top[level]
        return shares[0] if shares else None


@dataclass(frozen=True)
class TaxonColumns:
    """Per tree: species (without cultivar), genus and family labels ("" = unknown)."""

    species: np.ndarray
    genus: np.ndarray
    family: np.ndarray

    def level(self, name: str) -> np.ndarray:
        return getattr(self, name)


def factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes per element and the distinct labels (first-seen order); a dict is ~10× faster
    than np.unique on object arrays of strings."""
    items = values.tolist()
    seen = {v: i for i, v in enumerate(dict.fromkeys(items))}  # C-level loops only
    codes = np.fromiter(map(seen.__getitem__, items), dtype=np.int64, count=len(items))
    labels = np.empty(len(seen), dtype=object)
    labels[:] = list(seen)
    return codes, labels


def santamour(taxa: TaxonColumns, groups: np.ndarray | None = None,
              limits: DiversityLimits = SANTAMOUR, top_n: int = 10) -> list[GroupDiversity]:
    """Diversity per group (one result per distinct group label; None = whole stock).

    top_n ≥ 10 keeps every taxon that can exceed a limit (at most 9 shares exceed 10 %).
    """
    n = len(taxa.species)
    if groups is None:
        groups = np.full(n, "", dtype=object)
    if len(groups) != n or len(taxa.genus) != n or len(taxa.family) != n:
        raise ValidationError("groups", "kolommen hebben verschillende lengtes")
    group_codes, group_labels = factorize(groups)
    n_groups = len(group_labels)
    trees = np.bincount(group_codes, minlength=n_groups)
    per_level = {}
    for level in LEVELS:
        codes, labels = factorize(taxa.level(level))
        known_label = labels != ""
        counts = np.bincount(group_codes * len(labels) + codes,
                             minlength=n_groups * len(labels)).reshape(n_groups, len(labels))
        counts[:, ~known_label] = 0
        per_level[level] = (counts, labels)
    results = []
    for g in sorted(range(n_groups), key=lambda i: str(group_labels[i])):
        top, unknown = {}, {}
        for level, (counts, labels) in per_level.items():
            row = counts[g]
            total = int(row.sum())
            unknown[level] = int(trees[g]) - total
            order = np.argsort(-row, kind="stable")[:top_n]
            top[level] = tuple(TaxonShare(level, str(labels[i]), int(row[i]), total, limits.of(level))
                               for i in order if row[i] > 0)
        results.append(GroupDiversity(str(group_labels[g]), int(trees[g]), unknown, top))
    return results


@dataclass(frozen=True)
class WhatIf:
    before: GroupDiversity
    after: GroupDiversity
    planted: dict[str, str]  # level → taxon planted

    def share_change(self, level: str) -> tuple[float, float]:
        """Percentage of the planted taxon at `level` before and after."""
        taxon = self.planted[level]
        return _percent_of(self.before, level, taxon), _percent_of(self.after, level, taxon)


def what_if_plant(taxa: TaxonColumns, groups: np.ndarray | None, group: str, count: int,
                  species: str, genus: str, family: str,
                  limits: DiversityLimits = SANTAMOUR) -> WhatIf:
    """"If I plant `count` trees of this species in `group`": the group's diversity before/after."""
    if count < 0:
        raise ValidationError("count", "aantal moet ≥ 0 zijn")
    mask = np.ones(len(taxa.species), bool) if groups is None else (groups == group)
    subset = TaxonColumns(taxa.species[mask], taxa.genus[mask], taxa.family[mask])
    extra = TaxonColumns(*(np.array([v] * count, dtype=object) for v in (species, genus, family)))
    planted = TaxonColumns(*(np.concatenate([subset.level(lv), extra.level(lv)]) for lv in LEVELS))
    top_n = 1_000_000  # keep every taxon so the planted one is always visible
    before = _one_group(santamour(subset, None, limits, top_n), group)
    after = _one_group(santamour(planted, None, limits, top_n), group)
    return WhatIf(before, after, {"species": species, "genus": genus, "family": family})


def _one_group(results: list[GroupDiversity], name: str) -> GroupDiversity:
    if not results:
        return GroupDiversity(name, 0, dict.fromkeys(LEVELS, 0), {lv: () for lv in LEVELS})
    r = results[0]
    return GroupDiversity(name, r.trees, r.unknown, r.top)


def _percent_of(result: GroupDiversity, level: str, taxon: str) -> float:
    for share in result.top[level]:
        if share.taxon == taxon:
            return share.percent
    return 0.0
