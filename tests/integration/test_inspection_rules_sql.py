"""The beheerder's controle intervals (migration 0034_inspdue) on SQLite and PostgreSQL: stored,
validated (1–60 months; attentieboom ≤ 12, CROW 26768), logged, and used by the due list."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from register_fixtures import draft_tree

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.inspection_due import DueFilter, DueState
from bomenplan.domain.inspection_rules import RiskClassRule
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse as K
from bomenplan.domain.values import Omgevingsrisicoklasse as R
from bomenplan.persistence import tables_inspection_rules
from bomenplan.persistence.database import make_engine, open_database, upgrade
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register
from bomenplan.services.inspection_due import due_report
from bomenplan.services.inspection_rules_admin import RULE_ENTITY, load_rules, save_rules


@pytest.fixture
def factory(any_db_url):
    engine, sessions = open_database(any_db_url)
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


def test_shipped_values_until_the_beheerder_changes_one(factory):
    assert load_rules(factory()).by_class[R.LAAG] == RiskClassRule(60, 12, 90)
    rules = save_rules(factory(), {R.LAAG: RiskClassRule(48, 12, 60)}, user="beheerder")
    assert rules.by_class[R.LAAG] == RiskClassRule(48, 12, 60)
    assert load_rules(factory()).by_class[R.LAAG] == RiskClassRule(48, 12, 60)
    assert load_rules(factory()).by_class[R.HOOG] == RiskClassRule(12, 6, 7)  # untouched
    with factory() as uow:
        log = uow.changes.for_entity(RULE_ENTITY, 0)
    assert {(c.field, c.old, c.new, c.user) for c in log} == {
        ("laag: interval zonder gebreken (maanden)", "60", "48", "beheerder"),
        ("laag: termijn maatregel risicoboom (dagen)", "90", "60", "beheerder")}


@pytest.mark.parametrize(("rule", "message"), [
    (RiskClassRule(0, 12, 90), "interval zonder gebreken (maanden): 0 ligt niet tussen 1 en 60"),
    (RiskClassRule(61, 12, 90), "61 ligt niet tussen 1 en 60"),
    (RiskClassRule(36, 13, 90), "interval attentieboom (maanden): 13 ligt niet tussen 1 en 12"),
])
def test_out_of_range_is_refused_and_nothing_stored(factory, rule, message):
    with pytest.raises(ValidationError) as caught:
        save_rules(factory(), {R.HOOG: RiskClassRule(24, 12, 7), R.GEMIDDELD: rule})
    assert message in str(caught.value) and "gemiddeld" in str(caught.value)
    assert load_rules(factory()).by_class[R.HOOG] == RiskClassRule(12, 6, 7)


def test_due_list_follows_the_stored_interval(factory):
    tree = register.add_tree(factory(), draft_tree(1, omgevingsrisicoklasse=R.LAAG))
    register.record_inspection(factory(), Inspection(None, tree.id, date(2022, 1, 15), "P. Jansen",
                                                     K.ZONDER_GEBREKEN))
    criteria = DueFilter(date(2026, 12, 31))
    assert due_report(factory(), criteria, date(2026, 11, 30)).items == []  # 60 months: 15-01-2027
    save_rules(factory(), {R.LAAG: RiskClassRule(48, 12, 90)})
    [item] = due_report(factory(), criteria, date(2026, 11, 30)).items  # 48 months: 15-01-2026
    assert (item.state, item.due) == (DueState.OVERDUE, date(2026, 1, 15))


def test_migration_creates_exactly_the_rule_table(tmp_path):
    engine = make_engine(tmp_path / "leeg.sqlite")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection),
                                tables_inspection_rules.Base.metadata)
    assert [d for d in diff if "'inspection_rule'" in repr(d)] == []
    engine.dispose()
