"""Replanting options for a laan or one of its gaps: "zelfde soort", "uniform" or "gemengd".

Groenvisie §4.1: at replanting weigh the same species (statigheid of the laan) against mixed
species (robustness); both sides appear in every option's reasons (`replant_criteria`). Every
option carries its reasons; unknown facts are shown as unknown and never counted as fine.
Invasive/EU-listed taxa and shrubs are never proposed; poisonous or thorny taxa not near play
areas or schools. Species facts come in as `SpeciesTraits` (built by the services from the
database's species catalogue and the per-taxon resource files).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bomenplan.domain.laan import Herplantstrategie, Laan, LaanType
from bomenplan.domain.replant_criteria import (
    MixPattern,
    Reason,
    Verdict,
    disease_reason,
    exclusion,
    is_statig,
    robuustheid_reason,
    statigheid_reason,
)
from bomenplan.domain.sortiment import Profiel, RuleChoice, Verharding
from bomenplan.domain.species import genus_of, normalize_name, split_cultivar
from bomenplan.domain.values import Grootteklasse

# Rule of thumb (DOMAIN.md §3): 0.75 m³ rootable soil per m² of final crown projection.
SOIL_M3_PER_CROWN_M2 = 0.75
MATURE_DIAMETER_CM = 40.0
UNCOUNTED = ("plantmaat", "uitgesloten")
MARGINAL_SHARE = 0.01  # a planting that raises no 10-20-30 share by 1 point or more [I]
# On the hoofdbomenstructuur the Groenvisie chooses durable lime and oak on purpose (§3.6) and
# weighs statigheid against the laan's own robustness (§4.1, counted apart): the wijk's spread
# over taxa weighs half there [I: a policy weight].
STATIG_DIVERSITY_WEIGHT = 0.5
__all__ = ["MixPattern", "Reason", "ReplantContext", "ReplantOption", "SpeciesTraits", "Verdict",
           "exclusion", "find_traits", "is_statig", "planting_size", "robuustheid_reason",
           "species_reasons", "statigheid_reason", "taxon_of"]


@dataclass(frozen=True)
class SpeciesTraits:
    name: str  # scientific name, with 'cultivar' when it is one
    genus: str = ""
    family: str = ""
    grootteklasse: Grootteklasse = Grootteklasse.ONBEKEND
    crown_diameter_m: float | None = None
    life_expectancy_years: int | None = None
    climate_2050: int | None = None  # 0..3
    eco_score: float | None = None  # 0..100
    epr_host: bool | None = None  # host of the eikenprocessierups
    tol_paving: int | None = None  # 0..3
    restriction: str = ""  # why it may never be planted (EU list, invasive), with source
    growth_form: str = ""  # boom / struik / meerstammig ("" = unknown, taken as a tree)
    hazards: tuple[str, ...] = ()  # poisonous / thorny, each with its source
    disease_risk: str = ""  # hoog / matig / laag ("" = nothing recorded)
    disease_text: str = ""
    epr_text: str = ""  # source of the eikenprocessierups host fact


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
    laan_species: Mapping[str, int] = field(default_factory=dict)  # living trees of the laan
    near_play_or_school: bool = False  # no poisonous or thorny taxa
    monumental: bool = False  # statigheid weighs as on the hoofdbomenstructuur


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


def _matrix_reason(t: SpeciesTraits, choice: RuleChoice) -> Reason:
    rule = choice.rule
    allowed = "/".join(rule.grootteklassen)
    where = f" [{choice.note}]" if choice.note else ""
    preferred = normalize_name(t.name) in {normalize_name(s) for s in rule.voorkeursoorten}
    if t.grootteklasse == Grootteklasse.ONBEKEND:
        return Reason("matrix", Verdict.ONBEKEND, f"grootteklasse van {t.name} onbekend; toegestaan {allowed}{where}")
    if t.grootteklasse in rule.grootteklassen and preferred:
        return Reason("matrix", Verdict.GOED, f"voorkeursoort; grootteklasse {t.grootteklasse} past ({allowed}){where}")
    if t.grootteklasse in rule.grootteklassen:
        return Reason("matrix", Verdict.MATIG,
                      f"grootteklasse {t.grootteklasse} past ({allowed}), geen voorkeursoort{where}")
    return Reason("matrix", Verdict.SLECHT,
                  f"grootteklasse {t.grootteklasse} past niet ({allowed}): {rule.toelichting}{where}")


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


def _epr_reason(t: SpeciesTraits) -> Reason:
    source = f" ({t.epr_text})" if t.epr_text else ""
    if t.epr_host or (t.epr_host is None and t.genus.lower() == "quercus"):
        return Reason("eikenprocessierups", Verdict.MATIG, f"waardboom van de eikenprocessierups: "
                      f"beheer nodig{source}")
    if t.epr_host is None and not t.genus:
        return Reason("eikenprocessierups", Verdict.ONBEKEND, "geslacht onbekend")
    return Reason("eikenprocessierups", Verdict.GOED, "geen waardboom")


def species_reasons(t: SpeciesTraits, ctx: ReplantContext, choice: RuleChoice) -> list[Reason]:
    reasons = [_matrix_reason(t, choice), _soil_reason(t, ctx)]
    paving = _paving_reason(t, ctx)
    if paving:
        reasons.append(paving)
    reasons.append(_scaled("klimaat", t.climate_2050, 3, 2, "klimaatrobuustheid 2050 (0-3):"))
    reasons.append(_scaled("ecologie", t.eco_score, 60, 35, "ecologische score (0-100):"))
    reasons.append(_epr_reason(t))
    reasons.append(disease_reason(t))
    if ctx.laan.hoofdbomenstructuur or ctx.laan.laan_type == LaanType.HOOFDBOMENSTRUCTUUR:
        reasons.append(_scaled("levensduur", t.life_expectancy_years, 150, 100, "levensverwachting (jaar):"))
    return reasons


VERDICT_ORDER = [Verdict.SLECHT, Verdict.ONBEKEND, Verdict.MATIG, Verdict.GOED]


def _combine(per_species: list[list[Reason]], names: list[str]) -> list[Reason]:
    """One reason per criterion for a mix: its worst verdict, with every species' text."""
    if len(per_species) == 1:
        return per_species[0]
    out = []
    for criterion in dict.fromkeys(r.criterion for rs in per_species for r in rs):
        parts = [(n, r) for n, rs in zip(names, per_species, strict=True) for r in rs
                 if r.criterion == criterion]
        worst = min((r for _n, r in parts), key=lambda r: (r.value, VERDICT_ORDER.index(r.verdict)))
        out.append(Reason(criterion, worst.verdict, "; ".join(f"{n}: {r.text}" for n, r in parts),
                          worst.weight, worst.points))
    return out


