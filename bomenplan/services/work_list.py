"""The work list for contractors: orders with the tree's number, street and species, ordered per
contractor, wijk and due date; written as CSV here and as PDF by reports.work_list_pdf."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bomenplan.domain.errors import NotFound
from bomenplan.domain.work_orders import WorkOrder, WorkOrderFilter
from bomenplan.services.csv_output import write_csv

CSV_COLUMNS = ("werkorder", "aannemer", "wijk", "boomnummer", "straat", "soort", "type",
               "omschrijving", "status", "urgent", "uiterlijk", "te laat", "melding",
               "gereed op", "opmerking")
NO_CONTRACTOR = "(geen aannemer)"


@dataclass(frozen=True)
class WorkListLine:
    order: WorkOrder
    boomnummer: str = ""
    straat: str = ""
    soort: str = ""

    @property
    def contractor(self) -> str:
        return self.order.aannemer or NO_CONTRACTOR


def _sort_key(line: WorkListLine):
    o = line.order
    return (line.contractor.lower(), o.wijk.lower(), o.due_date or date.max, line.straat.lower(),
            line.boomnummer, o.id)


def work_list(uow, criteria: WorkOrderFilter | None = None,
              today: date | None = None) -> list[WorkListLine]:
    today = today or date.today()
    with uow:
        lines = []
        for order in uow.work_orders.list(criteria or WorkOrderFilter(), today):
            try:
                tree = uow.trees.get(order.tree_id) if order.tree_id is not None else None
            except NotFound:  # a tree removed from the register: the order stays on the list
                tree = None
            lines.append(WorkListLine(order, tree.boomnummer, tree.straat, tree.species_name)
                         if tree else WorkListLine(order))
        return sorted(lines, key=_sort_key)


def _dutch(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def export_work_list_csv(lines: list[WorkListLine], path: Path, today: date | None = None) -> int:
    today = today or date.today()
    rows = [[line.order.id, line.order.aannemer, line.order.wijk, line.boomnummer, line.straat,
             line.soort, str(line.order.type), line.order.omschrijving, str(line.order.status),
             "ja" if line.order.urgent else "nee", _dutch(line.order.due_date),
             "ja" if line.order.is_overdue(today) else "nee", line.order.complaint_id or "",
             _dutch(line.order.closed_on), line.order.remark] for line in lines]
    write_csv(path, CSV_COLUMNS, rows)
    return len(rows)
