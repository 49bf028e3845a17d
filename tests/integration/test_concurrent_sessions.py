"""Two sessions on one database (two engines, as two running apps), on an SQLite file and on a real
PostgreSQL server: the second save of a tree both loaded is refused with ConcurrentEditError and
nothing of the first save is lost."""

from __future__ import annotations

import pytest
from register_fixtures import draft_tree

from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register


@pytest.fixture(params=["sqlite", "postgresql"])
def two_apps(request, tmp_path):
    if request.param == "sqlite":
        path = tmp_path / "gedeeld.sqlite"
    else:
        path = request.getfixturevalue("pg_migrated_url")
    engines = []
    factories = []
    for _ in range(2):
        engine, sessions = open_database(path)
        engines.append(engine)
        factories.append(lambda s=sessions: SqlUnitOfWork(s))
    yield factories
    for engine in engines:
        engine.dispose()


def test_second_save_of_the_same_tree_is_refused(two_apps):
    first, second = two_apps
    tree_id = register.add_tree(first(), draft_tree(1, stamdiameter_cm=30.0)).id
    in_first = register.get_tree(first(), tree_id)
    in_second = register.get_tree(second(), tree_id)
    assert in_first.version == in_second.version

    register.update_tree(first(), tree_id, {"stamdiameter_cm": 42.0},
                         expected_version=in_first.version, user="anna")
    with pytest.raises(ConcurrentEditError):
        register.update_tree(second(), tree_id, {"plantjaar": 1955},
                             expected_version=in_second.version, user="bert")

    for factory in (first, second):  # both apps read the first save, the refused one left no trace
        stored = register.get_tree(factory(), tree_id)
        assert (stored.stamdiameter_cm, stored.plantjaar) == (42.0, in_first.plantjaar)
        assert stored.version == in_first.version + 1
    history = register.tree_history(second(), tree_id)
    assert [(c.field, c.new, c.user) for c in history if c.field != "aangemaakt"] == [
        ("stamdiameter_cm", "42.0", "anna")]


def test_open_transactions_in_both_sessions_second_commit_is_refused(two_apps):
    """Both units of work are open at the same time; the first commits while the second still
    holds the tree it read: the repository's version check refuses the second write."""
    first, second = two_apps
    tree_id = register.add_tree(first(), draft_tree(2, stamdiameter_cm=30.0)).id
    with second() as uow_b:
        seen_by_b = uow_b.trees.get(tree_id)
        with first() as uow_a:
            uow_a.trees.update(uow_a.trees.get(tree_id).with_changes(stamdiameter_cm=50.0))
            uow_a.commit()
        with pytest.raises(ConcurrentEditError):
            uow_b.trees.update(seen_by_b.with_changes(stamdiameter_cm=60.0))
            uow_b.commit()
    assert register.get_tree(second(), tree_id).stamdiameter_cm == 50.0
