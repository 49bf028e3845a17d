"""Complaint services with fakes: triage, work orders, overrides, purge, criteria versions."""

from datetime import date

import pytest
from complaint_fakes import fake_complaint_uow
from shapely.geometry import Point

from bomenplan.domain.complaints import (
    Channel,
    ClearanceOver,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
)
from bomenplan.domain.criteria import CriteriaConflictError, CriteriaStatus, Decision, Measure, Rule
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.tree import Tree
from bomenplan.services import complaints, criteria_admin

C = ComplaintCategory


@pytest.fixture
def uow():
    uow = fake_complaint_uow()
    uow.trees.add(Tree(None, "B-1", 1, Point(233000, 557000), "Quercus robur", wijk="Noord",
                       eigenaar="Gemeente Assen"))
    return uow


def intake(uow, *categories, facts=None, person=None):
    complaint = Complaint(None, date(2026, 2, 1), Channel.APP, categories, "", (1,))
    return complaints.register_complaint(uow, complaint, facts, person, retention_days=10).complaint.id


def test_eikenprocessierups_creates_an_urgent_control_work_order(uow):
    """An oak (register: Quercus robur) at a school is a high-risk location: treat soon (Leidraad
    beheersing eikenprocessierups 2019)."""
    cid = intake(uow, C.EIKENPROCESSIERUPS, facts=ComplaintFacts(locatie="naast de basisschool"))
    result = complaints.triage_complaint(uow, cid, user="anna")
    assert result.decision is Decision.INGRIJPEN and result.urgent
    [order] = uow.work_orders.for_tree(1)
    assert order.measure is Measure.BESTRIJDING and order.urgent
    [change] = uow.changes.for_entity("tree", 1)
    assert change.field == "werkorder" and change.user == "anna"


def test_triage_twice_does_not_double_the_work_order(uow):
    cid = intake(uow, C.ZICHT_VERKEER)
    complaints.triage_complaint(uow, cid)
    complaints.triage_complaint(uow, cid)
    assert len(uow.work_orders.rows) == 1 and len(uow.triage_log.entries) == 2


def test_override_before_triage_is_refused(uow):
    cid = intake(uow, C.SCHADUW)
    with pytest.raises(ValidationError, match="eerst"):
        complaints.override_decision(uow, cid, Decision.INSPECTIE, Measure.INSPECTIE, "",
                                     "Bewoner is slechtziend, kijken")


def test_override_to_inspection_is_logged_with_its_motivation(uow):
    cid = intake(uow, C.SCHADUW)
    complaints.triage_complaint(uow, cid)
    complaints.override_decision(uow, cid, Decision.INSPECTIE, Measure.INSPECTIE, "kijken",
                                 "Extreme schaduw in de woonkamer volgens foto", "piet")
    entry = uow.triage_log.for_complaint(cid)[0]
    assert entry.overridden and entry.original_decision is Decision.NIET_INGRIJPEN
    assert entry.intervention.path == "handmatig besluit" and uow.work_orders.rows == []


def test_purge_removes_only_expired_personal_data(uow):
    cid = intake(uow, C.SCHADUW, person=Complainant(None, "K. de Boer", email="k@example.nl"))
    assert uow.complainants.for_complaint(cid).purge_after == date(2026, 2, 11)
    assert complaints.purge_personal_data(uow, date(2026, 2, 10)) == 0
    assert complaints.purge_personal_data(uow, date(2026, 2, 11)) == 1
    assert uow.complainants.for_complaint(cid) is None and uow.complaints.get(cid)


def test_letter_content_needs_a_complainant_and_a_decision(uow):
    cid = intake(uow, C.SCHADUW, person=Complainant(None, "K. de Boer"))
    with pytest.raises(ValidationError):
        complaints.letter_content(uow, cid)
    complaints.triage_complaint(uow, cid)
    content = complaints.letter_content(uow, cid, on=date(2026, 3, 1))
    assert content.kenmerk == f"BOM-2026-{cid:05d}" and content.boomnummer == "B-1"
    assert content.addressee.naam == "K. de Boer"


def test_unknown_boomnummer_is_named(uow):
    with pytest.raises(ValidationError, match="'B-9'"):
        complaints.tree_ids_for(uow, "B-1, B-9")


