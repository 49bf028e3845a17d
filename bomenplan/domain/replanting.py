"""Replanting options for a laan or one of its gaps: "zelfde soort" versus "gemengd".

Groenvisie §4.1: at replanting weigh the same species (statigheid of the laan) against mixed
species (robustness). Every option carries its reasons; unknown facts are shown as unknown and
never counted as fine. Species facts come in as `SpeciesTraits` (built by the services from
the species catalogue and the ecology module when present).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import combinations

from bomenplan.domain.laan import Herplantstrategie, Laan, LaanType
from bomenplan.domain.sortiment import Profiel, SortimentMatrix, Verharding
from bomenplan.domain.species import genus_of, normalize_name, split_cultivar
from bomenplan.domain.values import Grootteklasse

POINTS = {"goed": 2.0, "matig": 0.5, "slecht": -2.0, "onbekend": 0.0}
# Rule of thumb (DOMAIN.md §3): 0.75 m³ rootable soil per m² of final crown projection.
SOIL_M3_PER_CROWN_M2 = 0.75
MATURE_DIAMETER_CM = 40.0
MIXES_FROM_TOP = 4


class Verdict(StrEnum):
    GOED = "goed"
    MATIG = "matig"
    SLECHT = "slecht"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class SpeciesTraits:
    name: str
    genus: str = ""
    family: str = ""
    grootteklasse: Grootteklasse = Grootteklasse.ONBEKEND
    crown_diameter_m: float | None = None
    life_expectancy_years: int | None = None
    climate_2050: int | None = None  # 0..3
    eco_score: float | None = None  # 0..100
    epr_host: bool | None = None  # host of the eikenprocessierups
    tol_paving: int | None = None  # 0..3


@dataclass(frozen=True)
class Reason:
    criterion: str  # matrix, bodemvolume, verharding, klimaat, ecologie, diversiteit, eikenprocessierups, levensduur, plantmaat
    verdict: Verdict
    text: str


@dataclass(frozen=True)
class ReplantOption:
    strategy: Herplantstrategie
    species: tuple[str, ...]
    pattern: str
    planting_size: str
    score: float
    reasons: tuple[Reason, ...]

    def reason(self, criterion: str) -> Reason | None:
        return next((r for r in self.reasons if r.criterion == criterion), None)


@dataclass(frozen=True)
class ReplantContext:
    laan: Laan
    profiel: Profiel
    n_to_plant: int
    species_counts: Mapping[str, int] = field(default_factory=dict)  # living trees in the wijk
    mean_diameter_cm: float | None = None  # of the laan's living trees
    soil_volume_m3: float | None = None  # per tree; None = unknown


def find_traits(name: str, traits: Mapping[str, SpeciesTraits]) -> SpeciesTraits:
    """Traits of a species name (a cultivar falls back to its species); unknown → empty traits."""
    key = normalize_name(name)
    if key in traits:
        return traits[key]
    base, _cultivar = split_cultivar(name)
    return traits.get(normalize_name(base), SpeciesTraits(name=name, genus=genus_of(name)))


def planting_size(ctx: ReplantContext) -> str:
    d = ctx.mean_diameter_cm
    if d is None:
        return "standaard plantmaat (16-18 cm stamomtrek); maat van de laan onbekend"
    if d >= MATURE_DIAMETER_CM:
        return "groot plantmateriaal (stamomtrek 30-40 cm of een boom uit de bomenbank)"
    if d >= 20:
        return "middelgroot plantmateriaal (stamomtrek 20-25 cm)"
    return "standaard plantmaat (16-18 cm stamomtrek)"


def _matrix_reason(t: SpeciesTraits, ctx: ReplantContext, matrix: SortimentMatrix) -> Reason:
    laan_type = LaanType.HOOFDBOMENSTRUCTUUR if ctx.laan.hoofdbomenstructuur else ctx.laan.laan_type
    rule = matrix.lookup(laan_type, ctx.profiel)
    allowed = "/".join(rule.grootteklassen)
    preferred = normalize_name(t.name) in {normalize_name(s) for s in rule.voorkeursoorten}
    if t.grootteklasse == Grootteklasse.ONBEKEND:
        return Reason("matrix", Verdict.ONBEKEND, f"grootteklasse van {t.name} onbekend; toegestaan {allowed}")
    if t.grootteklasse in rule.grootteklassen and preferred:
        return Reason("matrix", Verdict.GOED, f"voorkeursoort; grootteklasse {t.grootteklasse} past ({allowed})")
    if t.grootteklasse in rule.grootteklassen:
        return Reason("matrix", Verdict.MATIG,
                      f"grootteklasse {t.grootteklasse} past ({allowed}), geen voorkeursoort")
    return Reason("matrix", Verdict.SLECHT, f"grootteklasse {t.grootteklasse} past niet ({allowed}): {rule.toelichting}")


def _soil_reason(t: SpeciesTraits, ctx: ReplantContext) -> Reason:
    if ctx.soil_volume_m3 is None:
        return Reason("bodemvolume", Verdict.ONBEKEND, "doorwortelbaar bodemvolume onbekend")
    if t.crown_diameter_m is None:
        return Reason("bodemvolume", Verdict.ONBEKEND, "kroondiameter van de soort onbekend")
    need = SOIL_M3_PER_CROWN_M2 * 3.14159 * (t.crown_diameter_m / 2) ** 2
    verdict = Verdict.GOED if ctx.soil_volume_m3 >= need else (
        Verdict.MATIG if ctx.soil_volume_m3 >= 0.5 * need else Verdict.SLECHT)
    return Reason("bodemvolume", verdict, f"{ctx.soil_volume_m3:.0f} m³ beschikbaar, ~{need:.0f} m³ nodig")


def _paving_reason(t: SpeciesTraits, ctx: ReplantContext) -> Reason | None:
    if ctx.profiel.verharding != Verharding.GESLOTEN:
        return None
    if t.tol_paving is None:
        return Reason("verharding", Verdict.ONBEKEND, "verdraagzaamheid van verharding onbekend")
    verdict = Verdict.GOED if t.tol_paving >= 2 else Verdict.MATIG if t.tol_paving == 1 else Verdict.SLECHT
    return Reason("verharding", verdict, f"verdraagt verharding: {t.tol_paving}/3")


def _scaled(criterion: str, value, good, fair, text: str) -> Reason:
    if value is None:
        return Reason(criterion, Verdict.ONBEKEND, f"{text} onbekend")
    verdict = Verdict.GOED if value >= good else Verdict.MATIG if value >= fair else Verdict.SLECHT
    return Reason(criterion, verdict, f"{text} {value:g}")


def _species_reasons(t: SpeciesTraits, ctx: ReplantContext, matrix: SortimentMatrix) -> list[Reason]:
    reasons = [_matrix_reason(t, ctx, matrix), _soil_reason(t, ctx)]
    paving = _paving_reason(t, ctx)
    if paving:
        reasons.append(paving)
    reasons.append(_scaled("klimaat", t.climate_2050, 3, 2, "klimaatrobuustheid 2050 (0-3):"))
    reasons.append(_scaled("ecologie", t.eco_score, 60, 35, "ecologische score (0-100):"))
    if t.genus.lower() == "quercus" or t.epr_host:
        reasons.append(Reason("eikenprocessierups", Verdict.MATIG,
                              "waardboom van de eikenprocessierups: beheer nodig"))
    elif t.epr_host is None and not t.genus:
        reasons.append(Reason("eikenprocessierups", Verdict.ONBEKEND, "geslacht onbekend"))
    else:
        reasons.append(Reason("eikenprocessierups", Verdict.GOED, "geen waardboom"))
    if ctx.laan.hoofdbomenstructuur or ctx.laan.laan_type == LaanType.HOOFDBOMENSTRUCTUUR:
        reasons.append(_scaled("levensduur", t.life_expectancy_years, 150, 100, "levensverwachting (jaar):"))
    return reasons


_ORDER = [Verdict.SLECHT, Verdict.ONBEKEND, Verdict.MATIG, Verdict.GOED]


def _combine(per_species: list[list[Reason]], names: list[str]) -> list[Reason]:
    """One reason per criterion for a mix: its worst verdict, with every species' text."""
    if len(per_species) == 1:
        return per_species[0]
    out = []
    for criterion in dict.fromkeys(r.criterion for rs in per_species for r in rs):
        parts = [(n, r) for n, rs in zip(names, per_species, strict=True) for r in rs
                 if r.criterion == criterion]
        worst = min((r.verdict for _n, r in parts), key=_ORDER.index)
        out.append(Reason(criterion, worst, "; ".join(f"{n}: {r.text}" for n, r in parts)))
    return out


