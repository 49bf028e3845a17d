"""Intervention criteria as versioned data: per complaint category, rules with conditions on facts.

Rules of one category are unordered; where two of them can match the same facts they must give
the same decision, otherwise the version is in conflict and cannot be adopted (vastgesteld).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from bomenplan.domain.complaints import LOCATION_RISKS, ClearanceOver, ComplaintCategory, as_member
from bomenplan.domain.errors import ValidationError


class Decision(StrEnum):
    INGRIJPEN = "ingrijpen"
    NIET_INGRIJPEN = "niet ingrijpen"
    INSPECTIE = "inspectie"

    @property
    def rank(self) -> int:
        return {"niet ingrijpen": 0, "inspectie": 1, "ingrijpen": 2}[self.value]


class Measure(StrEnum):
    GEEN = "geen"
    SNOEIEN = "snoeien"
    KAPPEN = "kappen"
    INSPECTIE = "inspectie"
    BESTRIJDING = "bestrijding"
    HERSTEL_VERHARDING = "herstel verharding"
    HANDHAVING = "handhaving eigenaar"

    @property
    def cuts_tree(self) -> bool:
        return self in (Measure.SNOEIEN, Measure.KAPPEN)


class CriteriaStatus(StrEnum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"


# Facts a condition may test, with their kind.
FACT_FIELDS = {
    "afstand_gevel_m": "getal", "stamdiameter_cm": "getal", "doorrijhoogte_m": "getal",
    "doorrijhoogte_over": "keuze", "dood_hout": "ja/nee", "soort": "tekst",
    "takken_raken_gevel": "ja/nee", "struikelgevaar": "ja/nee", "boven_openbare_ruimte": "ja/nee",
    "locatie_risico": "keuze", "boom_is_eik": "ja/nee",
}
FACT_CHOICES = {"doorrijhoogte_over": tuple(c.value for c in ClearanceOver),
                "locatie_risico": tuple(r for r in LOCATION_RISKS if r)}
OPERATORS = ("<", "<=", ">", ">=", "=", "in", "onbekend")
SOLAR_CITATION = ("Groenvisie Assen 2040, §3.6: geen gemeentelijke bomen kappen of snoeien "
                  "omwille van particuliere zonnepanelen")

_INF = float("inf")


@dataclass(frozen=True)
class Condition:
    field: str
    op: str
    value: object = None  # number, bool, text, or a tuple for "in"

    def __post_init__(self):
        if self.field not in FACT_FIELDS:
            raise ValidationError("veld", f"'{self.field}' is geen bekend feit")
        if self.op not in OPERATORS:
            raise ValidationError("operator", f"'{self.op}' is geen operator ({', '.join(OPERATORS)})")
        kind = FACT_FIELDS[self.field]
        if self.op in ("<", "<=", ">", ">=") and kind != "getal":
            raise ValidationError(self.field, f"'{self.op}' werkt alleen op getallen")
        if kind == "getal" and self.op != "onbekend" and not isinstance(self.value, int | float):
            raise ValidationError(self.field, f"waarde '{self.value}' is geen getal")
        if kind == "keuze" and self.op in ("=", "in"):
            allowed = set(FACT_CHOICES[self.field])
            for v in self.values():
                if v not in allowed:
                    raise ValidationError(self.field, f"'{v}' is geen keuze ({', '.join(sorted(allowed))})")
        if kind == "ja/nee" and self.op in ("=", "in") and not all(
                isinstance(v, bool) for v in self.values()):
            raise ValidationError(self.field, "waarde moet ja of nee zijn")

    def values(self) -> tuple:
        return tuple(self.value) if self.op == "in" else (self.value,)

    def matches(self, fact) -> bool:
        if fact is None or fact == "":
            return self.op == "onbekend"
        op, value = self.op, self.value
        if op == "<":
            return fact < value
        if op == "<=":
            return fact <= value
        if op == ">":
            return fact > value
        if op == ">=":
            return fact >= value
        if op == "=":
            return _norm(fact) == _norm(value)
        if op == "in":
            return _norm(fact) in {_norm(v) for v in value}
        return False

    def describe(self) -> str:
        if self.op == "onbekend":
            return f"{self.field} onbekend"
        shown = ", ".join(map(str, self.value)) if self.op == "in" else self.value
        return f"{self.field} {self.op} {shown}"


def _norm(value):
    return value.strip().lower() if isinstance(value, str) else value


@dataclass(frozen=True)
class Rule:
    code: str
    category: ComplaintCategory
    decision: Decision
    measure: Measure
    measure_text: str
    response: str  # template; may use {boomnummer} {soort} {afstand_gevel_m} {doorrijhoogte_m} …
    citation: str
    conditions: tuple[Condition, ...] = ()
    urgent: bool = False

    def __post_init__(self):
        object.__setattr__(self, "category", as_member(ComplaintCategory, self.category, "categorie"))
        object.__setattr__(self, "decision", as_member(Decision, self.decision, "besluit"))
        object.__setattr__(self, "measure", as_member(Measure, self.measure, "maatregel"))

    def matches(self, facts) -> bool:
        return all(c.matches(getattr(facts, c.field)) for c in self.conditions)

    def describe_conditions(self) -> str:
        return " en ".join(c.describe() for c in self.conditions) or "altijd"


@dataclass(frozen=True)
class CriteriaVersion:
    label: str
    rules: tuple[Rule, ...]
    status: CriteriaStatus = CriteriaStatus.CONCEPT
    auteur: str = ""
    aangemaakt_op: date | None = None
    vastgesteld_op: date | None = None
    toelichting: str = ""
    id: int | None = None

    def __post_init__(self):
        if not self.label.strip():
            raise ValidationError("versie", "een versie heeft een naam nodig")

    def rules_for(self, category: ComplaintCategory) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.category is category)

    def with_changes(self, **changes) -> CriteriaVersion:
        return replace(self, **changes)


class CriteriaConflictError(ValidationError):
    """A version cannot be adopted; `problems` lists every conflict or gap."""

    def __init__(self, label: str, problems: list[str]):
        super().__init__("criteria", f"versie '{label}' kan niet worden vastgesteld: "
                         + "; ".join(problems))
        self.problems = problems


# --- satisfiable sets of fact values, to decide whether two rules can match the same facts ---

@dataclass(frozen=True)
class _FactSet:
    unknown: bool  # the fact being unknown is in the set
    lo: float = -_INF
    lo_closed: bool = True
    hi: float = _INF
    hi_closed: bool = True
    values: frozenset | None = None  # discrete: allowed values; None = any

    def intersect(self, other: _FactSet) -> _FactSet:
        lo, lo_closed = max((self.lo, not self.lo_closed), (other.lo, not other.lo_closed))
        hi, hi_closed = min((self.hi, self.hi_closed), (other.hi, other.hi_closed))
        values = (self.values if other.values is None else other.values if self.values is None
                  else self.values & other.values)
        return _FactSet(self.unknown and other.unknown, lo, not lo_closed, hi, hi_closed, values)

    @property
    def empty(self) -> bool:
        known_empty = (self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed))
                       or (self.values is not None and not self.values))
        return known_empty and not self.unknown


_ANY = _FactSet(True)


def _fact_set(c: Condition) -> _FactSet:
    if c.op == "onbekend":
        return _FactSet(True, values=frozenset())
    if c.op in ("=", "in") and FACT_FIELDS[c.field] != "getal":
        return _FactSet(False, values=frozenset(_norm(v) for v in c.values()))
    if c.op in ("=", "in"):
        return _FactSet(False, min(c.values()), True, max(c.values()), True)
    bounds = {"<": (-_INF, True, c.value, False), "<=": (-_INF, True, c.value, True),
              ">": (c.value, False, _INF, True), ">=": (c.value, True, _INF, True)}[c.op]
    return _FactSet(False, *bounds)


def _rule_sets(rule: Rule) -> dict[str, _FactSet]:
    sets: dict[str, _FactSet] = {}
    for c in rule.conditions:
        sets[c.field] = sets.get(c.field, _ANY).intersect(_fact_set(c))
    return sets


def rules_overlap(a: Rule, b: Rule) -> bool:
    """True when some facts satisfy both rules."""
    sa, sb = _rule_sets(a), _rule_sets(b)
    if any(s.empty for s in (*sa.values(), *sb.values())):
        return False
    return not any(sa[f].intersect(sb[f]).empty for f in sa.keys() & sb.keys())


def criteria_problems(version: CriteriaVersion) -> list[str]:
    """Everything that stops a version from being adopted, in words naming the rules."""
    problems: list[str] = []
    codes = [r.code for r in version.rules]
    problems += [f"regelcode '{c}' komt meer dan eens voor" for c in sorted(set(codes))
                 if codes.count(c) > 1]
    for category in ComplaintCategory:
        rules = version.rules_for(category)
        if not rules:
            problems.append(f"geen regel voor categorie '{category}'")
        for i, a in enumerate(rules):
            if any(s.empty for s in _rule_sets(a).values()):
                problems.append(f"regel '{a.code}' kan nooit gelden (tegenstrijdige voorwaarden)")
            for b in rules[i + 1:]:
                if a.decision is not b.decision and rules_overlap(a, b):
                    problems.append(
                        f"conflict in '{category}': regel '{a.code}' ({a.decision}) en regel "
                        f"'{b.code}' ({b.decision}) gelden allebei bij {a.describe_conditions()} / "
                        f"{b.describe_conditions()}")
    for rule in version.rules:
        problems += _measure_problems(rule)
    return problems


def _measure_problems(rule: Rule) -> list[str]:
    if rule.category is ComplaintCategory.ZONNEPANELEN and (
            rule.decision is Decision.INGRIJPEN or rule.measure.cuts_tree):
        return [f"regel '{rule.code}' strijdt met vast beleid: {SOLAR_CITATION}"]
    fits = {Decision.NIET_INGRIJPEN: rule.measure is Measure.GEEN,
            Decision.INSPECTIE: rule.measure is Measure.INSPECTIE,
            Decision.INGRIJPEN: rule.measure not in (Measure.GEEN, Measure.INSPECTIE)}
    if not fits[rule.decision]:
        return [f"regel '{rule.code}': maatregel '{rule.measure}' past niet bij '{rule.decision}'"]
    return []


def adopt(version: CriteriaVersion, on: date) -> CriteriaVersion:
    """The version as vastgesteld on `on`; raises CriteriaConflictError naming each problem."""
    problems = criteria_problems(version)
    if problems:
        raise CriteriaConflictError(version.label, problems)
    return version.with_changes(status=CriteriaStatus.VASTGESTELD, vastgesteld_op=on)
