"""Triage: the active criteria applied to a complaint give decision, reason, measure and citation.

Fixed policy (Groenvisie Assen §3.6): solar panels never lead to pruning or felling a municipal
tree, whatever a criteria version says. In a mixed complaint the other grounds are judged on
their own and the reasons say that the panels are not a reason.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from bomenplan.domain.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
    categories_in_text,
)
from bomenplan.domain.criteria import SOLAR_CITATION, CriteriaVersion, Decision, Measure, Rule


class TriagePath(StrEnum):
    CRITERIA = "criteria"
    NIET_ONZE_BOOM = "niet onze boom"
    GEEN_BOOM = "geen boom gekoppeld"
    GEEN_REGEL = "geen passende regel"
    HANDMATIG = "handmatig besluit"


@dataclass(frozen=True)
class CategoryOutcome:
    category: ComplaintCategory
    decision: Decision
    measure: Measure
    measure_text: str
    reason: str
    citation: str
    rule_code: str = ""
    urgent: bool = False


@dataclass(frozen=True)
class Intervention:
    decision: Decision
    reason: str
    measure: Measure
    measure_text: str
    citation: str
    version: str
    path: TriagePath = TriagePath.CRITERIA
    urgent: bool = False
    outcomes: tuple[CategoryOutcome, ...] = ()

    @property
    def creates_work_order(self) -> bool:
        return self.decision is Decision.INGRIJPEN


SOLAR_REASON = ("Zonnepanelen zijn geen reden om een gemeentelijke boom te snoeien of te kappen; "
                "de gemeente kapt of snoeit geen gemeentelijke bomen omwille van particuliere "
                "zonnepanelen.")
NOT_OUR_TREE_REASON = ("De boom is geen eigendom van de gemeente. De gemeente kan hier niet "
                       "ingrijpen; wendt u zich tot de eigenaar van de boom.")
NOT_OUR_TREE_CITATION = "Burgerlijk Wetboek art. 5:42 en 5:44 (burenrecht): de eigenaar is verantwoordelijk"
NO_TREE_REASON = ("Er is geen gemeentelijke boom aan de melding gekoppeld. Een medewerker bekijkt "
                  "de locatie om vast te stellen om welke boom het gaat en wie de eigenaar is.")
NO_RULE_REASON = ("De criteria geven voor deze situatie geen besluit; een boomspecialist "
                  "beoordeelt de melding ter plaatse.")


class CompiledCriteria:
    """A criteria version indexed by category, for fast repeated triage."""

    def __init__(self, version: CriteriaVersion):
        self.version = version
        self.by_category: dict[ComplaintCategory, list[Rule]] = defaultdict(list)
        for rule in version.rules:
            self.by_category[rule.category].append(rule)

    def first_match(self, category: ComplaintCategory, facts: ComplaintFacts) -> Rule | None:
        for rule in self.by_category.get(category, ()):
            if rule.matches(facts):
                return rule
        return None


def compile_criteria(criteria: CriteriaVersion | CompiledCriteria) -> CompiledCriteria:
    return criteria if isinstance(criteria, CompiledCriteria) else CompiledCriteria(criteria)


class _TemplateValues(dict):
    def __missing__(self, key):
        return "onbekend"


def _template_values(facts: ComplaintFacts) -> _TemplateValues:
    values = _TemplateValues()
    for name in ("boomnummer", "soort", "locatie"):
        if getattr(facts, name):
            values[name] = getattr(facts, name)
    for name in ("afstand_gevel_m", "doorrijhoogte_m", "stamdiameter_cm"):
        number = getattr(facts, name)
        if number is not None:
            values[name] = f"{number:g}".replace(".", ",")
    if facts.doorrijhoogte_over is not None:
        values["doorrijhoogte_over"] = str(facts.doorrijhoogte_over)
    return values


def render_response(template: str, facts: ComplaintFacts) -> str:
    try:
        return template.format_map(_template_values(facts))
    except (ValueError, IndexError, AttributeError):
        return template  # a malformed template is shown as written


def _outcome(category: ComplaintCategory, facts: ComplaintFacts,
             compiled: CompiledCriteria) -> CategoryOutcome:
    rule = compiled.first_match(category, facts)
    if category is ComplaintCategory.ZONNEPANELEN and (
            rule is None or rule.decision is Decision.INGRIJPEN or rule.measure.cuts_tree):
        return CategoryOutcome(category, Decision.NIET_INGRIJPEN, Measure.GEEN, "", SOLAR_REASON,
                               SOLAR_CITATION, "vast beleid zonnepanelen")
    if rule is None:
        return CategoryOutcome(category, Decision.INSPECTIE, Measure.INSPECTIE,
                               "Beoordeling ter plaatse", NO_RULE_REASON, "", "")
    return CategoryOutcome(category, rule.decision, rule.measure, rule.measure_text,
                           render_response(rule.response, facts), rule.citation, rule.code,
                           rule.urgent)


def _tree_path(complaint: Complaint, facts: ComplaintFacts) -> TriagePath | None:
    if facts.eigenaar in (TreeOwner.PARTICULIER, TreeOwner.ANDERS):
        return TriagePath.NIET_ONZE_BOOM
    if not complaint.tree_ids and not facts.boomnummer and facts.eigenaar is TreeOwner.ONBEKEND:
        return TriagePath.GEEN_BOOM
    return None


def evaluate_complaint(complaint: Complaint, facts: ComplaintFacts,
                       criteria: CriteriaVersion | CompiledCriteria) -> Intervention:
    compiled = compile_criteria(criteria)
    label = compiled.version.label
    path = _tree_path(complaint, facts)
    if path is TriagePath.NIET_ONZE_BOOM:
        return Intervention(Decision.NIET_INGRIJPEN, NOT_OUR_TREE_REASON, Measure.GEEN, "",
                            NOT_OUR_TREE_CITATION, label, path)
    if path is TriagePath.GEEN_BOOM:
        return Intervention(Decision.INSPECTIE, NO_TREE_REASON, Measure.INSPECTIE,
                            "Locatie bekijken en boom vaststellen", "", label, path)
    categories = list(complaint.categories)
    categories += [c for c in categories_in_text(complaint.tekst) if c not in categories]
    outcomes = tuple(_outcome(c, facts, compiled) for c in categories)
    return combine(outcomes, label)


def combine(outcomes: tuple[CategoryOutcome, ...], label: str) -> Intervention:
    """The strongest decision wins; its measures apply only to the grounds that carry it."""
    decision = max((o.decision for o in outcomes), key=lambda d: d.rank)
    carrying = [o for o in outcomes if o.decision is decision]
    measure = carrying[0].measure
    measure_text = "; ".join(dict.fromkeys(o.measure_text for o in carrying if o.measure_text))
    if decision is Decision.INGRIJPEN and len(carrying) < len(outcomes):
        grounds = ", ".join(str(o.category) for o in carrying)
        measure_text += f" (alleen vanwege: {grounds})"
    reason = " ".join(dict.fromkeys(o.reason for o in outcomes if o.reason))
    citation = "; ".join(dict.fromkeys(o.citation for o in outcomes if o.citation))
    path = TriagePath.GEEN_REGEL if all(not o.rule_code for o in outcomes) else TriagePath.CRITERIA
    return Intervention(decision, reason, measure, measure_text, citation, label, path,
                        any(o.urgent for o in carrying), outcomes)
