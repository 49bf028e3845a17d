"""What triage works with: the complaint's categories and facts, completed from its own words.

Facts the handler recorded (or the register gave) always win; the text only fills gaps. Once the
handler has confirmed the facts in the intake dialog (`feiten_bevestigd`), the text is not read
again, so a proposal the handler rejected stays rejected.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from bomenplan.domain.complaint_text_facts import TextFact, TextFindings, find_text_facts
from bomenplan.domain.complaints import (
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
    categories_in_text,
)

C = ComplaintCategory
CATEGORY_OF_FACT: dict[TextFact, ComplaintCategory] = {
    TextFact.TAKKEN_GEVEL: C.TAKKEN_GEVEL_DAK,
    TextFact.DOOD_HOUT: C.DOOD_HOUT,
    TextFact.STRUIKELGEVAAR: C.WORTELSCHADE,
    TextFact.WORTELS: C.WORTELSCHADE,
    TextFact.RUPSEN_SPINSEL: C.EIKENPROCESSIERUPS,
    TextFact.SCHADUW: C.SCHADUW,
    TextFact.LICHT: C.LICHT,
    TextFact.BLADVAL: C.BLADVAL,
    TextFact.VRUCHTVAL: C.VRUCHTVAL,
    TextFact.ZONNEPANELEN: C.ZONNEPANELEN,
    TextFact.VOGELPOEP: C.VOGELPOEP,
    TextFact.LANTAARN_BORD: C.ZICHT_VERKEER,
    TextFact.DOORRIJHOOGTE: C.DOORRIJHOOGTE,
    TextFact.OVERHANG_TUIN: C.OVERHANG_TUIN,
    TextFact.TE_GROOT: C.BOOM_TE_GROOT,
    TextFact.POLLEN: C.POLLEN,
    TextFact.HONINGDAUW: C.HONINGDAUW,
    TextFact.SCHEEF: C.SCHEEF_INSTABIEL,
}


@lru_cache(maxsize=4096)
def categories_from_findings(findings: TextFindings) -> tuple[ComplaintCategory, ...]:
    """Categories the words point to, in a fixed order; 'overig' for damage with nothing else."""
    found = [CATEGORY_OF_FACT[f.fact] for f in findings.facts if f.fact in CATEGORY_OF_FACT]
    if findings.has(TextFact.TAKKEN_GEVEL) and C.OVERHANG_TUIN in found:
        found.remove(C.OVERHANG_TUIN)  # branches against the house: the façade rule decides
    if not found and (findings.has(TextFact.SCHADE) or findings.has(TextFact.OVER_OPENBARE_RUIMTE)):
        found.append(C.OVERIG)
    return tuple(c for c in ComplaintCategory if c in found)


@lru_cache(maxsize=4096)
def proposed_facts(findings: TextFindings) -> tuple[tuple[str, object], ...]:
    """(fact name, value) pairs the words propose; only what they say, nothing else."""
    kinds = {f.fact for f in findings.facts}
    public = bool(kinds & {TextFact.OVER_OPENBARE_RUIMTE, TextFact.LANTAARN_BORD,
                           TextFact.DOORRIJHOOGTE, TextFact.STRUIKELGEVAAR})
    risk = ("hoog" if TextFact.RISICOLOCATIE in kinds
            else "laag" if TextFact.RUSTIGE_LOCATIE in kinds else "")
    proposals = {
        "eigenaar": TreeOwner.PARTICULIER if TextFact.BOOM_VAN_BUREN in kinds else None,
        "soort": findings.species[0].scientific if findings.species else "",
        "dood_hout": True if TextFact.DOOD_HOUT in kinds else None,
        "takken_raken_gevel": True if TextFact.TAKKEN_GEVEL in kinds else None,
        "struikelgevaar": True if TextFact.STRUIKELGEVAAR in kinds else None,
        "boven_openbare_ruimte": True if public else None,
        "locatie_risico": risk}
    return tuple((name, value) for name, value in proposals.items() if value not in (None, ""))


def facts_from_findings(findings: TextFindings) -> ComplaintFacts:
    """The proposed facts as ComplaintFacts (everything not said stays unknown)."""
    return ComplaintFacts(**dict(proposed_facts(findings)))


def triage_inputs(complaint: Complaint, facts: ComplaintFacts
                  ) -> tuple[tuple[ComplaintCategory, ...], ComplaintFacts, TextFindings]:
    """(categories, facts, findings) for triage; the text is read unless the facts are confirmed."""
    categories = list(complaint.categories)
    categories += [c for c in categories_in_text(complaint.tekst) if c not in categories]
    if facts.feiten_bevestigd:
        return tuple(categories), facts, TextFindings()
    findings = find_text_facts(complaint.tekst, facts.locatie)
    placeholder = complaint.categories == (C.OVERIG,)  # batch rows without a category
    categories += [c for c in categories_from_findings(findings)
                   if c not in categories and (placeholder or c is not C.OVERIG)]
    if placeholder and len(categories) > 1:
        categories.remove(C.OVERIG)  # 'overig' was only a placeholder for the words to fill
    return tuple(categories), _filled(facts, proposed_facts(findings)), findings


def _filled(facts: ComplaintFacts, proposals: tuple[tuple[str, object], ...]) -> ComplaintFacts:
    changes = {name: value for name, value in proposals
               if getattr(facts, name) in (None, "", TreeOwner.ONBEKEND)}
    return replace(facts, **changes) if changes else facts
