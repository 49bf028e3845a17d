"""What happens after triage: the logged decision (automatic or overridden) and work orders."""

from __future__ import annotations

from dataclasses import dataclass

from bomenplan.domain.complaints import (
    Complainant,
    Complaint,
    ComplaintCategory,
    categories_in_text,
)
from bomenplan.domain.criteria import Decision, Measure
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.triage import Intervention, TriagePath
from bomenplan.domain.work_orders import WorkOrder  # noqa: F401  (re-exported)

MIN_MOTIVATION_CHARS = 10


@dataclass(frozen=True)
class TriageEntry:
    """One logged decision on a complaint. An override keeps the original and the motivation."""

    id: int | None
    complaint_id: int
    decided_at: str  # ISO timestamp
    user: str
    intervention: Intervention
    overridden: bool = False
    original_decision: Decision | None = None
    motivation: str = ""


def check_override(complaint: Complaint, decision: Decision, measure: Measure,
                   motivation: str) -> None:
    """An override needs a written motivation and may not cut a tree for solar panels only."""
    if len(motivation.strip()) < MIN_MOTIVATION_CHARS:
        raise ValidationError("motivering", f"schrijf een motivering van minstens "
                              f"{MIN_MOTIVATION_CHARS} tekens")
    grounds = set(complaint.categories) | set(categories_in_text(complaint.tekst))
    if grounds == {ComplaintCategory.ZONNEPANELEN} and (
            decision is Decision.INGRIJPEN or measure.cuts_tree):
        raise ValidationError("besluit", "geen gemeentelijke bomen kappen of snoeien omwille van "
                              "particuliere zonnepanelen (Groenvisie Assen 2040, §3.6)")
    fits = {Decision.NIET_INGRIJPEN: measure is Measure.GEEN,
            Decision.INSPECTIE: measure is Measure.INSPECTIE,
            Decision.INGRIJPEN: measure not in (Measure.GEEN, Measure.INSPECTIE)}
    if not fits[decision]:
        raise ValidationError("maatregel", f"'{measure}' past niet bij besluit '{decision}'")


def citation_for(rules, categories, decision: Decision, measure: Measure) -> str:
    """The source of the criteria rule that gives this decision for the complaint's categories
    (a rule with the same measure first); '' when no rule of the version gives it."""
    fitting = [r for r in rules if r.category in categories and r.decision is decision]
    fitting.sort(key=lambda r: r.measure is not measure)
    return fitting[0].citation if fitting else ""


def overridden_intervention(original: Intervention, decision: Decision, measure: Measure,
                            measure_text: str, motivation: str, citation: str = "") -> Intervention:
    """The handler's decision. It quotes the rule of the NEW decision (`citation`), never the
    rule behind the overridden one."""
    return Intervention(decision, f"{motivation.strip()}", measure, measure_text,
                        citation, original.version, TriagePath.HANDMATIG,
                        original.urgent, original.outcomes)


@dataclass(frozen=True)
class LetterContent:
    """Everything the response letter needs; the only place personal data meets a decision."""

    kenmerk: str
    complaint: Complaint
    addressee: Complainant
    intervention: Intervention
    boomnummer: str = ""
    straat: str = ""
    datum: str = ""  # letter date, ISO
    handler: str = ""
    criteria_adopted: bool = False  # the criteria version was vastgesteld (else: concept)
