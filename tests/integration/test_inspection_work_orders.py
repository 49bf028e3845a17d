"""Work orders from the controle planning on a real database (SQLite file and PostgreSQL):
no complaint needed; due dates worked out by hand from the InspectionRules defaults
(HOOG: measure within 7 days; GEMIDDELD: 30 days, niet te beoordelen at most 90 → 30)."""

from __future__ import annotations

from datetime import date

import pytest
from register_fixtures import draft_tree

from bomenplan.domain.criteria import Measure
from bomenplan.domain.inspection_due import DueFilter
from bomenplan.domain.roles import PermissionDenied, Role
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse as K
from bomenplan.domain.values import Omgevingsrisicoklasse as R
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register, users, work_orders
from bomenplan.services.inspection_due import due_report
from bomenplan.services.inspection_work_orders import create_work_orders_from_due

TODAY = date(2026, 11, 30)


@pytest.fixture
def db(any_db_url):
    engine, sessions = open_database(any_db_url)
    yield lambda login="": SqlUnitOfWork(sessions, login=login)
    engine.dispose()


def test_orders_from_the_due_list_and_from_a_risicoboom(db):
    add = lambda i, **kw: register.add_tree(db(), draft_tree(i, **kw)).id  # noqa: E731
    never = add(1, omgevingsrisicoklasse=R.LAAG)
    risico = add(2, omgevingsrisicoklasse=R.HOOG)
    register.record_inspection(db(), Inspection(
        None, risico, date(2026, 11, 20), "P. Jansen", K.RISICOBOOM, maatregelen=("kappen",),
        maatregel_uiterlijk=date(2026, 11, 27)))
    onzeker = add(3, omgevingsrisicoklasse=R.GEMIDDELD)
    register.record_inspection(db(), Inspection(None, onzeker, date(2026, 11, 1), "P. Jansen",
                                                K.NIET_TE_BEOORDELEN))
    items = due_report(db(), DueFilter(date(2027, 1, 1)), TODAY).items
    assert {i.tree.tree_id for i in items} == {never, risico, onzeker}

    result = create_work_orders_from_due(db(), items, user="kees", today=TODAY)

    by_tree = {o.tree_id: o for o in result.created}
    assert result.skipped == 0 and set(by_tree) == {never, risico, onzeker}
    assert all(o.complaint_id is None for o in result.created)
    assert (by_tree[never].measure, by_tree[never].due_date, by_tree[never].origin) == (
        Measure.INSPECTIE, TODAY, "controle nodig")  # never inspected: due now
    kap = by_tree[risico]
    assert (kap.measure, kap.due_date, kap.urgent, kap.origin) == (
        Measure.KAPPEN, date(2026, 11, 27), True, "controle")  # 20-11 + 7 days (HOOG)
    assert kap.inspection_id is not None
    assert (by_tree[onzeker].measure, by_tree[onzeker].due_date) == (
        Measure.INSPECTIE, date(2026, 12, 1))  # 01-11 + 30 days
    listed = work_orders.list_work_orders(db())
    assert {o.id for o in listed} == {o.id for o in result.created}
    with db() as uow:
        log = uow.changes.for_entity("tree", risico)
    assert any(c.field == "werkorder" and "kappen" in c.new and c.user == "kees" for c in log)
    again = create_work_orders_from_due(db(), items, user="kees", today=TODAY)
    assert (again.created, again.skipped) == ([], 3)  # each tree already has an active order


def test_orders_need_the_work_orders_right(db):
    tree = register.add_tree(db(), draft_tree(1)).id
    users.add_user(db("anna"), "anna", Role.BEHEERDER)
    users.add_user(db("anna"), "kees", Role.KLACHTBEHANDELAAR)
    items = due_report(db(), DueFilter(date(2027, 1, 1)), TODAY).items
    assert [i.tree.tree_id for i in items] == [tree]
    with pytest.raises(PermissionDenied):
        create_work_orders_from_due(db("kees"), items, today=TODAY)
    assert work_orders.list_work_orders(db()) == []
    assert len(create_work_orders_from_due(db("anna"), items, today=TODAY).created) == 1
