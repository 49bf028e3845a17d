"""No lost update (issue 15 §2): user A (anna) and user B (bert) run the app at the same time, each
with its own engine, on an SQLite file and on a real PostgreSQL server. Both open the same tree at
the same version; anna saves first; bert's save conflicts and is resolved by reload or merge."""

from __future__ import annotations

import pytest
from register_fixtures import draft_tree
from shapely.geometry import LineString

from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.laan import Laan
from bomenplan.domain.standplaats import Standplaats, Verharding
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import edit_conflicts as ec
from bomenplan.services import register
from bomenplan.services.conflict_targets import (
    laan_target,
    laan_values,
    standplaats_target,
    standplaats_values,
    tree_target,
    tree_values,
)
from bomenplan.services.lanen import edit_laan, laan_history
from bomenplan.services.standplaats import get_standplaats, save_standplaats


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
    """Stands in for the dialog: records each conflict and answers with the next resolution."""

    def __init__(self, *answers, meanwhile=None):
        self.answers = list(answers)
        self.conflicts: list[ec.EditConflict] = []
        self.meanwhile = meanwhile  # runs while the dialog is open (another save by anna)

    def __call__(self, conflict):
        self.conflicts.append(conflict)
        if self.meanwhile is not None:
            self.meanwhile()
            self.meanwhile = None
        return self.answers.pop(0)


def _open_same_tree(two_apps):
    anna, bert = two_apps
    tree_id = register.add_tree(anna(), draft_tree(1, stamdiameter_cm=30.0, plantjaar=1960)).id
    return anna, bert, tree_id, register.get_tree(bert(), tree_id)


def _bert_saves(bert, seen, changes, asker):
    base = tree_values(seen)
    target = tree_target(bert, seen.id, "boom A001", user="bert")
    return ec.save_resolving(bert, target, base, {**base, **changes}, seen.version, asker, user="bert")


def _log(factory, tree_id):
    return [(c.field, c.old, c.new, c.user) for c in reversed(register.tree_history(factory(), tree_id))
            if c.field != "aangemaakt"]


def test_disjoint_fields_merge_keeps_both(two_apps):
    anna, bert, tree_id, seen = _open_same_tree(two_apps)
    register.update_tree(anna(), tree_id, {"stamdiameter_cm": 42.0}, expected_version=seen.version, user="anna")
    asker = Asker(ec.Resolution(ec.MERGE))
    outcome = _bert_saves(bert, seen, {"plantjaar": 1955}, asker)

    conflict = asker.conflicts[0]
    assert (conflict.base_version, conflict.current_version) == (1, 2)
    assert conflict.merge.clean and conflict.merge.mine_applied == ("plantjaar",)
    assert conflict.changed_by_them() == ("stamdiameter_cm",)
    who = conflict.last_change("stamdiameter_cm")
    assert (who.old, who.new, who.user, who.version) == ("30.0", "42.0", "anna", 2)
    assert outcome.status == ec.MERGED
    assert (outcome.before, outcome.after) == ({"plantjaar": 1960}, {"plantjaar": 1955})
    for app in (anna, bert):
        stored = register.get_tree(app(), tree_id)
        assert (stored.stamdiameter_cm, stored.plantjaar, stored.version) == (42.0, 1955, 3)
    assert _log(anna, tree_id) == [("stamdiameter_cm", "30.0", "42.0", "anna"),
                                   ("plantjaar", "1960", "1955", "bert")]


def test_same_field_my_choice_wins_and_their_value_stays_in_the_log(two_apps):
    anna, bert, tree_id, seen = _open_same_tree(two_apps)
    register.update_tree(anna(), tree_id, {"stamdiameter_cm": 42.0}, expected_version=seen.version, user="anna")
    asker = Asker(ec.Resolution(ec.MERGE, {"stamdiameter_cm": "mine"}))
    outcome = _bert_saves(bert, seen, {"stamdiameter_cm": 50.0}, asker)

    (conflict_field,) = asker.conflicts[0].merge.conflicts
    assert (conflict_field.field, conflict_field.base, conflict_field.mine, conflict_field.theirs) == (
        "stamdiameter_cm", 30.0, 50.0, 42.0)
    assert outcome.before == {"stamdiameter_cm": 42.0}  # an undo restores anna's value, not the old one
    assert register.get_tree(anna(), tree_id).stamdiameter_cm == 50.0
    assert _log(anna, tree_id) == [("stamdiameter_cm", "30.0", "42.0", "anna"),
                                   ("stamdiameter_cm", "42.0", "50.0", "bert")]


