"""Use cases of the controle planning: the due list (with counts per month and state) and the
route list as CSV; the PDF is reports.inspection_route_pdf."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.inspection_due import (
    DueFilter,
    DueItem,
    DueState,
    counts_per_month,
    counts_per_state,
    due_items,
    due_thresholds,
    evaluate_all,
    yearly_target,
)
from bomenplan.domain.inspection_route import route_order
from bomenplan.domain.inspection_rules import InspectionRules
from bomenplan.domain.laan_gaps import bulk_geometry as gc_paused
from bomenplan.services.csv_output import write_csv
from bomenplan.services.inspection_rules_admin import rules_of

ROUTE_COLUMNS = ("volgnr", "boomnummer", "wijk", "buurt", "straat", "soort", "boomveiligheidsklasse",
                 "omgevingsrisicoklasse", "laatste controle", "controle nodig op", "status", "reden",
                 "x", "y", "datum controle", "nieuwe klasse", "gebreken / opmerking", "inspecteur")


MAX_ROUTE_PDF = 10_000  # one printed route list (~350 pages); a larger list goes per buurt or CSV


def check_route_size(report: DueReport) -> None:
    """Refuse a printed route list too long to walk (and to build in memory)."""
    if len(report.items) > MAX_ROUTE_PDF:
        raise ValidationError("routelijst", f"{len(report.items)} bomen is te veel voor één geprinte "
                              f"routelijst (hoogstens {MAX_ROUTE_PDF}); kies een wijk, buurt of straat, "
                              "of schrijf een CSV-bestand")


@dataclass(frozen=True)
class DueReport:
    items: list[DueItem]  # in route order
    per_month: list[tuple[str, int]]  # ('JJJJ-MM', count)
    per_state: dict[DueState, int]
    stock: int  # living trees within the area filter (wijk/buurt)
    yearly_target: int  # ⅓ of `stock` (DOMAIN.md §5 practice)
    criteria: DueFilter
    today: date


def due_report(uow, criteria: DueFilter, today: date | None = None,
               rules: InspectionRules | None = None) -> DueReport:
    """Trees due for a controle by `criteria.until`, in route order, with planning counts; the
    stored intervals apply unless `rules` is given."""
    today = today or date.today()
    with uow, gc_paused():  # 100k+ tuples: the collector's scans cost more than making them
        rules = rules or rules_of(uow)
        trees = uow.inspection_due.living_trees(criteria.wijk, criteria.buurt,
                                                due_thresholds(criteria.until, rules))
        stock = uow.inspection_due.count_living(criteria.wijk, criteria.buurt)
        items = route_order(due_items(trees, criteria, today, rules), point=_point, area=_area,
                            street=_street)
        return DueReport(items, counts_per_month(items, today), counts_per_state(items), stock,
                         yearly_target(stock), criteria, today)


def _point(item: DueItem) -> tuple[float, float]:
    return item.tree.x, item.tree.y


def _area(item: DueItem) -> tuple[str, str]:
    return item.tree.wijk, item.tree.buurt


def _street(item: DueItem) -> str:
    return item.tree.straat


def due_points(uow, until: date, today: date | None = None, rules: InspectionRules | None = None
               ) -> dict[DueState, tuple[list[int], list[float], list[float]]]:
    """Per state the ids and x, y of every living tree (the map's "Controle nodig" layer)."""
    today = today or date.today()
    with uow:
        rules = rules or rules_of(uow)
        trees = uow.inspection_due.living_trees()
    points: dict[DueState, tuple[list[int], list[float], list[float]]] = {s: ([], [], []) for s in DueState}
    for item in evaluate_all(trees, until, today, rules):
        ids, xs, ys = points[item.state]
        ids.append(item.tree.tree_id)
        xs.append(item.tree.x)
        ys.append(item.tree.y)
    return points


def areas(uow) -> list[tuple[str, str]]:
    with uow:
        return uow.inspection_due.areas()


def _dutch(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def route_rows(report: DueReport) -> list[list]:
    return [[n, i.tree.boomnummer, i.tree.wijk, i.tree.buurt, i.tree.straat, i.tree.species,
             str(i.tree.klasse), str(i.tree.risico), _dutch(i.tree.last_inspection),
             _dutch(i.due) or "nu", str(i.state), i.reason, f"{i.tree.x:.1f}", f"{i.tree.y:.1f}",
             "", "", "", ""] for n, i in enumerate(report.items, start=1)]


def export_route_csv(report: DueReport, path: Path) -> int:
    """The route list with empty columns for the inspector; returns the number of trees."""
    rows = route_rows(report)
    write_csv(path, ROUTE_COLUMNS, rows)
    return len(rows)
