"""The demo database carries a base map of the same town as its trees (issue 11, part 2)."""

from datetime import date

import numpy as np
import pytest
import shapely

from bomenplan.domain.base_map import GEBOUWEN, GROEN, WATER, WEGEN, BaseMapFeature
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.base_map import load_base_map
from bomenplan.services.demo import create_demo
from bomenplan.services.demo_plan import HOOFDLAAN
from bomenplan.services.register import load_register
from bomenplan.services.species_catalogue import ensure_catalogue


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("basemap") / "demo.sqlite"
    engine, sessions = open_database(path)
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    ensure_catalogue(factory())
    create_demo(factory, today=date(2026, 6, 1))
    yield factory, load_base_map(factory()), load_register(factory())
    engine.dispose()


def test_all_four_layers_with_the_named_places(demo):
    _factory, features, _columns = demo
    by_layer = {layer: [f for f in features if f.layer == layer]
                for layer in (GROEN, WATER, WEGEN, GEBOUWEN)}
    assert len(by_layer[GEBOUWEN]) > 1000
    road_names = {f.name for f in by_layer[WEGEN]}
    assert {"Hoofdlaan", "Nobellaan", "Brink", "Oudestraat", "Peelerstraat"} <= road_names
    assert {"Vaart", "Noord-Willemskanaal"} <= {f.name for f in by_layer[WATER]}
    assert "Asserbos" in {f.name for f in by_layer[GROEN]}
    assert sum(f.kind == "park" for f in by_layer[GROEN]) >= 8  # one park per wijk (nine)
    assert all(f.geometry.is_valid and not f.geometry.is_empty for f in features)


def test_the_trees_stand_beside_the_roads_and_not_in_houses(demo):
    _factory, features, columns = demo
    points = shapely.points(np.column_stack([columns.x, columns.y]))
    for layer in (WEGEN, GEBOUWEN, WATER):
        tree = shapely.STRtree([f.geometry for f in features if f.layer == layer])
        inside = np.unique(tree.query(points, predicate="within")[0])
        # a few trees where the streets of neighbouring cells meet; never more than 1 %
        assert len(inside) <= 0.01 * len(columns), layer


def test_the_hoofdlaan_runs_through_the_asserbos(demo):
    _factory, features, _columns = demo
    road = next(f.geometry for f in features if f.name == "Hoofdlaan")
    wood = next(f.geometry for f in features if f.name == "Asserbos")
    assert road.contains(HOOFDLAAN.centre.interpolate(0.5, normalized=True))
    assert road.intersection(wood).area > 0.9 * road.area


def test_the_base_map_round_trips_and_can_be_replaced(demo):
    factory, features, _columns = demo
    uow = factory()
    with uow:
        assert uow.base_map.count() == len(features)
    square = shapely.box(0, 0, 10, 20)
    uow = factory()
    with uow:
        uow.base_map.replace([BaseMapFeature(WATER, "Vijver", "vijver", square)])
        (pond,) = uow.base_map.all()
        assert (pond.layer, pond.name, pond.kind, pond.geometry.area) == (WATER, "Vijver", "vijver", 200)
        uow.rollback()  # never committed: the demo's map stays
    (again,) = [f for f in load_base_map(factory()) if f.name == "Noord-Willemskanaal"]
    assert again.geometry.equals(next(f.geometry for f in features if f.name == again.name))
