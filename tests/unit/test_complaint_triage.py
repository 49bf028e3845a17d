"""Triage with the default criteria: every rule, the solar-panel policy, not-our-tree paths."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bomenplan.domain.complaints import (
    Channel,
    ClearanceOver,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
)
from bomenplan.domain.criteria import Decision, Measure, Rule
from bomenplan.domain.triage import TriagePath, evaluate_complaint
from bomenplan.services.criteria_defaults import default_criteria

C = ComplaintCategory
CRITERIA = default_criteria()


def complaint(*categories, tekst="", tree_ids=(1,)):
    return Complaint(None, date(2026, 5, 1), Channel.TELEFOON, tuple(categories), tekst, tree_ids)


def ours(**facts):
    return ComplaintFacts(eigenaar=TreeOwner.GEMEENTE, boomnummer="A-1", **facts)


# (category, facts, expected decision, expected measure, rule code) — one row per default rule
CASES = [
    (C.TAKKEN_GEVEL_DAK, ours(afstand_gevel_m=0.5), Decision.INGRIJPEN, Measure.SNOEIEN, "gevel-binnen-1m"),
    (C.TAKKEN_GEVEL_DAK, ours(afstand_gevel_m=1.0), Decision.INGRIJPEN, Measure.SNOEIEN, "gevel-binnen-1m"),
    (C.TAKKEN_GEVEL_DAK, ours(afstand_gevel_m=1.2), Decision.NIET_INGRIJPEN, Measure.GEEN, "gevel-verder-dan-1m"),
    (C.TAKKEN_GEVEL_DAK, ours(), Decision.INSPECTIE, Measure.INSPECTIE, "gevel-afstand-onbekend"),
    (C.DOOD_HOUT, ours(dood_hout=True), Decision.INGRIJPEN, Measure.SNOEIEN, "dood-hout-aanwezig"),
    (C.DOOD_HOUT, ours(dood_hout=False), Decision.NIET_INGRIJPEN, Measure.GEEN, "dood-hout-niet-aanwezig"),
    (C.DOOD_HOUT, ours(), Decision.INGRIJPEN, Measure.SNOEIEN, "dood-hout-gemeld"),
    (C.TAKKEN_GEVEL_DAK, ours(takken_raken_gevel=True), Decision.INGRIJPEN, Measure.SNOEIEN,
     "gevel-raakt-volgens-melding"),
    (C.WORTELSCHADE, ours(struikelgevaar=True), Decision.INGRIJPEN, Measure.HERSTEL_VERHARDING,
     "wortel-struikelgevaar"),
    (C.WORTELSCHADE, ours(struikelgevaar=False), Decision.INSPECTIE, Measure.INSPECTIE,
     "wortelschade-zonder-struikelgevaar"),
    (C.LICHT, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "licht-woning"),
    (C.VOGELPOEP, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "vogelpoep"),
    (C.OVERHANG_TUIN, ours(), Decision.INGRIJPEN, Measure.SNOEIEN, "overhang-tuin"),
    (C.EIKENPROCESSIERUPS, ours(soort="Prunus padus"), Decision.NIET_INGRIJPEN, Measure.GEEN,
     "epr-geen-eik"),
    (C.EIKENPROCESSIERUPS, ours(soort="Quercus robur", locatie_risico="hoog"), Decision.INGRIJPEN,
     Measure.BESTRIJDING, "epr-eik-hoog-risico"),
    (C.EIKENPROCESSIERUPS, ours(soort="Quercus rubra", locatie_risico="laag"),
     Decision.NIET_INGRIJPEN, Measure.GEEN, "epr-eik-laag-risico"),
    (C.EIKENPROCESSIERUPS, ours(soort="Quercus palustris"), Decision.INSPECTIE, Measure.INSPECTIE,
     "epr-eik-beoordelen"),
    (C.EIKENPROCESSIERUPS, ours(), Decision.INSPECTIE, Measure.INSPECTIE, "epr-soort-onbekend"),
    (C.ZICHT_VERKEER, ours(), Decision.INGRIJPEN, Measure.SNOEIEN, "zicht-verkeer"),
    (C.DOORRIJHOOGTE, ours(doorrijhoogte_over=ClearanceOver.RIJBAAN, doorrijhoogte_m=4.2),
     Decision.INGRIJPEN, Measure.SNOEIEN, "doorrijhoogte-rijbaan-te-laag"),
    (C.DOORRIJHOOGTE, ours(doorrijhoogte_over=ClearanceOver.RIJBAAN, doorrijhoogte_m=4.5),
     Decision.NIET_INGRIJPEN, Measure.GEEN, "doorrijhoogte-rijbaan-voldoende"),
    (C.DOORRIJHOOGTE, ours(doorrijhoogte_over=ClearanceOver.FIETSPAD, doorrijhoogte_m=2.3),
     Decision.INGRIJPEN, Measure.SNOEIEN, "doorrijhoogte-pad-te-laag"),
    (C.DOORRIJHOOGTE, ours(doorrijhoogte_over=ClearanceOver.VOETPAD, doorrijhoogte_m=3.0),
     Decision.NIET_INGRIJPEN, Measure.GEEN, "doorrijhoogte-pad-voldoende"),
    (C.DOORRIJHOOGTE, ours(doorrijhoogte_over=ClearanceOver.RIJBAAN), Decision.INSPECTIE,
     Measure.INSPECTIE, "doorrijhoogte-meten"),
    (C.DOORRIJHOOGTE, ours(doorrijhoogte_m=3.0), Decision.INSPECTIE, Measure.INSPECTIE,
     "doorrijhoogte-soort-weg-onbekend"),
    (C.WORTELSCHADE, ours(), Decision.INSPECTIE, Measure.INSPECTIE, "wortelschade"),
    (C.SCHADUW, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "schaduw"),
    (C.ZONNEPANELEN, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "zonnepanelen"),
    (C.BLADVAL, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "bladval"),
    (C.VRUCHTVAL, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "vruchtval"),
    (C.HONINGDAUW, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "honingdauw"),
    (C.BOOM_TE_GROOT, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "boom-te-groot"),
    (C.POLLEN, ours(), Decision.NIET_INGRIJPEN, Measure.GEEN, "pollen"),
    (C.SCHEEF_INSTABIEL, ours(), Decision.INSPECTIE, Measure.INSPECTIE, "scheef-instabiel"),
    (C.OVERIG, ours(), Decision.INSPECTIE, Measure.INSPECTIE, "overig"),
]


def test_cases_cover_every_default_rule():
    assert {case[-1] for case in CASES} == {r.code for r in CRITERIA.rules}


@pytest.mark.parametrize("category, facts, decision, measure, code", CASES,
                         ids=[case[-1] + f"-{i}" for i, case in enumerate(CASES)])
def test_default_rule(category, facts, decision, measure, code):
    result = evaluate_complaint(complaint(category), facts, CRITERIA)
    assert result.decision is decision
    assert result.measure is measure
    assert result.outcomes[0].rule_code == code
    rule = next(r for r in CRITERIA.rules if r.code == code)
    assert result.citation == rule.citation and result.citation
    assert result.version == CRITERIA.label
    assert result.path is TriagePath.CRITERIA


def test_response_text_is_filled_in_with_facts():
    result = evaluate_complaint(complaint(C.DOORRIJHOOGTE),
                                ours(doorrijhoogte_over=ClearanceOver.FIETSPAD, doorrijhoogte_m=2.3),
                                CRITERIA)
    assert "2,3 m" in result.reason and "fietspad" in result.reason


def test_urgent_rules_mark_the_intervention():
    assert evaluate_complaint(complaint(C.SCHEEF_INSTABIEL), ours(), CRITERIA).urgent
    assert not evaluate_complaint(complaint(C.SCHADUW), ours(), CRITERIA).urgent


def test_roof_and_solar_panels_act_on_the_roof_only():
    mixed = complaint(C.TAKKEN_GEVEL_DAK, C.ZONNEPANELEN,
                      tekst="De takken hangen over mijn dak en over mijn zonnepanelen")
    result = evaluate_complaint(mixed, ours(afstand_gevel_m=0.4), CRITERIA)
    assert result.decision is Decision.INGRIJPEN and result.measure is Measure.SNOEIEN
    assert "alleen vanwege: takken tegen gevel of dak" in result.measure_text
    assert "zonnepanelen" not in result.measure_text.split("alleen vanwege")[1]
    assert "zonnepanelen zijn geen reden" in result.reason.lower()
    assert "Groenvisie Assen 2040, §3.6" in result.citation
    panels = next(o for o in result.outcomes if o.category is C.ZONNEPANELEN)
    assert panels.decision is Decision.NIET_INGRIJPEN and panels.measure is Measure.GEEN


def test_panels_mentioned_only_in_the_text_are_still_named_as_no_reason():
    result = evaluate_complaint(complaint(C.TAKKEN_GEVEL_DAK, tekst="takken boven dak en zonnepanelen"),
                                ours(afstand_gevel_m=0.4), CRITERIA)
    assert result.decision is Decision.INGRIJPEN
    assert "zonnepanelen zijn geen reden" in result.reason.lower()


def _rules_saying_prune_for_panels():
    return CRITERIA.with_changes(label="rogue", rules=tuple(
        Rule(r.code, r.category, Decision.INGRIJPEN, Measure.KAPPEN, "kappen", "kap", "x")
        if r.category is C.ZONNEPANELEN else r for r in CRITERIA.rules))


facts_strategy = st.builds(
    ComplaintFacts,
    eigenaar=st.sampled_from(TreeOwner),
    soort=st.sampled_from(["", "Quercus robur", "Tilia cordata"]),
    afstand_gevel_m=st.none() | st.floats(0, 100),
    stamdiameter_cm=st.none() | st.floats(0, 500),
    doorrijhoogte_over=st.none() | st.sampled_from(ClearanceOver),
    doorrijhoogte_m=st.none() | st.floats(0, 40),
    dood_hout=st.none() | st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(facts=facts_strategy, tekst=st.text(max_size=40), linked=st.booleans(),
       rogue=st.booleans())
def test_solar_panel_complaint_never_prunes_or_fells(facts, tekst, linked, rogue):
    criteria = _rules_saying_prune_for_panels() if rogue else CRITERIA
    result = evaluate_complaint(complaint(C.ZONNEPANELEN, tekst=tekst, tree_ids=(1,) if linked else ()),
                                facts, criteria)
    assert result.decision is not Decision.INGRIJPEN
    assert not result.measure.cuts_tree
    assert not result.creates_work_order


@pytest.mark.parametrize("owner", [TreeOwner.PARTICULIER, TreeOwner.ANDERS])
def test_private_tree_is_not_our_tree(owner):
    result = evaluate_complaint(complaint(C.DOOD_HOUT), ComplaintFacts(eigenaar=owner, dood_hout=True),
                                CRITERIA)
    assert result.path is TriagePath.NIET_ONZE_BOOM
    assert result.decision is Decision.NIET_INGRIJPEN
    assert "geen eigendom van de gemeente" in result.reason or "andere overheid" in result.reason


def test_complaint_without_tree_gets_the_no_tree_path_but_still_a_decision():
    """Shade is never a reason (Leopoldsburg), whichever tree it is; dead wood is acted on, after
    the tree and its owner have been found on site."""
    shade = evaluate_complaint(complaint(C.SCHADUW, tree_ids=()), ComplaintFacts(), CRITERIA)
    assert shade.path is TriagePath.GEEN_BOOM and shade.decision is Decision.NIET_INGRIJPEN
    dead = evaluate_complaint(complaint(C.DOOD_HOUT, tree_ids=()), ComplaintFacts(), CRITERIA)
    assert dead.path is TriagePath.GEEN_BOOM and dead.decision is Decision.INGRIJPEN and dead.urgent
    assert dead.measure_text.startswith("Boom en eigenaar ter plaatse vaststellen")
