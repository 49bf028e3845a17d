"""Triage: the active criteria applied to a complaint give decision, reason, measure and citation.

Fixed policy (Groenvisie Assen §3.6): solar panels never lead to pruning or felling a municipal
tree, whatever a criteria version says. In a mixed complaint the other grounds are judged on
their own and the reasons say that the panels are not a reason.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum

from bomenplan.domain.complaint_text_facts import TextFindings
from bomenplan.domain.complaints import Complaint, ComplaintCategory, ComplaintFacts, TreeOwner
from bomenplan.domain.criteria import SOLAR_CITATION, CriteriaVersion, Decision, Measure, Rule
from bomenplan.domain.triage_inputs import triage_inputs
from bomenplan.domain.triage_owner import (
    ENFORCEMENT_CITATION,
    ENFORCEMENT_REASON,
    ENFORCEMENT_TEXT,
    NEIGHBOUR_CITATION,
    NEIGHBOUR_REASON,
    OTHER_OWNER_CITATION,
    OTHER_OWNER_REASON,
    URGENT_HAZARDS,
    enforcement_grounds,
)

NO_FINDINGS = TextFindings()


class TriagePath(StrEnum):
    CRITERIA = "criteria"
    NIET_ONZE_BOOM = "niet onze boom"
    HANDHAVING = "handhaving eigenaar"
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
    findings: TextFindings = NO_FINDINGS  # facts read from the complaint's words

    @property
    def creates_work_order(self) -> bool:
        return self.decision is Decision.INGRIJPEN


SOLAR_REASON = ("Zonnepanelen zijn geen reden om een gemeentelijke boom te snoeien of te kappen; "
                "de gemeente kapt of snoeit geen gemeentelijke bomen omwille van particuliere "
                "zonnepanelen.")
NOT_OUR_TREE_REASON = NEIGHBOUR_REASON
NOT_OUR_TREE_CITATION = NEIGHBOUR_CITATION
NO_TREE_REASON = ("Er is nog geen boom aan de melding gekoppeld; een medewerker stelt ter plaatse "
                  "vast om welke boom het gaat en wie de eigenaar is.")
NO_TREE_MEASURE = "Boom en eigenaar ter plaatse vaststellen"
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


def evaluate_complaint(complaint: Complaint, facts: ComplaintFacts,
                       criteria: CriteriaVersion | CompiledCriteria) -> Intervention:
    """Decision on a complaint: owner routes first, then the criteria per category; the
    complaint's words fill facts the handler has not recorded (`triage_inputs`)."""
    compiled = compile_criteria(criteria)
    label = compiled.version.label
    categories, facts, findings = triage_inputs(complaint, facts)
    if facts.eigenaar is TreeOwner.ANDERS:
        return Intervention(Decision.NIET_INGRIJPEN, OTHER_OWNER_REASON, Measure.GEEN, "",
                            OTHER_OWNER_CITATION, label, TriagePath.NIET_ONZE_BOOM, findings=findings)
    if facts.eigenaar is TreeOwner.PARTICULIER:
        grounds = enforcement_grounds(categories, facts)
        if grounds:
            return Intervention(Decision.INGRIJPEN, ENFORCEMENT_REASON, Measure.HANDHAVING,
                                ENFORCEMENT_TEXT, ENFORCEMENT_CITATION, label, TriagePath.HANDHAVING,
                                any(c in URGENT_HAZARDS for c in grounds), findings=findings)
        return Intervention(Decision.NIET_INGRIJPEN, NOT_OUR_TREE_REASON, Measure.GEEN, "",
                            NOT_OUR_TREE_CITATION, label, TriagePath.NIET_ONZE_BOOM, findings=findings)
    result = combine(tuple(_outcome(c, facts, compiled) for c in categories), label, findings)
    if not complaint.tree_ids and not facts.boomnummer and facts.eigenaar is TreeOwner.ONBEKEND:
        return _without_tree(result)
    return result


def _without_tree(result: Intervention) -> Intervention:
    """No tree linked yet: the criteria still decide; before any work, tree and owner are
    established on site (no action needs no visit)."""
    if result.decision is Decision.NIET_INGRIJPEN:
        return replace(result, path=TriagePath.GEEN_BOOM)
    measure_text = (f"{NO_TREE_MEASURE}; {result.measure_text}" if result.measure_text
                    else NO_TREE_MEASURE)
    return replace(result, reason=f"{result.reason} {NO_TREE_REASON}".strip(),
                   measure_text=measure_text, path=TriagePath.GEEN_BOOM)


def combine(outcomes: tuple[CategoryOutcome, ...], label: str,
            findings: TextFindings = NO_FINDINGS) -> Intervention:
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
                        any(o.urgent for o in carrying), outcomes, findings)
