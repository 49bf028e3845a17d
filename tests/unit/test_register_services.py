from datetime import date

import pytest
from fakes import FakeUnitOfWork
from shapely.geometry import Point

from bomenplan.domain.errors import ConcurrentEditError, ValidationError
from bomenplan.domain.tree import Inspection, Tree
from bomenplan.domain.values import Boomveiligheidsklasse, TreeStatus
from bomenplan.services import register


def draft(**kw):
    base = dict(id=None, boomnummer="ASN-1", site_id=None, position=Point(233000, 557000),
                species_name="Tilia cordata", wijk="Centrum")
    base.update(kw)
    return Tree(**base)


@pytest.fixture
def uow():
    return FakeUnitOfWork()


def test_add_tree_creates_site_and_logs(uow):
    tree = register.add_tree(uow, draft())
    assert tree.site_id == 1 and uow.sites.get(1).wijk == "Centrum"
    assert [c.field for c in uow.changes.entries] == ["aangemaakt"]
    assert uow.committed == 1


def test_update_logs_each_changed_field_old_to_new(uow):
    tree = register.add_tree(uow, draft(plantjaar=1990))
    register.update_tree(uow, tree.id, {"plantjaar": 1991, "wijk": "Noord", "eigenaar": ""})
    log = {c.field: (c.old, c.new) for c in uow.changes.entries[1:]}
    assert log == {"plantjaar": ("1990", "1991"), "wijk": ("Centrum", "Noord")}


def test_update_without_change_commits_nothing(uow):
    tree = register.add_tree(uow, draft())
    register.update_tree(uow, tree.id, {"wijk": "Centrum"})
    assert uow.committed == 1


def test_invalid_change_is_rejected_and_nothing_stored(uow):
    tree = register.add_tree(uow, draft())
    with pytest.raises(ValidationError) as err:
        register.update_tree(uow, tree.id, {"plantjaar": 1200})
    assert err.value.field == "plantjaar"
    assert uow.trees.get(tree.id).plantjaar is None


def test_unknown_field_is_rejected(uow):
    tree = register.add_tree(uow, draft())
    with pytest.raises(ValidationError):
        register.update_tree(uow, tree.id, {"id": 99})


def test_stale_version_is_refused(uow):
    tree = register.add_tree(uow, draft())
    register.update_tree(uow, tree.id, {"wijk": "Oost"})
    with pytest.raises(ConcurrentEditError):
        register.update_tree(uow, tree.id, {"wijk": "West"}, expected_version=tree.version)


def test_felling_keeps_tree_and_site(uow):
    tree = register.add_tree(uow, draft())
    felled = register.set_status(uow, tree.id, TreeStatus.GEKAPT, reason="iepziekte")
    assert felled.status is TreeStatus.GEKAPT
    assert uow.changes.entries[-1].reason == "iepziekte"
    new = register.plant_on_site(uow, tree.site_id, draft(boomnummer="ASN-2"))
    history = register.site_history(uow, tree.site_id)
    assert [t.boomnummer for t in history] == ["ASN-1", "ASN-2"] and new.site_id == tree.site_id


def test_move_logs_position(uow):
    tree = register.add_tree(uow, draft())
    moved = register.move_tree(uow, tree.id, 233010.0, 557000.0)
    assert moved.position.x == 233010.0
    assert uow.changes.entries[-1].field == "positie"


def test_inspection_carries_class_to_tree(uow):
    tree = register.add_tree(uow, draft())
    insp = Inspection(None, tree.id, date(2026, 5, 1), "J. de Boer", Boomveiligheidsklasse.ATTENTIEBOOM,
                      gebreken=("dood hout",), volgende_controle=date(2027, 5, 1))
    stored, updated = register.record_inspection(uow, insp)
    assert updated.boomveiligheidsklasse is Boomveiligheidsklasse.ATTENTIEBOOM
    assert register.inspections_of(uow, tree.id) == [stored]
