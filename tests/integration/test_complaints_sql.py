"""Complaint services on a real SQLite file: intake, triage, work orders, overrides, purge."""

from datetime import date

import pytest
from shapely.geometry import Point

from bomenplan.domain.complaints import (
    Channel,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    ComplaintStatus,
)
from bomenplan.domain.criteria import CriteriaConflictError, CriteriaStatus, Decision, Measure
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.tree import Tree
from bomenplan.services import complaints, criteria_admin, register

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

C = ComplaintCategory
PERSON = Complainant(None, "Jantine Veldkamp-Oosting", "Kloosterstraat 17", "9401 KD", "Assen",
                     "0592-366123", "j.veldkamp@example.nl")


def add_tree(uow_factory, nummer="ASN-7", eigenaar="Gemeente Assen"):
    return register.add_tree(uow_factory(), Tree(
        id=None, boomnummer=nummer, site_id=None, position=Point(233001.0, 557002.0),
        species_name="Tilia x europaea", straat="Nobellaan", wijk="Centrum", eigenaar=eigenaar,
        stamdiameter_cm=48))


def intake(uow_factory, tree_ids, *categories, tekst="", facts=None, person=PERSON,
           datum=date(2026, 4, 2), retention_days=365):
    complaint = Complaint(None, datum, Channel.TELEFOON, categories, tekst, tree_ids)
    return complaints.register_complaint(uow_factory(), complaint, facts, person, retention_days)


def test_intake_fills_facts_from_the_register_and_keeps_personal_data_apart(uow_factory):
    tree = add_tree(uow_factory)
    record = intake(uow_factory, (tree.id,), C.SCHADUW)
    assert record.complaint.wijk == "Centrum"
    assert record.facts.soort == "Tilia x europaea" and record.facts.stamdiameter_cm == 48
    assert record.facts.eigenaar == "gemeente"
    person = complaints.complainant_of(uow_factory(), record.complaint.id)
    assert person.naam == PERSON.naam and person.purge_after == date(2027, 4, 2)


def test_ingrijpen_creates_a_work_order_in_the_tree_history(uow_factory):
    tree = add_tree(uow_factory)
    record = intake(uow_factory, (tree.id,), C.TAKKEN_GEVEL_DAK, C.ZONNEPANELEN,
                    tekst="takken over mijn dak en mijn zonnepanelen",
                    facts=ComplaintFacts(afstand_gevel_m=0.3))
    result = complaints.triage_complaint(uow_factory(), record.complaint.id, user="anna")
    assert result.decision is Decision.INGRIJPEN and result.version == "2026-1 standaard"
    orders = complaints.work_orders_of_tree(uow_factory(), tree.id)
    assert len(orders) == 1 and orders[0].measure is Measure.SNOEIEN
    history = register.tree_history(uow_factory(), tree.id)
    assert history[0].field == "werkorder" and f"melding {record.complaint.id}" in history[0].new
    stored = complaints.get_complaint(uow_factory(), record.complaint.id)
    assert stored.complaint.status is ComplaintStatus.IN_BEHANDELING


def test_niet_ingrijpen_creates_no_work_order(uow_factory):
    tree = add_tree(uow_factory)
    record = intake(uow_factory, (tree.id,), C.ZONNEPANELEN)
    assert complaints.triage_complaint(uow_factory(), record.complaint.id).decision is Decision.NIET_INGRIJPEN
    assert complaints.work_orders_of_tree(uow_factory(), tree.id) == []


def test_private_tree_in_register_takes_the_not_our_tree_path(uow_factory):
    tree = add_tree(uow_factory, eigenaar="particulier")
    record = intake(uow_factory, (tree.id,), C.DOOD_HOUT, facts=ComplaintFacts(dood_hout=True))
    result = complaints.triage_complaint(uow_factory(), record.complaint.id)
    assert result.path == "niet onze boom" and result.decision is Decision.NIET_INGRIJPEN


