"""Work-order life cycle (domain) and follow-up services with fakes, incl. an overridden decision
cancelling the earlier order."""

from datetime import date

import pytest
from complaint_fakes import fake_complaint_uow
from shapely.geometry import Point

from bomenplan.domain.complaint_log import citation_for
from bomenplan.domain.complaints import Channel, Complaint, ComplaintCategory, ComplaintFacts
from bomenplan.domain.criteria import Decision, Measure, Rule
from bomenplan.domain.errors import ConcurrentEditError, ValidationError
from bomenplan.domain.tree import Tree
from bomenplan.domain.work_orders import (
    WorkOrder,
    WorkOrderFilter,
    WorkOrderStatus,
    WorkOrderType,
    filter_orders,
)
from bomenplan.services import complaints, work_orders

S = WorkOrderStatus
C = ComplaintCategory


def order(**changes):
    base = dict(id=1, complaint_id=1, tree_id=1, created_at="2026-03-02T09:00:00",
                measure=Measure.SNOEIEN, omschrijving="takken terugsnoeien")
    return WorkOrder(**{**base, **changes})


def test_type_follows_from_the_measure():
    assert order().type is WorkOrderType.SNOEI
    assert order(measure=Measure.HERSTEL_VERHARDING).type is WorkOrderType.HERSTEL_VERHARDING
    assert order(measure=Measure.HANDHAVING).type is WorkOrderType.HANDHAVING
    assert order(measure=Measure.KAPPEN).type is WorkOrderType.KAP


def test_life_cycle_open_started_done():
    started = order().assigned("Boomverzorging Drenthe", date(2026, 4, 1)).started()
    assert started.status is S.IN_UITVOERING and started.aannemer == "Boomverzorging Drenthe"
    done = started.closed(date(2026, 3, 20), "  3 takken verwijderd ", today=date(2026, 3, 21))
    assert (done.status, done.closed_on, done.remark) == (S.GEREED, date(2026, 3, 20),
                                                          "3 takken verwijderd")


@pytest.mark.parametrize("final", [S.GEREED, S.VERVALLEN])
def test_a_finished_order_cannot_move_again(final):
    finished = order(status=final)
    with pytest.raises(ValidationError, match=f"is '{final}' en kan niet naar 'in uitvoering'"):
        finished.started()
    with pytest.raises(ValidationError, match="kan niet naar 'gereed'"):
        finished.closed(date(2026, 3, 3), "")
    with pytest.raises(ValidationError, match="toewijzen"):
        finished.assigned("X")


def test_starting_twice_is_refused_in_dutch():
    with pytest.raises(ValidationError, match="'in uitvoering' en kan niet naar 'in uitvoering'"):
        order().started().started()


def test_closing_date_in_the_future_or_before_creation_is_refused():
    with pytest.raises(ValidationError, match="toekomst"):
        order().closed(date(2026, 5, 2), "", today=date(2026, 5, 1))
    with pytest.raises(ValidationError, match="vóór het aanmaken"):
        order().closed(date(2026, 3, 1), "")


def test_cancelling_needs_a_reason_and_assigning_a_name():
    with pytest.raises(ValidationError, match="reden"):
        order().cancelled(date(2026, 3, 3), "  ")
    with pytest.raises(ValidationError, match="aannemer"):
        order().assigned(" ")


def test_overdue_only_while_active_and_past_the_due_date():
    due = order(due_date=date(2026, 4, 1))
    assert not due.is_overdue(date(2026, 4, 1))  # due today is not late yet
    assert due.is_overdue(date(2026, 4, 2))
    assert not order(due_date=date(2026, 4, 1), status=S.GEREED).is_overdue(date(2026, 5, 1))
    assert not order().is_overdue(date(2030, 1, 1))  # no due date


