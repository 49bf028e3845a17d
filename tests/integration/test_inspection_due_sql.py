"""The controle due list read from a real database (SQLite file and PostgreSQL): latest controle
per tree, only living trees, the SQL prefilter agreeing with the full evaluation, route CSV/PDF."""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta

import pytest
from pdf_text import pdf_text
from register_fixtures import draft_tree

from bomenplan.domain.inspection_due import DueFilter, DueState, evaluate_all, is_due
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse as K
from bomenplan.domain.values import Omgevingsrisicoklasse as R
from bomenplan.domain.values import TreeStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.reports.inspection_route_pdf import write_route_pdf
from bomenplan.services import register
from bomenplan.services.inspection_due import due_report, export_route_csv

TODAY = date(2026, 11, 30)
UNTIL = date(2027, 2, 28)


@pytest.fixture
def factory(any_db_url):
    engine, sessions = open_database(any_db_url)
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


def inspect(factory, tree_id: int, day: date, klasse: K) -> None:
    register.record_inspection(factory(), Inspection(None, tree_id, day, "P. Jansen", klasse))


def test_due_list_uses_the_latest_controle_and_skips_felled_trees(factory):
    add = lambda i, **kw: register.add_tree(factory(), draft_tree(i, **kw)).id  # noqa: E731
    never = add(1)
    attentie = add(2, omgevingsrisicoklasse=R.LAAG)
    inspect(factory, attentie, date(2024, 1, 10), K.ZONDER_GEBREKEN)  # older, not the one that counts
    inspect(factory, attentie, date(2026, 1, 20), K.ATTENTIEBOOM)  # → due 20-01-2027
    fine = add(3, omgevingsrisicoklasse=R.LAAG)
    inspect(factory, fine, date(2025, 5, 1), K.ZONDER_GEBREKEN)  # → 01-05-2030: not due
    late = add(4, omgevingsrisicoklasse=R.HOOG)
    inspect(factory, late, date(2025, 6, 1), K.ZONDER_GEBREKEN)  # → 01-06-2026: te laat
    add(5, status=TreeStatus.GEKAPT)  # no controle for a felled tree

    report = due_report(factory(), DueFilter(UNTIL), TODAY)

    by_id = {i.tree.tree_id: i for i in report.items}
    assert set(by_id) == {never, attentie, late}
    assert by_id[never].state is DueState.NEVER
    assert (by_id[attentie].state, by_id[attentie].due) == (DueState.DUE, date(2027, 1, 20))
    assert by_id[attentie].tree.last_inspection == date(2026, 1, 20)
    assert (by_id[late].state, by_id[late].due) == (DueState.OVERDUE, date(2026, 6, 1))
    assert report.stock == 4 and report.yearly_target == 2  # ⅓ of 4, rounded up
    assert report.per_month == [("2026-11", 2), ("2027-01", 1)]


def test_sql_prefilter_keeps_exactly_the_due_trees(factory):
    rng = random.Random(3)
    ids = []
    for i in range(60):
        ids.append(register.add_tree(factory(), draft_tree(i, omgevingsrisicoklasse=rng.choice(list(R)))).id)
    for tree_id in ids[5:]:
        day = TODAY - timedelta(days=rng.randrange(6 * 365))
        inspect(factory, tree_id, day, rng.choice(list(K)))
    with factory() as uow:
        everything = uow.inspection_due.living_trees()
    expected = {i.tree.tree_id for i in evaluate_all(everything, UNTIL, TODAY) if is_due(i)}
    report = due_report(factory(), DueFilter(UNTIL), TODAY)
    assert {i.tree.tree_id for i in report.items} == expected
    assert 5 <= len(expected) < 60  # the data mixes due and not due


def test_route_list_csv_and_pdf(factory, tmp_path):
    for i, straat in enumerate(("Kerkstraat", "Kerkstraat", "Vaart", "Vaart")):
        register.add_tree(factory(), draft_tree(i, straat=straat))
    report = due_report(factory(), DueFilter(UNTIL, buurt="Binnenstad"), TODAY)
    export_route_csv(report, tmp_path / "route.csv")
    with open(tmp_path / "route.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["volgnr"] for r in rows] == ["1", "2", "3", "4"]
    assert [r["boomnummer"] for r in rows] == ["A000", "A001", "A002", "A003"]  # west → east
    assert {r["status"] for r in rows} == {"nooit gecontroleerd"}
    assert rows[0]["datum controle"] == "" and rows[0]["inspecteur"] == ""
    write_route_pdf(report, tmp_path / "route.pdf")
    text = pdf_text(tmp_path / "route.pdf")
    assert "Routelijst boomveiligheidscontrole" in text and "buurt Binnenstad" in text
    assert "A003" in text and "nooit gecontroleerd" in text
    first = (tmp_path / "route.pdf").read_bytes()
    write_route_pdf(report, tmp_path / "route.pdf")
    assert (tmp_path / "route.pdf").read_bytes() == first  # invariant: the same file each time
