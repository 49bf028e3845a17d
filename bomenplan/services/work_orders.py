"""Use cases for following up work orders: list and filter, assign a contractor, start, report
done (into the tree's history) and cancel; an overridden decision cancels its earlier orders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bomenplan.domain.criteria import Decision
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import FieldChange
from bomenplan.domain.work_orders import (
    WorkOrder,
    WorkOrderFilter,
    WorkOrderStatus,
    WorkOrderType,
)
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text


def _dutch(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def list_work_orders(uow, criteria: WorkOrderFilter | None = None,
                     today: date | None = None) -> list[WorkOrder]:
    with uow:
        return uow.work_orders.list(criteria or WorkOrderFilter(), today or date.today())


def get_work_order(uow, order_id: int) -> WorkOrder:
    with uow:
        return uow.work_orders.get(order_id)


def _store(uow, before: WorkOrder, after: WorkOrder, user: str, reason: str) -> WorkOrder:
    """Write the order (optimistic locking on `before.version`) and log it in the tree's history."""
    stored = uow.work_orders.update(after)
    if stored.tree_id is not None:
        uow.changes.record([FieldChange("tree", stored.tree_id, "werkorder",
                                        describe(before), describe(stored), now_text(), user,
                                        reason)])
    return stored


def describe(order: WorkOrder) -> str:
    """One line for the tree's history."""
    text = f"werkorder {order.id} ({order.type}): {order.status}"
    if order.closed_on:
        text += f" op {_dutch(order.closed_on)}"
    if order.aannemer:
        text += f", aannemer {order.aannemer}"
    if order.due_date:
        text += f", uiterlijk {_dutch(order.due_date)}"
    if order.remark:
        text += f" — {order.remark}"
    return text


def _change(uow, order: WorkOrder, change, user: str, reason: str) -> WorkOrder:
    """Apply `change` to the order as the caller read it (its version guards concurrent edits)."""
    with uow:
        authorize(uow, Permission.WORK_ORDERS)
        current = uow.work_orders.get(order.id)
        stored = _store(uow, current, change(replace(current, version=order.version)), user, reason)
        uow.commit()
        return stored


def assign_contractor(uow, order: WorkOrder, aannemer: str, due_date: date | None = None,
                      user: str = "") -> WorkOrder:
    return _change(uow, order, lambda o: o.assigned(aannemer, due_date), user,
                   "werkorder toegewezen")


def start_work_order(uow, order: WorkOrder, user: str = "") -> WorkOrder:
    return _change(uow, order, lambda o: o.started(), user, "werkorder gestart")


def close_work_order(uow, order: WorkOrder, on: date, remark: str, user: str = "",
                     today: date | None = None) -> WorkOrder:
    """Report done on `on` with a remark; the remark goes into the tree's history."""
    return _change(uow, order, lambda o: o.closed(on, remark, today or date.today()), user,
                   "werkorder gereed gemeld")


def cancel_work_order(uow, order: WorkOrder, reason: str, user: str = "",
                      on: date | None = None) -> WorkOrder:
    return _change(uow, order, lambda o: o.cancelled(on or date.today(), reason), user,
                   "werkorder vervallen")


def save_work_order_fields(uow, order_id: int, changes: dict, version: int, user: str = "",
                           reason: str = "werkorder gewijzigd") -> WorkOrder:
    """Write `changes` on top of the stored order, expecting `version` (a merged save conflict)."""
    with uow:
        authorize(uow, Permission.WORK_ORDERS)
        current = uow.work_orders.get(order_id)
        stored = _store(uow, current, replace(current, **changes, version=version), user, reason)
        uow.commit()
        return stored


def restore_work_order(uow, order: WorkOrder, previous: WorkOrder, user: str = "") -> WorkOrder:
    """Undo: put back the fields of `previous` (status included), guarded by `order.version`."""
    def back(o: WorkOrder) -> WorkOrder:
        return replace(previous, version=o.version)
    return _change(uow, order, back, user, "werkorder: wijziging ongedaan gemaakt")


def cancel_superseded_orders(uow, complaint_id: int, intervention, motivation: str,
                             user: str) -> list[WorkOrder]:
    """Inside an open unit of work: an overridden decision cancels the complaint's active orders
    for another measure (or all of them when the new decision is 'niet ingrijpen')."""
    cancelled = []
    for order in uow.work_orders.for_complaint(complaint_id):
        if not order.status.is_active:
            continue
        if intervention.decision is not Decision.NIET_INGRIJPEN \
                and order.measure is intervention.measure:
            continue
        reason = (f"besluit herzien naar '{intervention.decision}' "
                  f"({intervention.measure}): {motivation.strip()}")
        after = order.cancelled(date.today(), reason)
        cancelled.append(_store(uow, order, after, user, f"melding {complaint_id}: besluit herzien"))
    return cancelled


def contractors(uow) -> list[str]:
    """Contractors named on any order, alphabetically."""
    with uow:
        return sorted({o.aannemer for o in uow.work_orders.list() if o.aannemer}, key=str.lower)


__all__ = ["WorkOrderFilter", "WorkOrderStatus", "WorkOrderType", "assign_contractor",
           "cancel_superseded_orders", "cancel_work_order", "close_work_order", "contractors",
           "describe", "get_work_order", "list_work_orders", "restore_work_order",
           "save_work_order_fields", "start_work_order"]
