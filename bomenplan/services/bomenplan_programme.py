"""The plan parts of the Bomenplan report: the hoofdbomenstructuur (its lanen, their state and the
replanting advice: statigheid against robuustheid) and the uitvoeringsprogramma (herplant per laan,
standplaats improvements, controles due within a year, bomenbank matches). Amounts are indicative."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bomenplan.domain.inspection_due import (
    DueFilter,
    DueState,
    counts_per_state,
    due_items,
    due_thresholds,
)
from bomenplan.domain.register_columns import RegisterColumns

ADVICE_OPTIONS = 3  # replanting options shown per laan of the hoofdbomenstructuur
CONTROL_HORIZON_DAYS = 365
SOIL_ROWS = 10  # straten with the largest soil-volume shortage listed; the rest in one row


@dataclass(frozen=True)
class AdviceOption:
    strategy: str
    species: str
    score: float
    statigheid: str  # the advice's reason on statigheid ("" when it gives none)
    robuustheid: str


@dataclass(frozen=True)
class StructureLaan:
    name: str
    kwaliteit: str
    living: int
    missing: int
    n_gaps: int
    completeness_pct: float
    chosen: str  # the recorded strategy and species
    advice: tuple[AdviceOption, ...]


@dataclass(frozen=True)
class Measure:
    kind: str  # herplant / groeiplaats / controle / bomenbank
    where: str
    what: str
    amount: int
    when: str


@dataclass(frozen=True)
class Programme:
    structure: list[StructureLaan]
    measures: list[Measure]
    controles_until: date


def planting_season(on: date) -> str:
    """The next planting season (November to March) that has not ended yet."""
    start = on.year if on.month >= 4 else on.year - 1
    return f"plantseizoen {start}-{start + 1}"


def _advice(uow_factory, laan, cols: RegisterColumns, data) -> tuple[AdviceOption, ...]:
    from bomenplan.services.lanen import replanting_for_laan

    options = replanting_for_laan(uow_factory(), laan.id, cols=cols, data=data)[:ADVICE_OPTIONS]
    return tuple(AdviceOption(str(o.strategy), ", ".join(o.species), o.score,
                              getattr(o.reason("statigheid"), "text", ""),
                              getattr(o.reason("robuustheid"), "text", "")) for o in options)


def structure_lanen(uow_factory, lanen, analysis, cols: RegisterColumns) -> list[StructureLaan]:
    from bomenplan.services.sortiment_data import replant_data

    picked = [(laan, q) for laan, q in zip(lanen, analysis.quality, strict=True) if laan.hoofdbomenstructuur] \
        if analysis is not None else []
    if not picked:
        return []
    with uow_factory() as uow:
        data = replant_data(uow)
    return [StructureLaan(laan.name or f"laan {laan.id}", str(q.kwaliteit), q.living, q.missing, q.n_gaps,
                          q.completeness_pct, f"{laan.herplantstrategie}: {laan.intended_species or '-'}",
                          _advice(uow_factory, laan, cols, data) if q.missing else ())
            for laan, q in sorted(picked, key=lambda lq: lq[0].name)]


def _controles(uow_factory, scope, on: date) -> tuple[list[Measure], date]:
    from bomenplan.services.inspection_rules_admin import rules_of

    until = on + timedelta(days=CONTROL_HORIZON_DAYS)
    criteria = DueFilter(until=until, wijk=scope.name if scope.kind == "wijk" else "",
                         straat=scope.name if scope.kind == "laan" else "")
    with uow_factory() as uow:
        rules = rules_of(uow)
        trees = uow.inspection_due.living_trees(criteria.wijk, "", due_thresholds(until, rules))
    per_state = counts_per_state(due_items(trees, criteria, on, rules))
    what = {DueState.OVERDUE: "VTA-controle, te laat", DueState.DUE: "VTA-controle, wordt nodig",
            DueState.NEVER: "VTA-controle, nooit gecontroleerd"}
    when = {DueState.OVERDUE: "zo snel mogelijk", DueState.DUE: f"vóór {until:%d-%m-%Y}",
            DueState.NEVER: f"vóór {until:%d-%m-%Y}"}
    return [Measure("controle", scope.title, what[s], per_state[s], when[s]) for s in what if per_state[s]], until


def measures(laan_rows, extras, on: date) -> list[Measure]:
    """Herplant, groeiplaats and bomenbank rows (the controles come from `_controles`)."""
    out = [Measure("herplant", r.name, f"{r.herplantstrategie}: {r.intended_species or 'soort kiezen'}",
                   r.missing, planting_season(on)) for r in laan_rows or [] if r.missing > 0]
    if extras.standplaats:
        sites, problems = extras.standplaats
        out.append(Measure("groeiplaats", f"{sites} standplaatsen", "openstaande standplaatsproblemen oplossen",
                           problems, "bij werk in de straat"))
    short = sorted((s for s in extras.soil_per_straat or [] if s.n_short), key=lambda s: -s.shortage_m3)
    for s in short[:SOIL_ROWS]:
        out.append(Measure("groeiplaats", s.key or "onbekend",
                           f"doorwortelbaar volume vergroten (tekort {s.shortage_m3:.0f} m³)", s.n_short,
                           "bij werk in de straat"))
    if len(short) > SOIL_ROWS:
        rest = short[SOIL_ROWS:]
        out.append(Measure("groeiplaats", f"{len(rest)} andere straten",
                           f"doorwortelbaar volume vergroten (tekort {sum(s.shortage_m3 for s in rest):.0f} m³)",
                           sum(s.n_short for s in rest), "bij werk in de straat"))
    for m in extras.bank_matches or []:
        out.append(Measure("bomenbank", m.laan, f"verplanten: {m.code} {m.species_name} "
                           f"({m.stamomtrek_cm:.0f} cm), score {100 * m.score:.0f}", 1, planting_season(on)))
    return out


def programme(uow_factory, scope, on: date, lanen, analysis, cols: RegisterColumns, laan_rows,
              extras) -> Programme:
    controles, until = _controles(uow_factory, scope, on)
    return Programme(structure_lanen(uow_factory, lanen, analysis, cols),
                     measures(laan_rows, extras, on) + controles, until)