def test_filter_on_status_wijk_type_contractor_and_overdue():
    orders = [order(id=1, wijk="Noord", aannemer="Van Dijk", due_date=date(2026, 3, 10)),
              order(id=2, wijk="Zuid", measure=Measure.KAPPEN, status=S.IN_UITVOERING),
              order(id=3, wijk="Noord", status=S.GEREED, due_date=date(2026, 3, 10)),
              order(id=4, wijk="Noord", measure=Measure.INSPECTIE, aannemer="van dijk")]
    today = date(2026, 3, 15)

    def ids(**criteria):
        return [o.id for o in filter_orders(orders, WorkOrderFilter(**criteria), today)]
    assert ids() == [1, 2, 3, 4]
    assert ids(status=S.OPEN) == [1, 4]
    assert ids(wijk="Noord") == [1, 3, 4]
    assert ids(type=WorkOrderType.KAP) == [2]
    assert ids(aannemer="VAN DIJK") == [1, 4]
    assert ids(overdue_only=True) == [1]


def test_citation_of_the_new_decision_prefers_the_same_measure():
    rules = [Rule("a", C.WORTELSCHADE, Decision.INGRIJPEN, Measure.HERSTEL_VERHARDING, "", "",
                  "bron herstel"),
             Rule("b", C.WORTELSCHADE, Decision.INSPECTIE, Measure.INSPECTIE, "", "", "bron kijk"),
             Rule("c", C.SCHADUW, Decision.INSPECTIE, Measure.INSPECTIE, "", "", "bron schaduw")]
    assert citation_for(rules, (C.WORTELSCHADE,), Decision.INSPECTIE, Measure.INSPECTIE) == "bron kijk"
    assert citation_for(rules, (C.DOOD_HOUT,), Decision.INSPECTIE, Measure.INSPECTIE) == ""


@pytest.fixture
def uow():
    uow = fake_complaint_uow()
    uow.trees.add(Tree(None, "B-1", 1, Point(233000, 557000), "Tilia cordata", wijk="Noord",
                       eigenaar="Gemeente Assen"))
    return uow


def pruning_order(uow):
    complaint = Complaint(None, date(2026, 2, 1), Channel.APP, (C.DOOD_HOUT,), "", (1,))
    cid = complaints.register_complaint(uow, complaint, ComplaintFacts(dood_hout=True)).complaint.id
    complaints.triage_complaint(uow, cid)
    [first] = uow.work_orders.rows
    return cid, first


def test_triage_order_carries_the_wijk_of_its_tree(uow):
    _, first = pruning_order(uow)
    assert (first.type, first.wijk, first.status) == (WorkOrderType.SNOEI, "Noord", S.OPEN)


def test_override_to_inspection_cancels_the_pruning_order_and_replaces_it(uow):
    cid, first = pruning_order(uow)
    result = complaints.override_decision(uow, cid, Decision.INSPECTIE, Measure.INSPECTIE,
                                          "Dood hout eerst ter plaatse bekijken",
                                          "Op de foto is geen dood hout te zien", "piet")
    cancelled, replacement = uow.work_orders.rows
    assert cancelled.status is S.VERVALLEN and "Op de foto is geen dood hout" in cancelled.remark
    assert replacement.type is WorkOrderType.INSPECTIE and replacement.status is S.OPEN
    # the default criteria have no inspection rule for dead wood: no rule is quoted at all,
    # certainly not the pruning rule of the overridden decision
    assert result.citation == ""


def test_override_to_niet_ingrijpen_cancels_without_replacement(uow):
    cid, _ = pruning_order(uow)
    complaints.override_decision(uow, cid, Decision.NIET_INGRIJPEN, Measure.GEEN, "",
                                 "Tak is al door de bewoner verwijderd", "piet")
    [only] = uow.work_orders.rows
    assert only.status is S.VERVALLEN


def test_close_puts_the_remark_in_the_tree_history(uow):
    _, first = pruning_order(uow)
    today = date.today()  # the order was created now
    done = work_orders.close_work_order(uow, first, today, "dode tak verwijderd", user="kees")
    assert done.status is S.GEREED and done.version == first.version + 1
    change = uow.changes.for_entity("tree", 1)[0]  # newest first
    assert change.field == "werkorder" and change.user == "kees"
    assert change.new.endswith(f"gereed op {today:%d-%m-%Y} — dode tak verwijderd")
    assert change.old == "werkorder 1 (snoei): open"


def test_a_stale_order_is_refused(uow):
    _, first = pruning_order(uow)
    work_orders.start_work_order(uow, first)
    with pytest.raises(ConcurrentEditError):
        work_orders.assign_contractor(uow, first, "Van Dijk")  # first.version is outdated
