"""Matching open laan gap positions with bomenbank trees: ranked proposals with reasons.

For every gap position and every available bank tree (vectorised, in chunks of positions):
- soort: the laan's species (intended species, else the species of its living trees) = 1;
  same genus, or a preferred species of the sortiment matrix for the laan type, = 0.5 when the
  laan is replanted mixed (strategy 'gemengd'), else the tree does not fit; a 'zelfde soort' laan only takes its own species (Groenvisie §4.1: a uniform avenue).
- maat: stem circumference against the mature neighbours, min(r, 1/r) with r = bank / buren
  (the issue: no small replacements among old trees).
- standplaats: rootable soil volume of the position against the volume the user entered for the
  bank tree (Boommonitor numbers are licensed, DOMAIN.md §3): min(1, beschikbaar / nodig).
- afstand: 1 / (1 + km / 5) from the bank tree's location.
- beschikbaarheid: 1 when available by the planting date, lower per month later; a tree no longer
  available on the planting date, or not 'beschikbaar', is never proposed.
The weighted sum ranks the trees per position; the best `per_gap` are returned.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np

from bomenplan.domain.bomenbank import BankStatus, BankTree

UNKNOWN_FIT = 0.75  # standplaats fit when a volume is unknown
UNKNOWN_SIZE_FIT = 0.5  # maat fit when the neighbours' size is unknown
DISTANCE_HALF_KM = 5.0
LATE_MONTHS_HALF = 3.0


@dataclass(frozen=True)
class MatchWeights:
    species: float = 0.35
    size: float = 0.30
    standplaats: float = 0.15
    distance: float = 0.10
    availability: float = 0.10


@dataclass(frozen=True)
class GapDemand:
    """One missing tree position of a laan."""

    laan_id: int | None
    laan_name: str
    x: float
    y: float
    species: tuple[str, ...]  # the species that fit the laan
    mixed: bool = False  # herplantstrategie 'gemengd'
    sortiment: tuple[str, ...] = ()  # preferred species of the sortiment matrix (used when mixed)
    neighbour_stamomtrek_cm: float | None = None
    soil_volume_m3: float | None = None
    gap_index: int = 0  # index of the gap (run) in the laan analysis
    position_index: int = 0  # position within that gap
    cause_tree_id: int | None = None  # stump / felled tree / empty site record at the position


@dataclass(frozen=True, slots=True)
class Proposal:
    demand_index: int
    bank_index: int
    rank: int  # 1 = best for this position
    score: float
    species_fit: float
    size_fit: float
    standplaats_fit: float
    distance_km: float
    availability_fit: float
    reasons: tuple[str, ...]


def genus(name: str) -> str:
    return name.split(" ", 1)[0].strip().lower()


def _species_table(demands: list[GapDemand], bank: list[BankTree]):
    """Per demand a profile index, and a profile × bank-species fit table."""
    names = sorted({t.species_name for t in bank})
    name_code = {n: i for i, n in enumerate(names)}
    profiles: dict[tuple, int] = {}
    profile_of = np.empty(len(demands), dtype=np.int64)
    for i, d in enumerate(demands):
        profile_of[i] = profiles.setdefault((d.species, d.mixed, d.sortiment), len(profiles))
    table = np.zeros((max(len(profiles), 1), max(len(names), 1)))
    for (species, mixed, sortiment), p in profiles.items():
        preferred = {s.lower() for s in sortiment}
        wanted = {s.lower() for s in species}
        genera = {genus(s) for s in species}
        for n, c in name_code.items():
            if n.lower() in wanted:
                table[p, c] = 1.0
            elif mixed and (genus(n) in genera or n.lower() in preferred):
                table[p, c] = 0.5
    bank_code = np.array([name_code[t.species_name] for t in bank], dtype=np.int64)
    return profile_of, table, bank_code


def _months_between(a: date, b: date) -> float:
    return (b - a).days / 30.44


@dataclass
class Proposals:
    """All proposals as columns (cheap to make at 10k × 3); `rows()` gives Proposal objects."""

    demands: list[GapDemand]
    bank: list[BankTree]
    planting_date: date
    demand: np.ndarray
    bank_index: np.ndarray
    rank: np.ndarray
    score: np.ndarray
    species_fit: np.ndarray
    size_fit: np.ndarray
    standplaats_fit: np.ndarray
    distance_km: np.ndarray
    availability_fit: np.ndarray

    def __len__(self) -> int:
        return len(self.demand)

    def rows(self) -> list[Proposal]:
        cols = zip(self.demand.tolist(), self.bank_index.tolist(), self.rank.tolist(),
                   self.score.tolist(), self.species_fit.tolist(), self.size_fit.tolist(),
                   self.standplaats_fit.tolist(), self.distance_km.tolist(),
                   self.availability_fit.tolist(), strict=True)
        texts: dict[int, tuple] = {}
        out = []
        for g, b, r, *rest in cols:
            if b not in texts:
                texts[b] = _bank_texts(self.bank[b], self.planting_date)
            out.append(_proposal(g, b, r, self.demands[g], self.bank[b], *rest, self.planting_date,
                                 texts[b]))
        return out


def match_gaps(demands: list[GapDemand], bank: list[BankTree], planting_date: date,
               per_gap: int = 3, weights: MatchWeights = MatchWeights(),
               chunk: int = 2000) -> list[Proposal]:
    """The best `per_gap` bank trees for every demand, best first, with Dutch reasons."""
    return match_columns(demands, bank, planting_date, per_gap, weights, chunk).rows()


def match_columns(demands: list[GapDemand], bank: list[BankTree], planting_date: date,
                  per_gap: int = 3, weights: MatchWeights = MatchWeights(),
                  chunk: int = 2000) -> Proposals:
    """As match_gaps, as columns sorted by demand and rank. Demands are grouped by species
    profile and scored only against the bank trees of fitting species."""
    b = _BankArrays(bank, planting_date)
    parts: list[tuple] = []
    if demands and bank:
        profile_of, table, bank_code = _species_table(demands, bank)
        g = _DemandArrays(demands)
        for p in range(table.shape[0]):
            cand = np.flatnonzero((table[p, bank_code] > 0) & b.usable)
            members = np.flatnonzero(profile_of == p)
            if not len(cand) or not len(members):
                continue
            sp_c = table[p, bank_code[cand]]
            for start in range(0, len(members), chunk):
                parts.append(_score_block(members[start:start + chunk], cand, sp_c, g, b, per_gap,
                                          weights))
    cols = [np.concatenate([part[i] for part in parts]) if parts else np.empty(0) for i in range(9)]
    order = np.lexsort((cols[2], cols[0])) if parts else np.empty(0, dtype=np.int64)
    cols = [c[order] for c in cols]
    return Proposals(demands, bank, planting_date, cols[0].astype(np.int64), cols[1].astype(np.int64),
                     cols[2].astype(np.int64), *cols[3:])


class _BankArrays:
    def __init__(self, bank: list[BankTree], planting_date: date):
        self.x = np.array([t.x for t in bank])
        self.y = np.array([t.y for t in bank])
        self.size = np.array([t.stamomtrek_cm for t in bank])
        self.soil = np.array([np.nan if t.min_soil_volume_m3 is None else t.min_soil_volume_m3
                              for t in bank])
        self.usable = np.array([t.status is BankStatus.BESCHIKBAAR
                                and (t.available_until is None or t.available_until >= planting_date)
                                for t in bank], dtype=bool)
        late = np.array([max(0.0, _months_between(planting_date, t.available_from))
                         if t.available_from else 0.0 for t in bank])
        self.avail = 1.0 / (1.0 + late / LATE_MONTHS_HALF)


class _DemandArrays:
    def __init__(self, demands: list[GapDemand]):
        self.x = np.array([d.x for d in demands])
        self.y = np.array([d.y for d in demands])
        self.size = np.array([np.nan if d.neighbour_stamomtrek_cm is None else d.neighbour_stamomtrek_cm
                              for d in demands])
        self.soil = np.array([np.nan if d.soil_volume_m3 is None else d.soil_volume_m3 for d in demands])


def _score_block(rows, cand, sp_c, g: _DemandArrays, b: _BankArrays, per_gap, w: MatchWeights):
    """Top `per_gap` candidates of a block of demands that share one species profile."""
    bsize, bsoil = b.size[cand], b.soil[cand]
    gsize, gsoil = g.size[rows, None], g.soil[rows, None]
    ratio = bsize[None, :] / gsize
    size = np.minimum(ratio, 1.0 / ratio)
    size[np.isnan(size)] = UNKNOWN_SIZE_FIT
    soil = np.minimum(1.0, gsoil / bsoil[None, :])
    soil[np.isnan(soil)] = UNKNOWN_FIT
    km = np.hypot(g.x[rows, None] - b.x[cand][None, :], g.y[rows, None] - b.y[cand][None, :])
    km *= 0.001
    total = w.size * size
    total += w.standplaats * soil
    total += w.distance / (1.0 + km / DISTANCE_HALF_KM)
    total += (w.species * sp_c + w.availability * b.avail[cand])[None, :]
    k = min(per_gap, len(cand))
    if k < len(cand):
        best = np.argpartition(-total, k - 1, axis=1)[:, :k]
    else:
        best = np.broadcast_to(np.arange(len(cand)), (len(rows), len(cand)))
    best_total = np.take_along_axis(total, best, axis=1)
    order = np.argsort(-best_total, axis=1, kind="stable")
    best = np.take_along_axis(best, order, axis=1)
    r = np.repeat(np.arange(len(rows)), k)
    c = best.ravel()
    return (rows[r], cand[c], np.tile(np.arange(1, k + 1), len(rows)), total[r, c], sp_c[c],
            size[r, c], soil[r, c], km[r, c], b.avail[cand][c])


def stamomtrek_of_diameter(diameter_cm: float | None) -> float | None:
    if diameter_cm is None or not math.isfinite(diameter_cm):
        return None
    return math.pi * diameter_cm



def _bank_texts(tree: BankTree, planting_date: date) -> tuple[str, str, str, str]:
    late = tree.available_from and tree.available_from > planting_date
    return (f"zelfde soort als de laan ({tree.species_name})",
            f"past bij gemengd herplanten ({tree.species_name}: zelfde geslacht of voorkeursoort "
            "van het sortiment)",
            f"stamomtrek {tree.stamomtrek_cm:.0f} cm",
            f"pas beschikbaar vanaf {tree.available_from.isoformat()}" if late
            else "beschikbaar op de plantdatum")


def _proposal(g, b, rank, demand: GapDemand, tree: BankTree, score, sp, size, soil, km, avail,
              planting_date, texts=None) -> Proposal:
    same, genus_text, omtrek, available = texts or _bank_texts(tree, planting_date)
    if demand.neighbour_stamomtrek_cm:
        size_text = f"{omtrek}, buren {demand.neighbour_stamomtrek_cm:.0f} cm"
    else:
        size_text = f"{omtrek}, maat van de buren onbekend"
    if demand.soil_volume_m3 is not None and tree.min_soil_volume_m3 is not None:
        enough = "voldoende" if soil >= 1.0 else "te weinig"
        soil_text = (f"bodemvolume {demand.soil_volume_m3:.0f} m³, nodig {tree.min_soil_volume_m3:.0f} m³"
                     f" ({enough})")
    else:
        soil_text = "standplaats (bodemvolume) onbekend"
    reasons = (same if sp >= 1.0 else genus_text, size_text, soil_text, f"afstand {km:.1f} km", available)
    return Proposal(g, b, rank, score, sp, size, soil, km, avail, reasons)
