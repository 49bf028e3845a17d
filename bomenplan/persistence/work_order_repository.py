"""SQL repository of work orders: add, get, update with optimistic locking, list with filters."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bomenplan.domain.criteria import Measure
from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.work_orders import WorkOrder, WorkOrderFilter
from bomenplan.persistence.tables_complaints import WorkOrderRow


class SqlWorkOrders:
    def __init__(self, session: Session):
        self.session = session

    def add(self, order: WorkOrder) -> WorkOrder:
        row = WorkOrderRow(complaint_id=order.complaint_id, tree_id=order.tree_id,
                           inspection_id=order.inspection_id, origin=order.origin,
                           created_at=datetime.fromisoformat(order.created_at), version=1)
        _fill(row, order)
        self.session.add(row)
        self.session.flush()
        return _order(row)

    def get(self, order_id: int) -> WorkOrder:
        row = self.session.get(WorkOrderRow, order_id)
        if row is None:
            raise NotFound(f"werkorder {order_id} bestaat niet")
        return _order(row)

    def update(self, order: WorkOrder) -> WorkOrder:
        """Store a changed order; refused when someone else changed it since it was read."""
        row = self.session.get(WorkOrderRow, order.id)
        if row is None:
            raise NotFound(f"werkorder {order.id} bestaat niet")
        if row.version != order.version:
            raise ConcurrentEditError(f"werkorder {order.id} is intussen door een ander gewijzigd; "
                                      "laad de lijst opnieuw")
        _fill(row, order)
        row.version += 1
        row.updated_at = datetime.now()
        self.session.flush()
        return _order(row)

    def for_complaint(self, complaint_id: int) -> list[WorkOrder]:
        return [_order(r) for r in self.session.scalars(
            select(WorkOrderRow).where(WorkOrderRow.complaint_id == complaint_id)
            .order_by(WorkOrderRow.id))]

    def for_tree(self, tree_id: int) -> list[WorkOrder]:
        return [_order(r) for r in self.session.scalars(
            select(WorkOrderRow).where(WorkOrderRow.tree_id == tree_id).order_by(WorkOrderRow.id))]

    def list(self, criteria: WorkOrderFilter | None = None,
             today: date | None = None) -> list[WorkOrder]:
        """Orders by id; status, wijk, type, contractor and overdue are filtered in SQL."""
        criteria = criteria or WorkOrderFilter()
        query = select(WorkOrderRow).order_by(WorkOrderRow.id)
        if criteria.status is not None:
            query = query.where(WorkOrderRow.status == str(criteria.status))
        if criteria.wijk:
            query = query.where(WorkOrderRow.wijk == criteria.wijk)
        if criteria.type is not None:
            query = query.where(WorkOrderRow.type == str(criteria.type))
        if criteria.aannemer:
            query = query.where(WorkOrderRow.aannemer.ilike(criteria.aannemer))
        if criteria.overdue_only:
            query = query.where(WorkOrderRow.due_date < (today or date.today()),
                                WorkOrderRow.status.in_(("open", "in uitvoering")))
        return [_order(r) for r in self.session.scalars(query)]


def _fill(row: WorkOrderRow, order: WorkOrder) -> None:
    row.measure = str(order.measure)
    row.omschrijving = order.omschrijving
    row.urgent = order.urgent
    row.status = str(order.status)
    row.type = str(order.type)
    row.wijk = order.wijk
    row.aannemer = order.aannemer
    row.due_date = order.due_date
    row.closed_on = order.closed_on
    row.remark = order.remark


def _order(r: WorkOrderRow) -> WorkOrder:
    return WorkOrder(r.id, r.complaint_id, r.tree_id, r.created_at.isoformat(timespec="seconds"),
                     Measure(r.measure), r.omschrijving, r.urgent, r.status, r.type, r.wijk,
                     r.aannemer, r.due_date, r.closed_on, r.remark, r.version,
                     inspection_id=r.inspection_id, origin=r.origin)
