"""Save conflicts without a database (services/edit_conflicts.py) on the fake unit of work: the
loop of ask → merge → save again, the choices, and what goes into the change log."""

from __future__ import annotations

import pytest
from fakes import FakeUnitOfWork
from shapely.geometry import Point

from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.tree import Tree
from bomenplan.services import edit_conflicts as ec
from bomenplan.services import register
from bomenplan.services.conflict_targets import tree_target, tree_values


@pytest.fixture
def uow():
    return FakeUnitOfWork()


@pytest.fixture
def tree(uow):
    return register.add_tree(uow, Tree(id=None, boomnummer="B-7", site_id=None, position=Point(234000, 557000),
                                       species_name="Quercus robur", plantjaar=1970, eigenaar="Gemeente"))


def _save(uow, seen, changes, ask):
    base = tree_values(seen)
    return ec.save_resolving(lambda: uow, tree_target(lambda: uow, seen.id, "boom B-7", "bert"), base,
                             {**base, **changes}, seen.version, ask, "bert")


def test_the_version_error_names_entity_and_versions(uow, tree):
    register.update_tree(uow, tree.id, {"plantjaar": 1971}, expected_version=1, user="anna")
    with pytest.raises(ConcurrentEditError) as caught:
        register.update_tree(uow, tree.id, {"plantjaar": 1972}, expected_version=1)
    error = caught.value
    assert (error.entity, error.entity_id, error.expected_version, error.current_version) == ("tree", tree.id, 1, 2)


def test_no_conflict_saves_without_asking(uow, tree):
    outcome = _save(uow, tree, {"eigenaar": "Waterschap"}, lambda c: pytest.fail("no conflict"))
    assert (outcome.status, outcome.before, outcome.after) == (ec.SAVED, {"eigenaar": "Gemeente"},
                                                               {"eigenaar": "Waterschap"})
    assert uow.changes.entries[-1].version == 2  # the change log knows which version it made


def test_every_conflict_needs_a_choice(uow, tree):
    register.update_tree(uow, tree.id, {"plantjaar": 1971}, expected_version=1, user="anna")
    with pytest.raises(KeyError):
        _save(uow, tree, {"plantjaar": 1975}, lambda c: ec.Resolution(ec.MERGE))
    assert uow.trees.get(tree.id).plantjaar == 1971


def test_conflict_description_and_rejected_value_in_the_log(uow, tree):
    register.update_tree(uow, tree.id, {"plantjaar": 1971, "eigenaar": "Waterschap"}, expected_version=1,
                         user="anna")
    seen = []
    outcome = _save(uow, tree, {"plantjaar": 1975, "species_name": "Tilia cordata"},
                    lambda c: seen.append(c) or ec.Resolution(ec.MERGE, {"plantjaar": "theirs"}))
    conflict = seen[0]
    assert conflict.changed_by_them() == ("plantjaar", "eigenaar")  # in the register's field order
    assert conflict.editors() == ("anna",)
    assert conflict.last_change("eigenaar").new == "Waterschap"
    assert conflict.merge.mine_applied == ("species_name",)
    assert outcome.after == {"species_name": "Tilia cordata"}
    stored = uow.trees.get(tree.id)
    assert (stored.plantjaar, stored.eigenaar, stored.species_name) == (1971, "Waterschap", "Tilia cordata")
    rejected = [c for c in uow.changes.entries if c.reason.startswith("samenvoegen")]
    assert [(c.field, c.old, c.new, c.user) for c in rejected] == [("plantjaar", "1975", "1971", "bert")]


def test_a_merge_that_keeps_every_stored_value_writes_nothing(uow, tree):
    register.update_tree(uow, tree.id, {"plantjaar": 1971}, expected_version=1, user="anna")
    outcome = _save(uow, tree, {"plantjaar": 1975}, lambda c: ec.Resolution(ec.MERGE, {"plantjaar": "theirs"}))
    assert (outcome.status, outcome.after, outcome.stored.version) == (ec.MERGED, {}, 2)
    assert uow.trees.get(tree.id).version == 2
