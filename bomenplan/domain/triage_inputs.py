"""What triage works with: the complaint's categories and facts, completed from its own words.

Facts the handler recorded (or the register gave) always win; the text only fills gaps. Once the
handler has confirmed the facts in the intake dialog (`feiten_bevestigd`), the text is not read
again, so a proposal the handler rejected stays rejected.
"""

from __future__ import annotations

from dataclasses import replace

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


def categories_from_findings(findings: TextFindings) -> tuple[ComplaintCategory, ...]:
    """Categories the words point to, in a fixed order; 'overig' for damage with nothing else."""
    found = [CATEGORY_OF_FACT[f.fact] for f in findings.facts if f.fact in CATEGORY_OF_FACT]
    if findings.has(TextFact.TAKKEN_GEVEL) and C.OVERHANG_TUIN in found:
        found.remove(C.OVERHANG_TUIN)  # branches against the house: the façade rule decides
    if not found and (findings.has(TextFact.SCHADE) or findings.has(TextFact.OVER_OPENBARE_RUIMTE)):
        found.append(C.OVERIG)
    return tuple(c for c in ComplaintCategory if c in found)


def facts_from_findings(findings: TextFindings) -> ComplaintFacts:
    """The facts the words propose (only what they say; everything else stays unknown)."""
    public = any(findings.has(f) for f in (TextFact.OVER_OPENBARE_RUIMTE, TextFact.LANTAARN_BORD,
                                           TextFact.DOORRIJHOOGTE, TextFact.STRUIKELGEVAAR))
    risk = ("hoog" if findings.has(TextFact.RISICOLOCATIE)
            else "laag" if findings.has(TextFact.RUSTIGE_LOCATIE) else "")
    return ComplaintFacts(
        eigenaar=TreeOwner.PARTICULIER if findings.has(TextFact.BOOM_VAN_BUREN) else TreeOwner.ONBEKEND,
        soort=findings.species[0].scientific if findings.species else "",
        dood_hout=True if findings.has(TextFact.DOOD_HOUT) else None,
        takken_raken_gevel=True if findings.has(TextFact.TAKKEN_GEVEL) else None,
        struikelgevaar=True if findings.has(TextFact.STRUIKELGEVAAR) else None,
        boven_openbare_ruimte=True if public else None,
        locatie_risico=risk)


def triage_inputs(complaint: Complaint, facts: ComplaintFacts
                  ) -> tuple[tuple[ComplaintCategory, ...], ComplaintFacts, TextFindings]:
    """(categories, facts, findings) for triage; the text is read unless the facts are confirmed."""
    categories = list(complaint.categories)
    categories += [c for c in categories_in_text(complaint.tekst) if c not in categories]
    if facts.doorrijhoogte_over is not None and facts.boven_openbare_ruimte is None:
        facts = replace(facts, boven_openbare_ruimte=True)
    if facts.feiten_bevestigd:
        return tuple(categories), facts, TextFindings()
    findings = find_text_facts(complaint.tekst, facts.locatie)
    categories += [c for c in categories_from_findings(findings) if c not in categories]
    if complaint.categories == (C.OVERIG,) and len(categories) > 1:
        categories.remove(C.OVERIG)  # 'overig' was only a placeholder for the words to fill
    return tuple(categories), _filled(facts, facts_from_findings(findings)), findings


def _filled(facts: ComplaintFacts, proposed: ComplaintFacts) -> ComplaintFacts:
    changes = {name: getattr(proposed, name) for name in (
        "soort", "dood_hout", "takken_raken_gevel", "struikelgevaar", "boven_openbare_ruimte",
        "locatie_risico") if getattr(facts, name) in (None, "")}
    if facts.eigenaar is TreeOwner.ONBEKEND:
        changes["eigenaar"] = proposed.eigenaar
    return replace(facts, **changes)