def test_trees_found_by_boomnummer_or_a_street_with_one_tree(uow):
    uow.trees.add(Tree(None, "B-2", 2, Point(233010, 557000), "Tilia cordata", straat="Brink"))
    assert complaints.tree_ids_for(uow, "B-1, brink") == [1, 2]
    uow.trees.add(Tree(None, "B-3", 3, Point(233020, 557000), "Tilia cordata", straat="Brink"))
    with pytest.raises(ValidationError, match="2 bomen aan 'Brink'"):
        complaints.tree_ids_for(uow, "Brink")


def test_adopted_versions_cannot_be_adopted_again_and_conflicts_block(uow):
    shipped = criteria_admin.active_criteria(uow)
    assert shipped.status is CriteriaStatus.CONCEPT  # the default set ships as a concept
    active = criteria_admin.adopt_version(uow, shipped.label, date(2026, 4, 1))
    assert criteria_admin.active_criteria(uow) == active
    with pytest.raises(ValidationError, match="al vastgesteld"):
        criteria_admin.adopt_version(uow, active.label)
    concept = criteria_admin.copy_as_concept(uow, active.label, "c", "beleid", date(2026, 5, 1))
    duplicate = next(r for r in concept.rules if r.code == "gevel-binnen-1m")
    clash = duplicate.__class__(**{**duplicate.__dict__, "code": "gevel-ook",
                                   "decision": Decision.INSPECTIE, "measure": Measure.INSPECTIE})
    criteria_admin.save_concept(uow, concept.with_changes(rules=concept.rules + (clash,)))
    with pytest.raises(CriteriaConflictError, match="'gevel-binnen-1m'.*'gevel-ook'"):
        criteria_admin.adopt_version(uow, "c")
    assert criteria_admin.active_criteria(uow).label == active.label


def test_register_facts_fill_gaps_but_handler_facts_win(uow):
    cid = intake(uow, C.TAKKEN_GEVEL_DAK, facts=ComplaintFacts(afstand_gevel_m=2.0, soort="Eik"))
    facts = uow.complaints.get(cid).facts
    assert facts.soort == "Eik" and facts.boomnummer == "B-1" and facts.eigenaar == "gemeente"


def test_override_given_codes_as_plain_str_acts_like_the_enum(uow):
    """Qt combo boxes hand StrEnum members back as str; the service must not be fooled by that."""
    cid = intake(uow, C.HONINGDAUW)
    complaints.triage_complaint(uow, cid)
    result = complaints.override_decision(uow, cid, "ingrijpen", "snoeien", "",
                                          "Extreme honingdauw boven het schoolplein")
    assert result.decision is Decision.INGRIJPEN and result.measure is Measure.SNOEIEN
    [order] = uow.work_orders.for_tree(1)
    assert order.measure is Measure.SNOEIEN


def test_override_for_solar_panels_given_as_str_is_refused_not_a_crash(uow):
    cid = intake(uow, C.ZONNEPANELEN)
    complaints.triage_complaint(uow, cid)
    with pytest.raises(ValidationError, match="zonnepanelen"):
        complaints.override_decision(uow, cid, "niet ingrijpen", "snoeien", "",
                                     "Bewoner wil meer zon op de panelen")
    assert not uow.work_orders.rows and len(uow.triage_log.entries) == 1


def test_unknown_decision_code_is_a_validation_error_naming_the_field(uow):
    cid = intake(uow, C.SCHADUW)
    complaints.triage_complaint(uow, cid)
    with pytest.raises(ValidationError, match="besluit"):
        complaints.override_decision(uow, cid, "wegzagen", Measure.KAPPEN, "",
                                     "Dit besluit bestaat niet")


def test_complaint_facts_and_rules_turn_codes_into_members():
    complaint = Complaint(None, date(2026, 2, 1), "telefoon", ("zonnepanelen",), status="open")
    assert complaint.kanaal is Channel.TELEFOON and complaint.categories[0] is C.ZONNEPANELEN
    facts = ComplaintFacts(eigenaar="particulier", doorrijhoogte_over="fietspad")
    assert facts.eigenaar is TreeOwner.PARTICULIER and facts.doorrijhoogte_over is ClearanceOver.FIETSPAD
    rule = Rule("x", "schaduw", "niet ingrijpen", "geen", "", "", "")
    assert rule.category is C.SCHADUW and rule.decision is Decision.NIET_INGRIJPEN
    assert rule.measure is Measure.GEEN
    with pytest.raises(ValidationError, match="kanaal"):
        Complaint(None, date(2026, 2, 1), "postduif", (C.SCHADUW,))