def _diversity_reason(mix: list[SpeciesTraits], ctx: ReplantContext,
                      traits: Mapping[str, SpeciesTraits]) -> Reason:
    """10-20-30 over the wijk after planting: at most 10 % one species, 20 % one genus and
    30 % one family (family from the species traits; unknown families are not counted)."""
    counts = dict(ctx.species_counts)
    per = ctx.n_to_plant / len(mix)
    for t in mix:
        counts[t.name] = counts.get(t.name, 0) + per
    total = sum(counts.values()) or 1.0
    genus_counts: dict[str, float] = {}
    family_counts: dict[str, float] = {}
    for name, c in counts.items():
        genus_counts[genus_of(name)] = genus_counts.get(genus_of(name), 0) + c
        family = find_traits(name, traits).family
        if family:
            family_counts[family] = family_counts.get(family, 0) + c
    sp = max(counts.get(t.name, 0) for t in mix) / total
    ge = max(genus_counts.get(genus_of(t.name), 0) for t in mix) / total
    fa = max((family_counts.get(t.family, 0) for t in mix if t.family), default=0.0) / total
    verdict = Verdict.GOED if sp <= 0.10 and ge <= 0.20 and fa <= 0.30 else (
        Verdict.MATIG if sp <= 0.20 and ge <= 0.30 and fa <= 0.40 else Verdict.SLECHT)
    return Reason("diversiteit", verdict, f"na planten {sp:.0%} van één soort, {ge:.0%} van één "
                  f"geslacht, {fa:.0%} van één familie (10-20-30)")