def taxon_of(name: str, traits: Mapping[str, SpeciesTraits],
             genus_family: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """(species, genus, family) of a recorded name through the catalogue: a cultivar counts as
    its species (150 × 'Greenspire' are 150 Tilia cordata); family "" when unknown."""
    t = find_traits(name, traits)
    species = split_cultivar(t.name)[0] if normalize_name(t.name) in traits else split_cultivar(name)[0]
    genus = t.genus or genus_of(name)
    family = t.family or (genus_family or {}).get(genus, "")
    return normalize_name(species), genus, family


class TaxonIndex:
    """`taxon_of` with its results kept (one ranking evaluates hundreds of options)."""

    def __init__(self, traits: Mapping[str, SpeciesTraits]):
        self.traits = traits
        self.genus_family = {t.genus: t.family for t in traits.values() if t.genus and t.family}
        self._taxa: dict[str, tuple[str, str, str]] = {}
        self._existing: tuple[ReplantContext | None, list] = (None, [])

    def of(self, name: str) -> tuple[str, str, str]:
        if name not in self._taxa:
            self._taxa[name] = taxon_of(name, self.traits, self.genus_family)
        return self._taxa[name]

    def existing(self, ctx: ReplantContext) -> list:
        if self._existing[0] is not ctx:
            self._existing = (ctx, [(self.of(n), c) for n, c in ctx.species_counts.items()])
        return self._existing[1]


def combined_reasons(mix: list[SpeciesTraits], ctx: ReplantContext, choice: RuleChoice,
                     traits: Mapping[str, SpeciesTraits], index: TaxonIndex | None = None) -> list[Reason]:
    names = [t.name for t in mix]
    reasons = _combine([species_reasons(t, ctx, choice) for t in mix], names)
    reasons.append(_diversity_reason(mix, ctx, index or TaxonIndex(traits)))
    return reasons


def _diversity_reason(mix: list[SpeciesTraits], ctx: ReplantContext, index: TaxonIndex) -> Reason:
    """10-20-30 over the wijk after planting (Santamour): at most 10 % one species, 20 % one
    genus and 30 % one family, counted through the catalogue (cultivar → species → genus →
    family); trees of an unknown family do not count for the family share."""
    planted = [index.of(t.name) for t in mix]
    existing = index.existing(ctx)
    before = _largest_shares(existing, planted)
    after = _largest_shares(existing + [(taxa, ctx.n_to_plant / len(mix)) for taxa in planted], planted)
    sp, ge, fa = after
    verdict = _santamour_verdict(after)
    note = ""
    if verdict != Verdict.GOED and _santamour_verdict(before) == verdict and all(
            a - b < MARGINAL_SHARE for a, b in zip(after, before, strict=True)):
        verdict = Verdict.MATIG  # already over the limit; this planting hardly changes it
        note = (f"; de wijk zat al boven de norm en deze aanplant verhoogt geen aandeel met "
                f"{MARGINAL_SHARE:.0%} of meer")
    risky = [f"{t.name} heeft een hoog ziekterisico" for t in mix if t.disease_risk == "hoog"]
    extra = f"; {', '.join(risky)}: een groter aandeel vergroot de schade bij uitval" if risky else ""
    statig = is_statig(ctx.laan, ctx.monumental)
    where = "; weegt half op hoofdbomenstructuur/monumentale laan" if statig else ""
    return Reason("diversiteit", verdict, f"na planten {sp:.0%} van één soort, {ge:.0%} van één "
                  f"geslacht, {fa:.0%} van één familie (10-20-30){note}{extra}{where}",
                  STATIG_DIVERSITY_WEIGHT if statig else 1.0)


def _largest_shares(rows, planted) -> tuple[float, float, float]:
    """Share of the planted taxa at species, genus and family level (largest of the mix)."""
    per_level: list[dict[str, float]] = [{}, {}, {}]
    for taxa, count in rows:
        for level, taxon in enumerate(taxa):
            if taxon:
                per_level[level][taxon] = per_level[level].get(taxon, 0) + count
    total = sum(c for _t, c in rows) or 1.0
    return tuple(max((per_level[lv].get(taxa[lv], 0) for taxa in planted if taxa[lv]), default=0.0)
                 / total for lv in range(3))


def _santamour_verdict(shares: tuple[float, float, float]) -> Verdict:
    sp, ge, fa = shares
    if sp <= 0.10 and ge <= 0.20 and fa <= 0.30:
        return Verdict.GOED
    return Verdict.MATIG if sp <= 0.20 and ge <= 0.30 and fa <= 0.40 else Verdict.SLECHT