def test_same_field_their_choice_wins_and_my_value_stays_in_the_log(two_apps):
    anna, bert, tree_id, seen = _open_same_tree(two_apps)
    register.update_tree(anna(), tree_id, {"stamdiameter_cm": 42.0}, expected_version=seen.version, user="anna")
    asker = Asker(ec.Resolution(ec.MERGE, {"stamdiameter_cm": "theirs"}))
    outcome = _bert_saves(bert, seen, {"stamdiameter_cm": 50.0, "plantjaar": 1955}, asker)

    stored = register.get_tree(anna(), tree_id)
    assert (stored.stamdiameter_cm, stored.plantjaar) == (42.0, 1955)
    assert outcome.after == {"plantjaar": 1955}
    log = _log(anna, tree_id)
    assert ("stamdiameter_cm", "50.0", "42.0", "bert") in log  # bert's value, not stored, not lost
    rejected = next(c for c in register.tree_history(anna(), tree_id) if c.user == "bert"
                    and c.field == "stamdiameter_cm")
    assert "50.0" in rejected.reason and "niet opgeslagen" in rejected.reason


def test_reload_and_cancel_write_nothing(two_apps):
    anna, bert, tree_id, seen = _open_same_tree(two_apps)
    register.update_tree(anna(), tree_id, {"stamdiameter_cm": 42.0}, expected_version=seen.version, user="anna")
    reloaded = _bert_saves(bert, seen, {"plantjaar": 1955}, Asker(ec.Resolution(ec.RELOAD)))
    assert reloaded.status == ec.RELOADED
    assert (reloaded.stored.stamdiameter_cm, reloaded.stored.plantjaar, reloaded.stored.version) == (42.0, 1960, 2)
    cancelled = _bert_saves(bert, seen, {"plantjaar": 1955}, Asker(None))
    assert (cancelled.status, cancelled.stored) == (ec.CANCELLED, None)
    assert register.get_tree(bert(), tree_id).version == 2
    assert [entry[3] for entry in _log(anna, tree_id)] == ["anna"]


def test_a_merged_save_that_conflicts_again_asks_again(two_apps):
    anna, bert, tree_id, seen = _open_same_tree(two_apps)
    register.update_tree(anna(), tree_id, {"stamdiameter_cm": 42.0}, expected_version=seen.version, user="anna")

    def anna_saves_again():  # while bert's dialog is open
        register.update_tree(anna(), tree_id, {"eigenaar": "Waterschap"}, expected_version=2, user="anna")

    asker = Asker(ec.Resolution(ec.MERGE), ec.Resolution(ec.MERGE), meanwhile=anna_saves_again)
    outcome = _bert_saves(bert, seen, {"plantjaar": 1955}, asker)
    assert [(c.base_version, c.current_version) for c in asker.conflicts] == [(1, 2), (2, 3)]
    assert asker.conflicts[1].changed_by_them() == ("eigenaar",)
    assert [c.field for c in asker.conflicts[1].their_changes] == ["eigenaar"]
    stored = register.get_tree(bert(), tree_id)
    assert (stored.stamdiameter_cm, stored.eigenaar, stored.plantjaar, stored.version) == (
        42.0, "Waterschap", 1955, 4)
    assert outcome.before == {"plantjaar": 1960}


def test_changes_since_lists_only_later_versions(two_apps):
    anna, bert, tree_id, seen = _open_same_tree(two_apps)
    register.update_tree(anna(), tree_id, {"stamdiameter_cm": 42.0}, user="anna")
    register.update_tree(bert(), tree_id, {"plantjaar": 1970, "eigenaar": "Gemeente"}, user="bert")
    assert [(c.field, c.version) for c in ec.changes_since(bert(), "tree", tree_id, 1)] == [
        ("stamdiameter_cm", 2), ("plantjaar", 3), ("eigenaar", 3)]
    assert [c.user for c in ec.changes_since(anna(), "tree", tree_id, 2)] == ["bert", "bert"]
    assert ec.changes_since(anna(), "tree", tree_id, 3) == []


