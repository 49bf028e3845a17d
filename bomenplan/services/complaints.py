"""Use cases for complaints: intake, triage with the active criteria, overrides with a logged
motivation, work orders in the tree's history, letters, and purging personal data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bomenplan.domain.complaint_log import (
    LetterContent,
    TriageEntry,
    WorkOrder,
    check_override,
    citation_for,
    overridden_intervention,
)
from bomenplan.domain.complaints import (
    Complainant,
    Complaint,
    ComplaintFacts,
    ComplaintRecord,
    ComplaintStatus,
    as_member,
    owner_from_register,
)
from bomenplan.domain.criteria import CriteriaStatus, Decision, Measure
from bomenplan.domain.errors import NotFound, ValidationError
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import FieldChange, Tree
from bomenplan.domain.triage import Intervention, evaluate_complaint
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.criteria_admin import active_criteria
from bomenplan.services.work_orders import cancel_superseded_orders

DEFAULT_RETENTION_DAYS = 365  # personal data is purged this long after intake (AVG)


def facts_from_tree(tree: Tree) -> ComplaintFacts:
    return ComplaintFacts(eigenaar=owner_from_register(tree.eigenaar), soort=tree.species_name,
                          boomnummer=tree.boomnummer, stamdiameter_cm=tree.stamdiameter_cm,
                          locatie=tree.straat)


def _with_register_facts(uow, complaint: Complaint, facts: ComplaintFacts) -> ComplaintFacts:
    """Facts of the handler, gaps filled from the first linked tree of the register."""
    if not complaint.tree_ids:
        return facts
    return facts.filled_from(facts_from_tree(uow.trees.get(complaint.tree_ids[0])))


def register_complaint(uow, complaint: Complaint, facts: ComplaintFacts | None = None,
                       complainant: Complainant | None = None,
                       retention_days: int = DEFAULT_RETENTION_DAYS) -> ComplaintRecord:
    """Intake: store the complaint (and, apart from it, the complainant's personal data)."""
    if retention_days < 0:
        raise ValidationError("bewaartermijn", "moet 0 of meer dagen zijn")
    facts = facts or ComplaintFacts()
    with uow:
        authorize(uow, Permission.COMPLAINTS)
        trees = [uow.trees.get(t) for t in complaint.tree_ids]  # NotFound for unknown trees
        if trees and not complaint.wijk:
            complaint = complaint.with_changes(wijk=trees[0].wijk)
        record = uow.complaints.add(complaint, _with_register_facts(uow, complaint, facts))
        if complainant is not None:
            uow.complainants.add(replace(
                complainant, complaint_id=record.complaint.id,
                purge_after=complaint.datum + timedelta(days=retention_days)))
        log_change(uow, "melding", record.complaint.id, "aangemaakt", "",
                   ", ".join(str(c) for c in record.complaint.categories))
        uow.commit()
        return record


def update_complaint(uow, complaint: Complaint, facts: ComplaintFacts) -> ComplaintRecord:
    with uow:
        authorize(uow, Permission.COMPLAINTS)
        record = uow.complaints.update(complaint, _with_register_facts(uow, complaint, facts))
        log_change(uow, "melding", complaint.id, "gewijzigd", "", "melding en feiten opgeslagen")
        uow.commit()
        return record


def get_complaint(uow, complaint_id: int) -> ComplaintRecord:
    with uow:
        return uow.complaints.get(complaint_id)


def list_complaints(uow, status: ComplaintStatus | None = None) -> list[ComplaintRecord]:
    status = None if status is None else as_member(ComplaintStatus, status, "status")
    with uow:
        return uow.complaints.list(status)


def set_status(uow, complaint_id: int, status: ComplaintStatus) -> ComplaintRecord:
    status = as_member(ComplaintStatus, status, "status")
    with uow:
        authorize(uow, Permission.COMPLAINTS)
        record = uow.complaints.get(complaint_id)
        stored = uow.complaints.update(record.complaint.with_changes(status=status), record.facts)
        log_change(uow, "melding", complaint_id, "status", record.complaint.status, status)
        uow.commit()
        return stored


def _create_work_orders(uow, record: ComplaintRecord, intervention: Intervention, user: str,
                        replaces: bool = False) -> None:
    """Orders for an 'ingrijpen' (one per tree); after an override also the order that replaces
    a cancelled one. A complaint that already has an active order for this measure gets none."""
    active = [o for o in uow.work_orders.for_complaint(record.complaint.id) if o.status.is_active]
    if any(o.measure is intervention.measure for o in active):
        return
    if not replaces and uow.work_orders.for_complaint(record.complaint.id):
        return
    text = intervention.measure_text or str(intervention.measure)
    for tree_id in record.complaint.tree_ids or (None,):
        wijk = uow.trees.get(tree_id).wijk if tree_id is not None else record.complaint.wijk
        order = uow.work_orders.add(WorkOrder(None, record.complaint.id, tree_id, now_text(),
                                              intervention.measure, text, intervention.urgent,
                                              wijk=wijk))
        if tree_id is not None:
            uow.changes.record([FieldChange(
                "tree", tree_id, "werkorder", "",
                f"werkorder {order.id}: {text} (melding {record.complaint.id})", now_text(), user,
                f"melding {record.complaint.id}: {intervention.decision}")])


def _log(uow, record: ComplaintRecord, intervention: Intervention, user: str, **override) -> None:
    uow.triage_log.record(TriageEntry(None, record.complaint.id, now_text(), user, intervention,
                                      **override))
    log_change(uow, "melding", record.complaint.id, "besluit" + (" (afwijkend)" if override else ""),
               override.get("original_decision", ""), intervention.decision, user,
               override.get("motivation", ""))
    if intervention.decision is Decision.INGRIJPEN:
        _create_work_orders(uow, record, intervention, user)
    if record.complaint.status is ComplaintStatus.OPEN:
        uow.complaints.update(record.complaint.with_changes(status=ComplaintStatus.IN_BEHANDELING),
                              record.facts)


def triage_complaint(uow, complaint_id: int, user: str = "") -> Intervention:
    """Apply the active criteria; log the decision; an 'ingrijpen' creates a work order."""
    criteria = active_criteria(uow)
    with uow:
        authorize(uow, Permission.COMPLAINTS)
        record = uow.complaints.get(complaint_id)
        intervention = evaluate_complaint(record.complaint, record.facts, criteria)
        _log(uow, record, intervention, user)
        uow.commit()
        return intervention


def override_decision(uow, complaint_id: int, decision: Decision, measure: Measure,
                      measure_text: str, motivation: str, user: str = "") -> Intervention:
    """The handler's own decision; only with a written motivation, which is logged. Decision and
    measure may be given as their codes; anything else is a ValidationError."""
    decision = as_member(Decision, decision, "besluit")
    measure = as_member(Measure, measure, "maatregel")
    with uow:
        authorize(uow, Permission.COMPLAINTS)
        record = uow.complaints.get(complaint_id)
        check_override(record.complaint, decision, measure, motivation)
        history = uow.triage_log.for_complaint(complaint_id)
        if not history:
            raise ValidationError("besluit", "beoordeel de melding eerst met de criteria")
        original = history[0].intervention
        citation = citation_for(_rules_of(uow, original.version), record.complaint.categories,
                                decision, measure)
        intervention = overridden_intervention(original, decision, measure, measure_text,
                                               motivation, citation)
        cancelled = cancel_superseded_orders(uow, complaint_id, intervention, motivation, user)
        _log(uow, record, intervention, user, overridden=True,
             original_decision=original.decision, motivation=motivation.strip())
        if cancelled and intervention.decision is not Decision.NIET_INGRIJPEN:
            _create_work_orders(uow, record, intervention, user, replaces=True)  # replacement
        uow.commit()
        return intervention


def _rules_of(uow, label: str):
    try:
        return uow.criteria.get(label).rules
    except NotFound:
        return ()


def decision_log(uow, complaint_id: int) -> list[TriageEntry]:
    with uow:
        return uow.triage_log.for_complaint(complaint_id)


def work_orders_of_tree(uow, tree_id: int) -> list[WorkOrder]:
    with uow:
        return uow.work_orders.for_tree(tree_id)


def letter_content(uow, complaint_id: int, handler: str = "", on: date | None = None) -> LetterContent:
    """The response letter's content: the latest decision addressed to the complainant."""
    with uow:
        record = uow.complaints.get(complaint_id)
        person = uow.complainants.for_complaint(complaint_id)
        if person is None:
            raise NotFound(f"melding {complaint_id} heeft geen (bewaarde) gegevens van de melder")
        history = uow.triage_log.for_complaint(complaint_id)
        if not history:
            raise ValidationError("besluit", f"melding {complaint_id} is nog niet beoordeeld")
        tree = uow.trees.get(record.complaint.tree_ids[0]) if record.complaint.tree_ids else None
        on = on or date.today()
        intervention = history[0].intervention
        return LetterContent(
            kenmerk=f"BOM-{record.complaint.datum.year}-{complaint_id:05d}",
            complaint=record.complaint, addressee=person, intervention=history[0].intervention,
            boomnummer=tree.boomnummer if tree else record.facts.boomnummer,
            straat=tree.straat if tree else record.facts.locatie, datum=on.isoformat(),
            handler=handler, criteria_adopted=_is_adopted(uow, intervention.version))


def _is_adopted(uow, label: str) -> bool:
    try:
        return uow.criteria.get(label).status is CriteriaStatus.VASTGESTELD
    except NotFound:
        return False


ANONYMISED_TEXT = "[tekst verwijderd na de bewaartermijn]"


def purge_personal_data(uow, today: date | None = None,
                        retention_days: int = DEFAULT_RETENTION_DAYS) -> int:
    """After the retention period (AVG): delete the complainants' personal data and anonymise the
    complaint's free text, photo references and a location that is not the register's street
    (all may name a person or an address). Returns the number of complainants deleted."""
    today = today or date.today()
    with uow:
        authorize(uow, Permission.COMPLAINTS)
        due = set(uow.complainants.due(today))
        count = uow.complainants.purge(today)
        for record in uow.complaints.list():
            c = record.complaint
            if c.id in due or c.datum + timedelta(days=retention_days) <= today:
                _anonymise(uow, record)
                log_change(uow, "melding", c.id, "persoonsgegevens", "", "verwijderd (AVG-termijn)")
        uow.commit()
        return count


def _anonymise(uow, record: ComplaintRecord) -> None:
    c = record.complaint
    street = uow.trees.get(c.tree_ids[0]).straat if c.tree_ids else ""
    if c.tekst in ("", ANONYMISED_TEXT) and not c.photos and record.facts.locatie in ("", street):
        return
    uow.complaints.update(c.with_changes(tekst=ANONYMISED_TEXT if c.tekst else "", photos=()),
                          replace(record.facts, locatie=street))


def complainant_of(uow, complaint_id: int) -> Complainant | None:
    """Personal data; for the complaint handler's screen only."""
    with uow:
        return uow.complainants.for_complaint(complaint_id)


def tree_ids_for(uow, boomnummers: str) -> list[int]:
    """Tree ids for comma-separated boomnummers or street names (a street must have exactly one
    living tree); ValidationError names what was not found."""
    ids = []
    with uow:
        columns = None
        for nummer in (n.strip() for n in boomnummers.split(",")):
            if not nummer:
                continue
            tree = uow.trees.by_boomnummer(nummer)
            if tree is not None:
                ids.append(tree.id)
                continue
            columns = columns if columns is not None else uow.trees.columns()
            on_street = [int(i) for i, straat, status in zip(columns.id, columns.straat,
                                                               columns.status, strict=True)
                         if str(straat).lower() == nummer.lower() and status == "levend"]
            if len(on_street) != 1:
                found = f"{len(on_street)} bomen aan '{nummer}'; kies de boom op de kaart" \
                    if on_street else f"'{nummer}' is geen boomnummer of straat in het register"
                raise ValidationError("boomnummer", found)
            ids.extend(on_street)
    return ids
