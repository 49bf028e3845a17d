"""Work orders (werkorders) and their life cycle: open → in uitvoering → gereed, or vervallen.

A work order comes from a triage decision (or an inspection) and is followed up by the team: a
contractor (aannemer) is assigned, the work is started and reported done with a date and a remark.
An order that is no longer needed (e.g. the decision was overridden) is cancelled with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from bomenplan.domain.criteria import Measure
from bomenplan.domain.errors import ValidationError


class WorkOrderStatus(StrEnum):
    OPEN = "open"
    IN_UITVOERING = "in uitvoering"
    GEREED = "gereed"
    VERVALLEN = "vervallen"

    @property
    def is_active(self) -> bool:
        return self in (WorkOrderStatus.OPEN, WorkOrderStatus.IN_UITVOERING)


class WorkOrderType(StrEnum):
    SNOEI = "snoei"
    KAP = "kap"
    INSPECTIE = "inspectie"
    BESTRIJDING = "bestrijding"
    HERSTEL_VERHARDING = "herstel verharding"
    HANDHAVING = "handhaving eigenaar"
    OVERIG = "overig"


_TYPE_OF_MEASURE = {
    Measure.SNOEIEN: WorkOrderType.SNOEI, Measure.KAPPEN: WorkOrderType.KAP,
    Measure.INSPECTIE: WorkOrderType.INSPECTIE, Measure.BESTRIJDING: WorkOrderType.BESTRIJDING,
    Measure.HERSTEL_VERHARDING: WorkOrderType.HERSTEL_VERHARDING,
    Measure.HANDHAVING: WorkOrderType.HANDHAVING,
}


def type_of_measure(measure: Measure) -> WorkOrderType:
    return _TYPE_OF_MEASURE.get(measure, WorkOrderType.OVERIG)


# Which status may follow which; everything else is refused.
ALLOWED_TRANSITIONS = {
    WorkOrderStatus.OPEN: {WorkOrderStatus.IN_UITVOERING, WorkOrderStatus.GEREED,
                           WorkOrderStatus.VERVALLEN},
    WorkOrderStatus.IN_UITVOERING: {WorkOrderStatus.GEREED, WorkOrderStatus.VERVALLEN},
    WorkOrderStatus.GEREED: set(),
    WorkOrderStatus.VERVALLEN: set(),
}


@dataclass(frozen=True)
class WorkOrder:
    id: int | None
    complaint_id: int | None
    tree_id: int | None
    created_at: str  # ISO timestamp
    measure: Measure
    omschrijving: str
    urgent: bool = False
    status: WorkOrderStatus = WorkOrderStatus.OPEN
    type: WorkOrderType | None = None  # None: follows from the measure
    wijk: str = ""
    aannemer: str = ""
    due_date: date | None = None
    closed_on: date | None = None
    remark: str = ""  # closing remark, or the reason it was cancelled
    version: int = 1
    inspection_id: int | None = None  # the controle it follows from (no complaint then)
    origin: str = "melding"  # melding / controle / controle nodig (order_origins.py)

    def __post_init__(self):
        object.__setattr__(self, "status", WorkOrderStatus(self.status))
        if self.type is None:
            object.__setattr__(self, "type", type_of_measure(Measure(self.measure)))
        else:
            object.__setattr__(self, "type", WorkOrderType(self.type))

    def is_overdue(self, today: date) -> bool:
        """Past its due date and not yet done or cancelled."""
        return self.status.is_active and self.due_date is not None and self.due_date < today

    def _moved(self, to: WorkOrderStatus, **changes) -> WorkOrder:
        if to not in ALLOWED_TRANSITIONS[self.status]:
            raise ValidationError("status", f"werkorder {self.id} is '{self.status}' en kan niet "
                                  f"naar '{to}'")
        return replace(self, status=to, **changes)

    def assigned(self, aannemer: str, due_date: date | None = None) -> WorkOrder:
        if not self.status.is_active:
            raise ValidationError("aannemer", f"werkorder {self.id} is '{self.status}'; toewijzen "
                                  "kan alleen bij een open werkorder of een in uitvoering")
        if not aannemer.strip():
            raise ValidationError("aannemer", "vul de naam van de aannemer in")
        return replace(self, aannemer=aannemer.strip(),
                       due_date=due_date if due_date is not None else self.due_date)

    def started(self) -> WorkOrder:
        return self._moved(WorkOrderStatus.IN_UITVOERING)

    def closed(self, on: date, remark: str, today: date | None = None) -> WorkOrder:
        if today is not None and on > today:
            raise ValidationError("datum", f"gereed op {on.isoformat()} ligt in de toekomst")
        created = date.fromisoformat(self.created_at[:10])
        if on < created:
            raise ValidationError("datum", f"gereed op {on.isoformat()} ligt vóór het aanmaken "
                                  f"van de werkorder ({created.isoformat()})")
        return self._moved(WorkOrderStatus.GEREED, closed_on=on, remark=remark.strip())

    def cancelled(self, on: date, reason: str) -> WorkOrder:
        if not reason.strip():
            raise ValidationError("reden", "geef een reden waarom de werkorder vervalt")
        return self._moved(WorkOrderStatus.VERVALLEN, closed_on=on, remark=reason.strip())


@dataclass(frozen=True)
class WorkOrderFilter:
    """Which orders a list shows; empty values do not filter."""

    status: WorkOrderStatus | None = None
    wijk: str = ""
    type: WorkOrderType | None = None
    aannemer: str = ""
    overdue_only: bool = False

    def accepts(self, order: WorkOrder, today: date) -> bool:
        return ((self.status is None or order.status == self.status)
                and (not self.wijk or order.wijk == self.wijk)
                and (self.type is None or order.type == self.type)
                and (not self.aannemer or order.aannemer.lower() == self.aannemer.lower())
                and (not self.overdue_only or order.is_overdue(today)))


def filter_orders(orders, criteria: WorkOrderFilter, today: date) -> list[WorkOrder]:
    return [o for o in orders if criteria.accepts(o, today)]