def _option(strategy, mix: list[SpeciesTraits], pattern: str, ctx, matrix, traits) -> ReplantOption:
    names = [t.name for t in mix]
    reasons = _combine([_species_reasons(t, ctx, matrix) for t in mix], names)
    reasons.append(_diversity_reason(mix, ctx, traits))
    size = planting_size(ctx)
    reasons.append(Reason("plantmaat", Verdict.GOED, size))
    score = sum(POINTS[r.verdict] for r in reasons if r.criterion != "plantmaat")
    return ReplantOption(strategy, tuple(names), pattern, size, round(score, 2), tuple(reasons))


def replanting_options(ctx: ReplantContext, matrix: SortimentMatrix,
                       traits: Mapping[str, SpeciesTraits], max_mixed: int = 4) -> list[ReplantOption]:
    """Ranked options (best first): the laan's own species, and mixes of fitting species."""
    options = []
    own = ctx.laan.intended_species
    if own:
        options.append(_option(Herplantstrategie.ZELFDE_SOORT, [find_traits(own, traits)],
                               f"alle {ctx.n_to_plant} plekken met {own} (statigheid van de laan)",
                               ctx, matrix, traits))
    laan_type = LaanType.HOOFDBOMENSTRUCTUUR if ctx.laan.hoofdbomenstructuur else ctx.laan.laan_type
    rule = matrix.lookup(laan_type, ctx.profiel)
    candidates = [find_traits(n, traits) for n in rule.voorkeursoorten]
    candidates += [t for t in traits.values() if t.grootteklasse in rule.grootteklassen]
    unique = {normalize_name(t.name): t for t in candidates}
    ranked = sorted(unique.values(), key=lambda t: -_option(
        Herplantstrategie.GEMENGD, [t], "", ctx, matrix, traits).score)
    singles, genera = [], set()
    for t in ranked:  # the best species of each genus: a mix spreads risk over genera
        if genus_of(t.name) not in genera and len(singles) < MIXES_FROM_TOP:
            genera.add(genus_of(t.name))
            singles.append(t)
    mixes = []
    for size in (3, 2):
        for mix in combinations(singles, size):
            pattern = f"per boom afwisselend {' - '.join(t.name for t in mix)}"
            mixes.append(_option(Herplantstrategie.GEMENGD, list(mix), pattern, ctx, matrix, traits))
    mixes.sort(key=_rank)
    options.extend(mixes[:max_mixed])
    return sorted(options, key=_rank)


def _rank(option: ReplantOption) -> tuple:
    """Best first: score, then how well the species fit the sortiment matrix."""
    return (-option.score, -_ORDER.index(option.reason("matrix").verdict))
