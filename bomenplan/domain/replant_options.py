"""Ranked replanting options for a laan or a gap: the laan's own species ("zelfde soort"), one
species of the same character over all spots ("uniform"), and mixes ("gemengd") — per side or
per section on hoofdbomenstructuur and monumental lanen, tree by tree elsewhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import combinations

from bomenplan.domain.laan import Herplantstrategie, LaanType
from bomenplan.domain.replanting import (
    UNCOUNTED,
    VERDICT_ORDER,
    MixPattern,
    Reason,
    ReplantContext,
    ReplantOption,
    SpeciesTraits,
    TaxonIndex,
    Verdict,
    combined_reasons,
    exclusion,
    find_traits,
    is_statig,
    planting_size,
    robuustheid_reason,
    statigheid_reason,
)
from bomenplan.domain.sortiment import RuleChoice, SortimentMatrix
from bomenplan.domain.species import genus_of, normalize_name, split_cultivar

MIX_POOL = 4  # the best species of this many genera are combined into mixes
MAX_UNIFORM = 3


def own_species(ctx: ReplantContext) -> str:
    """The laan's intended species, else the most common species of its living trees."""
    if ctx.laan.intended_species:
        return ctx.laan.intended_species
    counts = Counter({n: c for n, c in ctx.laan_species.items() if n})
    return counts.most_common(1)[0][0] if counts else ""


def _score(reasons: list[Reason]) -> float:
    return round(sum(r.value for r in reasons if r.criterion not in UNCOUNTED), 2)


class _Builder:
    def __init__(self, ctx: ReplantContext, choice: RuleChoice, traits: Mapping[str, SpeciesTraits],
                 own: SpeciesTraits | None, excluded: dict[str, str]):
        self.ctx, self.choice, self.traits, self.own = ctx, choice, traits, own
        self.statig = is_statig(ctx.laan, ctx.monumental)
        self.laan_genera = {genus_of(n) for n in ctx.laan_species} | ({own.genus} if own else set())
        self.excluded = excluded
        self.index = TaxonIndex(traits)
        standing = sum(ctx.laan_species.values())
        self.planted_share = ctx.n_to_plant / (ctx.n_to_plant + standing) if standing else 1.0

    def option(self, strategy: Herplantstrategie, mix: list[SpeciesTraits], pattern: MixPattern | None,
               text: str) -> ReplantOption:
        reasons = combined_reasons(mix, self.ctx, self.choice, self.traits, self.index)
        reasons.append(statigheid_reason(strategy, pattern, mix, self.own, self.laan_genera,
                                         self.statig, self.planted_share))
        reasons.append(robuustheid_reason(mix))
        if self.excluded:
            reasons.append(Reason("uitgesloten", Verdict.ONBEKEND, "niet voorgesteld: " + "; ".join(
                f"{n} ({why})" for n, why in self.excluded.items())))
        size = planting_size(self.ctx)
        reasons.append(Reason("plantmaat", Verdict.GOED, size))
        return ReplantOption(strategy, tuple(t.name for t in mix), text, size, _score(reasons),
                             tuple(reasons))

    def mix_pattern(self, size: int) -> MixPattern:
        if not self.statig:
            return MixPattern.PER_BOOM
        return MixPattern.PER_ZIJDE if size == 2 and self.ctx.laan.two_sided else MixPattern.PER_VAK

    def mix_text(self, mix: list[SpeciesTraits], pattern: MixPattern) -> str:
        names = [t.name for t in mix]
        if pattern == MixPattern.PER_ZIJDE:
            return f"per zijde één soort: zijde 1 {names[0]}, zijde 2 {names[1]}"
        if pattern == MixPattern.PER_VAK:
            return f"per vak (aaneengesloten deel van de laan) één soort, vakken afwisselend {' - '.join(names)}"
        return f"per boom afwisselend {' - '.join(names)}"


def replanting_options(ctx: ReplantContext, matrix: SortimentMatrix,
                       traits: Mapping[str, SpeciesTraits], max_mixed: int = 4) -> list[ReplantOption]:
    """Ranked options (best first); invasive, banned and shrub taxa are never proposed, nor
    poisonous or thorny ones near play areas or schools (listed under "uitgesloten")."""
    laan_type = LaanType.HOOFDBOMENSTRUCTUUR if ctx.laan.hoofdbomenstructuur else ctx.laan.laan_type
    choice = matrix.resolve(laan_type, ctx.profiel)
    rule = choice.rule
    excluded: dict[str, str] = {}

    def allowed(t: SpeciesTraits) -> bool:
        why = exclusion(t, ctx.near_play_or_school)
        if why is not None and (t.name in rule.voorkeursoorten or t.name == own_name):
            excluded[t.name] = why
        return why is None

    own_name = own_species(ctx)
    own = find_traits(own_name, traits) if own_name else None
    own_ok = own is not None and allowed(own)
    candidates = [find_traits(n, traits) for n in rule.voorkeursoorten]
    candidates += [t for t in traits.values() if t.grootteklasse in rule.grootteklassen]
    unique = {normalize_name(t.name): t for t in candidates if allowed(t)}
    build = _Builder(ctx, choice, traits, own, excluded)
    ranked = sorted(unique.values(), key=lambda t: -_score(combined_reasons([t], ctx, choice, traits,
                                                                            build.index)))
    options = []
    if own_ok:
        options.append(build.option(Herplantstrategie.ZELFDE_SOORT, [own], None,
                                    f"alle {ctx.n_to_plant} plekken met {own.name} (statigheid van de laan)"))
    own_key = normalize_name(own.name) if own else ""
    own_fits = own_ok and own.grootteklasse in rule.grootteklassen
    character = own.grootteklasse if own_fits else None  # else any size the matrix allows
    uniform = [build.option(Herplantstrategie.UNIFORM, [t], None,
                            f"alle {ctx.n_to_plant} plekken met {t.name} (één soort, uniform beeld)")
               for t in ranked if normalize_name(t.name) != own_key
               and (character is None or t.grootteklasse == character)]
    seen_species = set()
    for option in sorted(uniform, key=_rank):  # one cultivar or species per species
        base = normalize_name(split_cultivar(option.species[0])[0])
        if base not in seen_species and len(seen_species) < MAX_UNIFORM:
            seen_species.add(base)
            options.append(option)
    pool, genera = ([own] if own_fits else []), ({own.genus or genus_of(own.name)} if own_fits else set())
    for t in ranked:  # the best species of each genus: a mix spreads risk over genera
        if genus_of(t.name) not in genera and len(pool) < MIX_POOL:
            genera.add(genus_of(t.name))
            pool.append(t)
    mixes = []
    for size in (3, 2):
        for combo in combinations(pool, size):
            pattern = build.mix_pattern(size)
            mixes.append(build.option(Herplantstrategie.GEMENGD, list(combo), pattern,
                                      build.mix_text(list(combo), pattern)))
    mixes.sort(key=_rank)
    options.extend(mixes[:max_mixed])
    return sorted(options, key=_rank)


def _rank(option: ReplantOption) -> tuple:
    """Best first: score, then how well the species fit the sortiment matrix."""
    return (-option.score, -VERDICT_ORDER.index(option.reason("matrix").verdict))
