"""No lost update for bomenbank trees and work orders (issue 15 §2): anna and bert each run the
app with their own engine, on an SQLite file and on PostgreSQL; both open the same row at the same
version, anna saves first, bert's save conflicts and is merged, reloaded or cancelled."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bomenplan.domain.bomenbank import BankTree
from bomenplan.domain.criteria import Measure
from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.work_orders import WorkOrder, WorkOrderStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import bank_edits
from bomenplan.services import bomenbank as bank_svc
from bomenplan.services import edit_conflicts as ec
from bomenplan.services import work_orders as orders
from bomenplan.services.record_conflict_targets import (
    bank_target,
    bank_values,
    work_order_target,
    work_order_values,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def two_apps(request, tmp_path):
    url = tmp_path / "gedeeld.sqlite" if request.param == "sqlite" else request.getfixturevalue("pg_migrated_url")
    engines, factories = [], []
    for _ in range(2):
        engine, sessions = open_database(url)
        engines.append(engine)
        factories.append(lambda s=sessions: SqlUnitOfWork(s))
    yield factories
    for engine in engines:
        engine.dispose()


class Asker:
    def __init__(self, *answers):
        self.answers, self.conflicts = list(answers), []

    def __call__(self, conflict):
        self.conflicts.append(conflict)
        return self.answers.pop(0)


def _bank_tree(anna) -> BankTree:
    return bank_svc.add_bank_tree(anna(), BankTree(
        id=None, code="KW-1", source="kwekerij", species_name="Fagus sylvatica", stamomtrek_cm=150.0,
        x=232000.0, y=556000.0, location="Kwekerij De Linde", cost=Decimal("900.00")))


def _get_bank(factory, bank_id):
    with factory() as uow:
        return uow.bank.get(bank_id)


def _bert_saves_bank(two_apps, answer):
    anna, bert = two_apps
    opened = _bank_tree(anna)  # both open it at this version
    bank_edits.edit_bank_tree(anna(), opened.with_changes(location="Depot Noord"), "anna",
                              expected_version=opened.version)
    base = bank_values(opened)
    mine = {**base, "location": "Depot Zuid", "cost": Decimal("950.00")}
    asker = Asker(answer)
    outcome = ec.save_resolving(bert, bank_target(bert, opened.id, "bankboom KW-1", "bert"), base, mine,
                                opened.version, asker, "bert")
    return opened, asker, outcome


def test_bank_merge_keeps_anna_location_and_bert_cost(two_apps):
    opened, asker, outcome = _bert_saves_bank(two_apps, ec.Resolution(ec.MERGE, {"location": "theirs"}))
    conflict = asker.conflicts[0]
    assert conflict.changed_by_them() == ("location",)
    assert [c.field for c in conflict.merge.conflicts] == ["location"]
    assert outcome.status == ec.MERGED
    stored = _get_bank(two_apps[0], opened.id)
    assert (stored.location, stored.cost) == ("Depot Noord", Decimal("950.00"))
    assert stored.version == opened.version + 2  # anna's save, then bert's merged save
    with two_apps[0]() as uow:
        rejected = [c for c in uow.changes.since_version("bomenbank", opened.id, 0) if c.field == "location"]
    assert rejected[0].old == "Depot Zuid" and rejected[0].new == "Depot Noord" and rejected[0].user == "bert"


def test_bank_reload_gives_anna_version_and_writes_nothing_of_bert(two_apps):
    opened, _asker, outcome = _bert_saves_bank(two_apps, ec.Resolution(ec.RELOAD))
    assert outcome.status == ec.RELOADED
    stored = _get_bank(two_apps[1], opened.id)
    assert (stored.location, stored.cost, stored.version) == ("Depot Noord", Decimal("900.00"), opened.version + 1)


def test_bank_cancel_writes_nothing(two_apps):
    opened, _asker, outcome = _bert_saves_bank(two_apps, None)
    assert outcome.status == ec.CANCELLED and outcome.stored is None
    assert _get_bank(two_apps[1], opened.id).cost == Decimal("900.00")


def test_stale_bank_edit_is_refused(two_apps):
    anna, bert = two_apps
    opened = _bank_tree(anna)
    bank_edits.edit_bank_tree(anna(), opened.with_changes(location="Depot Noord"), "anna", opened.version)
    with pytest.raises(ConcurrentEditError):
        bank_edits.edit_bank_tree(bert(), opened.with_changes(cost=Decimal("1.00")), "bert", opened.version)


def _work_order(anna) -> WorkOrder:
    with anna() as uow:
        stored = uow.work_orders.add(WorkOrder(id=None, complaint_id=None, tree_id=None,
                                               created_at="2026-03-02T09:00:00", measure=Measure.SNOEIEN,
                                               omschrijving="takken terugsnoeien", origin="controle"))
        uow.commit()
        return stored


@pytest.mark.parametrize("choice, aannemer", [("mine", "Groen & Co"), ("theirs", "Boomzorg BV")])
def test_work_order_merge_per_field(two_apps, choice, aannemer):
    anna, bert = two_apps
    opened = _work_order(anna)
    orders.assign_contractor(anna(), opened, "Boomzorg BV", date(2026, 4, 1), "anna")
    base = work_order_values(opened)
    mine = {**base, "aannemer": "Groen & Co", "urgent": True}
    asker = Asker(ec.Resolution(ec.MERGE, {"aannemer": choice}))
    outcome = ec.save_resolving(bert, work_order_target(bert, opened.id, "werkorder 1", "bert"), base, mine,
                                opened.version, asker, "bert")
    assert set(asker.conflicts[0].changed_by_them()) == {"aannemer", "due_date"}
    assert outcome.status == ec.MERGED
    stored = orders.get_work_order(anna(), opened.id)
    assert (stored.aannemer, stored.urgent, stored.due_date) == (aannemer, True, date(2026, 4, 1))
    assert stored.status is WorkOrderStatus.OPEN and stored.version == opened.version + 2


def test_work_order_reload_and_cancel(two_apps):
    anna, bert = two_apps
    opened = _work_order(anna)
    orders.start_work_order(anna(), opened, "anna")
    base = work_order_values(opened)
    mine = {**base, "remark": "bert: wacht op hoogwerker"}
    target = work_order_target(bert, opened.id, "werkorder 1", "bert")
    reloaded = ec.save_resolving(bert, target, base, mine, opened.version, Asker(ec.Resolution(ec.RELOAD)))
    assert reloaded.status == ec.RELOADED and reloaded.stored.status is WorkOrderStatus.IN_UITVOERING
    cancelled = ec.save_resolving(bert, target, base, mine, opened.version, Asker(None))
    assert cancelled.status == ec.CANCELLED
    assert orders.get_work_order(bert(), opened.id).remark == ""