def test_override_needs_a_motivation_and_is_logged(uow_factory):
    tree = add_tree(uow_factory)
    record = intake(uow_factory, (tree.id,), C.HONINGDAUW)
    cid = record.complaint.id
    complaints.triage_complaint(uow_factory(), cid, user="anna")
    with pytest.raises(ValidationError, match="motivering"):
        complaints.override_decision(uow_factory(), cid, Decision.INGRIJPEN, Measure.SNOEIEN,
                                     "snoeien", "  ", user="anna")
    complaints.override_decision(uow_factory(), cid, Decision.INGRIJPEN, Measure.SNOEIEN,
                                 "Kroon innemen", "Extreme honingdauw op speelplaats school", "piet")
    log = complaints.decision_log(uow_factory(), cid)
    assert [e.overridden for e in log] == [True, False]
    assert log[0].original_decision is Decision.NIET_INGRIJPEN and log[0].user == "piet"
    assert log[0].motivation == "Extreme honingdauw op speelplaats school"
    assert len(complaints.work_orders_of_tree(uow_factory(), tree.id)) == 1


def test_override_cannot_prune_for_solar_panels(uow_factory):
    tree = add_tree(uow_factory)
    cid = intake(uow_factory, (tree.id,), C.ZONNEPANELEN).complaint.id
    complaints.triage_complaint(uow_factory(), cid)
    with pytest.raises(ValidationError, match="zonnepanelen"):
        complaints.override_decision(uow_factory(), cid, Decision.INGRIJPEN, Measure.SNOEIEN,
                                     "snoeien", "Bewoner dringt erg aan, wil meer zon", "piet")
    assert len(complaints.decision_log(uow_factory(), cid)) == 1


def test_personal_data_is_purged_after_the_retention_period(uow_factory):
    tree = add_tree(uow_factory)
    old = intake(uow_factory, (tree.id,), C.SCHADUW, datum=date(2025, 1, 10), retention_days=30)
    new = intake(uow_factory, (tree.id,), C.SCHADUW, datum=date(2026, 4, 1), retention_days=30)
    assert complaints.purge_personal_data(uow_factory(), today=date(2026, 4, 20)) == 1
    assert complaints.complainant_of(uow_factory(), old.complaint.id) is None
    assert complaints.complainant_of(uow_factory(), new.complaint.id) is not None
    assert complaints.get_complaint(uow_factory(), old.complaint.id).complaint.id == old.complaint.id


def test_concept_with_conflict_cannot_be_adopted_and_stays_concept(uow_factory):
    active = criteria_admin.active_criteria(uow_factory())
    concept = criteria_admin.copy_as_concept(uow_factory(), active.label, "2027 concept", "beleid")
    broken = concept.with_changes(rules=tuple(
        r for r in concept.rules if r.code != "honingdauw"))
    criteria_admin.save_concept(uow_factory(), broken)
    with pytest.raises(CriteriaConflictError, match="honingdauw"):
        criteria_admin.adopt_version(uow_factory(), "2027 concept")
    versions = {v.label: v.status for v in criteria_admin.list_versions(uow_factory())}
    assert versions == {"2026-1 standaard": CriteriaStatus.CONCEPT,
                        "2027 concept": CriteriaStatus.CONCEPT}


def test_adopted_concept_becomes_active_and_reexamination_uses_stored_complaints(uow_factory):
    tree = add_tree(uow_factory)
    for distance in (0.5, 1.5, 3.0):
        intake(uow_factory, (tree.id,), C.TAKKEN_GEVEL_DAK,
               facts=ComplaintFacts(afstand_gevel_m=distance))
    active = criteria_admin.active_criteria(uow_factory())
    concept = criteria_admin.copy_as_concept(uow_factory(), active.label, "2027", "beleid")
    edited = tuple(_widen(r) for r in concept.rules)
    criteria_admin.save_concept(uow_factory(), concept.with_changes(rules=edited))
    result = criteria_admin.reexamine_concept(uow_factory(), "2027")
    assert result.total == 3 and result.changed_count == 1
    assert result.work_orders_per_year == {2026: (1, 2)}
    criteria_admin.adopt_version(uow_factory(), "2027", on=date(2027, 1, 1))
    assert criteria_admin.active_criteria(uow_factory()).label == "2027"


def _widen(rule):
    """Façade distance threshold from 1 m to 2 m."""
    from dataclasses import replace

    from bomenplan.domain.criteria import Condition
    conditions = tuple(Condition(c.field, c.op, 2.0) if c.field == "afstand_gevel_m"
                       and c.op != "onbekend" else c for c in rule.conditions)
    return replace(rule, conditions=conditions)
