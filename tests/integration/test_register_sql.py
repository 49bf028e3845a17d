from datetime import date

import pytest
from shapely.geometry import Point

from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.tree import Inspection, Tree
from bomenplan.domain.values import Beheertype, Boomveiligheidsklasse, TreeStatus
from bomenplan.services import register

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def draft(n="ASN-1", **kw):
    return Tree(id=None, boomnummer=n, site_id=None, position=Point(233001.25, 557002.5),
                species_name="Fagus sylvatica", straat="Hoofdlaan", wijk="Asserbos", **kw)


def test_tree_round_trip_keeps_geometry_and_enums(uow_factory):
    added = register.add_tree(uow_factory(), draft(beheertype=Beheertype.KNOT, plantjaar=1905))
    loaded = register.get_tree(uow_factory(), added.id)
    assert loaded.position.equals(Point(233001.25, 557002.5))
    assert loaded.beheertype is Beheertype.KNOT and loaded.plantjaar == 1905
    assert loaded.straat == "Hoofdlaan" and loaded.version == 1


def test_second_writer_with_stale_version_is_refused(uow_factory):
    tree = register.add_tree(uow_factory(), draft())
    register.update_tree(uow_factory(), tree.id, {"opmerkingen": "eerste"})
    with pytest.raises(ConcurrentEditError):
        with uow_factory() as uow:
            uow.trees.update(tree.with_changes(opmerkingen="tweede"))  # tree.version is stale
    assert register.get_tree(uow_factory(), tree.id).opmerkingen == "eerste"


def test_history_lists_changes_newest_first(uow_factory):
    tree = register.add_tree(uow_factory(), draft())
    register.update_tree(uow_factory(), tree.id, {"plantjaar": 1950}, user="anna")
    register.set_status(uow_factory(), tree.id, TreeStatus.STOBBE, reason="storm")
    fields = [(c.field, c.old, c.new) for c in register.tree_history(uow_factory(), tree.id)]
    assert fields[:2] == [("status", "levend", "stobbe"), ("plantjaar", "", "1950")]


def test_position_change_moves_the_site(uow_factory):
    tree = register.add_tree(uow_factory(), draft())
    register.move_tree(uow_factory(), tree.id, 233050.0, 557010.0)
    cols = register.load_register(uow_factory())
    assert (cols.x[0], cols.y[0]) == (233050.0, 557010.0)


def test_retract_removes_tree_and_empty_site(uow_factory):
    tree = register.add_tree(uow_factory(), draft())
    register.retract_new_tree(uow_factory(), tree.id)
    assert len(register.load_register(uow_factory())) == 0
    with uow_factory() as uow:
        assert uow.changes.for_entity("tree", tree.id)[0].field == "aanmaak ongedaan"


def test_inspection_stored_and_listed(uow_factory):
    tree = register.add_tree(uow_factory(), draft())
    insp = Inspection(None, tree.id, date(2026, 3, 2), "P. Jansen", Boomveiligheidsklasse.RISICOBOOM,
                      gebreken=("holte", "zwam"), maatregelen=("nader onderzoek",))
    register.record_inspection(uow_factory(), insp)
    [stored] = register.inspections_of(uow_factory(), tree.id)
    assert stored.gebreken == ("holte", "zwam")
    assert register.get_tree(uow_factory(), tree.id).boomveiligheidsklasse is Boomveiligheidsklasse.RISICOBOOM
