"""Work orders on a real SQLite file: an override replaces the order and the letter quotes the new
rule; closing goes into the tree's history; filters in SQL; optimistic locking."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from shapely.geometry import Point

from bomenplan.domain.complaints import (
    Channel,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
)
from bomenplan.domain.criteria import Decision, Measure
from bomenplan.domain.errors import ConcurrentEditError, ValidationError
from bomenplan.domain.tree import Tree
from bomenplan.domain.work_orders import WorkOrderFilter, WorkOrderStatus, WorkOrderType
from bomenplan.reports.complaint_letter import write_letter
from bomenplan.services import complaints, register, work_orders
from tests.pdf_text import pdf_text

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

C = ComplaintCategory
S = WorkOrderStatus
# Sources in resources/criteria/default_criteria.json (rules 'wortel-struikelgevaar', 'wortelschade')
REPAIR_RULE = "aansprakelijk voor een gebrekkige weg"
INSPECTION_RULE = "na beoordeling"


def add_tree(uow_factory, nummer, wijk="Centrum"):
    return register.add_tree(uow_factory(), Tree(
        id=None, boomnummer=nummer, site_id=None, position=Point(233001.0, 557002.0),
        species_name="Tilia x europaea", straat="Nobellaan", wijk=wijk))


def triaged(uow_factory, tree, category, facts):
    record = complaints.register_complaint(
        uow_factory(), Complaint(None, date(2026, 4, 2), Channel.EMAIL, (category,), "", (tree.id,)),
        facts, Complainant(None, "K. de Boer", "Torenlaan 1", "9401 HP", "Assen"))
    complaints.triage_complaint(uow_factory(), record.complaint.id, user="anna")
    return record.complaint.id


def test_override_replaces_the_order_and_the_letter_quotes_the_new_rule(uow_factory):
    tree = add_tree(uow_factory, "ASN-1")
    cid = triaged(uow_factory, tree, C.WORTELSCHADE, ComplaintFacts(struikelgevaar=True))
    [repair] = complaints.work_orders_of_tree(uow_factory(), tree.id)
    assert repair.type is WorkOrderType.HERSTEL_VERHARDING
    assert REPAIR_RULE in pdf_text(_letter(uow_factory, cid))

    complaints.override_decision(uow_factory(), cid, Decision.INSPECTIE, Measure.INSPECTIE,
                                 "Opdruk eerst meten", "Foto toont geen opstaande tegels", "piet")
    old, new = complaints.work_orders_of_tree(uow_factory(), tree.id)
    assert old.id == repair.id and old.status is S.VERVALLEN
    assert "Foto toont geen opstaande tegels" in old.remark and old.closed_on == date.today()
    assert new.type is WorkOrderType.INSPECTIE and new.status is S.OPEN and new.wijk == "Centrum"
    after = pdf_text(_letter(uow_factory, cid))
    assert INSPECTION_RULE in after and REPAIR_RULE not in after
    history = [c.new for c in register.tree_history(uow_factory(), tree.id)]
    assert any(f"werkorder {old.id} (herstel verharding): vervallen" in h for h in history)


def _letter(uow_factory, cid) -> bytes:
    out = BytesIO()
    write_letter(complaints.letter_content(uow_factory(), cid, on=date(2026, 11, 23)), out)
    return out.getvalue()


def test_full_life_cycle_and_closing_remark_in_the_tree_history(uow_factory):
    tree = add_tree(uow_factory, "ASN-2")
    triaged(uow_factory, tree, C.DOOD_HOUT, ComplaintFacts(dood_hout=True))
    [order] = complaints.work_orders_of_tree(uow_factory(), tree.id)
    order = work_orders.assign_contractor(uow_factory(), order, "Boomzorg Drenthe",
                                          date(2026, 12, 15), user="kees")
    order = work_orders.start_work_order(uow_factory(), order, user="kees")
    today = date.today()
    order = work_orders.close_work_order(uow_factory(), order, today, "Dode tak 8 cm verwijderd",
                                         user="kees")
    stored = work_orders.get_work_order(uow_factory(), order.id)
    assert (stored.status, stored.aannemer, stored.closed_on, stored.version) == (
        S.GEREED, "Boomzorg Drenthe", today, 4)
    newest = register.tree_history(uow_factory(), tree.id)[0]
    assert newest.field == "werkorder" and newest.user == "kees"
    assert newest.new == (f"werkorder {order.id} (snoei): gereed op {today:%d-%m-%Y}, aannemer "
                          "Boomzorg Drenthe, uiterlijk 15-12-2026 — Dode tak 8 cm verwijderd")
    with pytest.raises(ValidationError, match="'gereed' en kan niet naar 'vervallen'"):
        work_orders.cancel_work_order(uow_factory(), stored, "toch niet")


def test_filters_in_sql_and_a_stale_version_is_refused(uow_factory):
    north = add_tree(uow_factory, "ASN-3", wijk="Noord")
    south = add_tree(uow_factory, "ASN-4", wijk="Zuid")
    triaged(uow_factory, north, C.DOOD_HOUT, ComplaintFacts(dood_hout=True))
    triaged(uow_factory, south, C.WORTELSCHADE, ComplaintFacts(struikelgevaar=True))
    [n] = complaints.work_orders_of_tree(uow_factory(), north.id)
    [s] = complaints.work_orders_of_tree(uow_factory(), south.id)
    yesterday = date.today() - timedelta(days=1)
    work_orders.assign_contractor(uow_factory(), n, "Van Dijk", yesterday)
    started = work_orders.start_work_order(uow_factory(), s)

    def ids(**criteria):
        return [o.id for o in work_orders.list_work_orders(uow_factory(), WorkOrderFilter(**criteria))]
    assert ids() == [n.id, s.id]
    assert ids(wijk="Zuid") == [s.id] and ids(status=S.IN_UITVOERING) == [s.id]
    assert ids(type=WorkOrderType.SNOEI) == [n.id] and ids(aannemer="van dijk") == [n.id]
    assert ids(overdue_only=True) == [n.id]
    assert work_orders.contractors(uow_factory()) == ["Van Dijk"]
    with pytest.raises(ConcurrentEditError, match="intussen"):
        work_orders.cancel_work_order(uow_factory(), s, "dubbel gemeld")  # s is the old version
    assert work_orders.get_work_order(uow_factory(), s.id) == started