def test_standplaats_disjoint_merge(two_apps):
    anna, bert, tree_id, _seen = _open_same_tree(two_apps)
    site = register.get_tree(anna(), tree_id).site_id
    seen = get_standplaats(bert(), site)  # version 0: nothing stored yet
    save_standplaats(anna(), Standplaats(site, boomspiegel_m2=4.0), user="anna")
    base = standplaats_values(seen)
    asker = Asker(ec.Resolution(ec.MERGE))
    outcome = ec.save_resolving(bert, standplaats_target(bert, site, "standplaats", "bert"), base,
                                {**base, "verharding": Verharding.OPEN, "zout": True}, seen.version, asker, "bert")
    assert asker.conflicts[0].changed_by_them() == ("boomspiegel_m2",)
    assert asker.conflicts[0].last_change("boomspiegel_m2").user == "anna"
    stored = get_standplaats(anna(), site)
    assert (stored.boomspiegel_m2, stored.verharding, stored.zout, stored.version) == (4.0, Verharding.OPEN, True, 2)
    assert outcome.stored == stored


def test_laan_same_field_choice_and_disjoint_field(two_apps):
    anna, bert = two_apps
    with anna() as uow:
        laan = uow.lanen.add(Laan(None, "Nobellaan", (LineString([(0, 0), (80, 0)]),), 8.0, straat="Nobellaan"))
        uow.commit()
    edit_laan(anna(), laan.with_changes(intended_species="Tilia cordata"), user="anna")
    base = laan_values(laan)
    mine = {**base, "intended_species": "Quercus robur", "spacing_m": 10.0}
    asker = Asker(ec.Resolution(ec.MERGE, {"intended_species": "mine"}))
    ec.save_resolving(bert, laan_target(bert, laan.id, "laan Nobellaan", "bert"), base, mine, laan.version, asker,
                      "bert")
    assert [c.field for c in asker.conflicts[0].merge.conflicts] == ["intended_species"]
    with bert() as uow:
        stored = uow.lanen.get(laan.id)
    assert (stored.intended_species, stored.spacing_m, stored.version) == ("Quercus robur", 10.0, 3)
    changes, _ = laan_history(anna(), laan.id)
    assert ("intended_species", "Tilia cordata", "anna") in [(c.field, c.new, c.user) for c in changes]


def test_open_transactions_laan_and_standplaats_second_commit_is_refused(two_apps):
    """bert's unit of work read the laan and the standplaats record before anna committed: his
    write in the same transaction is refused (the repositories read the row again; on PostgreSQL
    with FOR UPDATE, which also covers two writes at the very same moment)."""
    anna, bert = two_apps
    site = register.add_tree(anna(), draft_tree(3)).site_id
    save_standplaats(anna(), Standplaats(site, boomspiegel_m2=2.0), user="anna")
    with anna() as uow:
        laan = uow.lanen.add(Laan(None, "Nobellaan", (LineString([(0, 0), (80, 0)]),), 8.0))
        uow.commit()
    with bert() as uow_b:
        laan_b, record_b = uow_b.lanen.get(laan.id), uow_b.standplaatsen.get(site)
        edit_laan(anna(), laan.with_changes(spacing_m=9.0), user="anna")
        save_standplaats(anna(), record_b.with_changes(zout=True), user="anna")
        with pytest.raises(ConcurrentEditError):
            uow_b.lanen.update(laan_b.with_changes(spacing_m=12.0))
        uow_b.rollback()
        with pytest.raises(ConcurrentEditError):
            uow_b.standplaatsen.save(record_b.with_changes(boomspiegel_m2=6.0))
    with anna() as uow:
        assert uow.lanen.get(laan.id).spacing_m == 9.0
        assert (uow.standplaatsen.get(site).boomspiegel_m2, uow.standplaatsen.get(site).zout) == (2.0, True)
