"""The demo database on a real SQLite file, plus the register's storage guarantees."""

from collections import Counter
from datetime import date, timedelta

import numpy as np
import pytest
from alembic.script import ScriptDirectory
from shapely import wkb
from shapely.geometry import Point
from sqlalchemy import inspect, text

from bomenplan.cli.context import uow_factory as uow_factory_for
from bomenplan.cli.main import run_cli
from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.tree import Site, Tree
from bomenplan.domain.values import TreeStatus
from bomenplan.persistence.database import alembic_config, make_engine, open_database, upgrade
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.demo import create_demo, demo_is_needed
from bomenplan.services.demo_layout import expected_positions
from bomenplan.services.demo_plan import HOOFDLAAN, WIJKEN
from bomenplan.services.register import (
    add_tree,
    get_tree,
    load_register,
    tree_history,
    update_tree,
)
from bomenplan.services.species_catalogue import ensure_catalogue

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    engine, sessions = open_database(path)
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    ensure_catalogue(factory())  # as the app and the command line do when a database opens
    assert demo_is_needed(factory())
    stored = create_demo(factory, today=TODAY)
    yield engine, factory, stored, load_register(factory())
    engine.dispose()


def test_demo_register_counts_wijken_and_statuses(demo):
    engine, factory, stored, columns = demo
    assert 8000 <= stored <= 12000 and len(columns) == stored
    assert not demo_is_needed(factory())
    assert set(columns.wijk) == {w.name for w in WIJKEN}
    statuses = Counter(columns.status.tolist())
    assert set(statuses) == {str(s) for s in (TreeStatus.LEVEND, TreeStatus.STOBBE,
                                              TreeStatus.GEKAPT, TreeStatus.LEEG_PLANTVAK)}
    assert statuses["levend"] > 0.9 * stored
    assert columns.x.min() > 228000 and columns.x.max() < 238000
    assert columns.y.min() > 552000 and columns.y.max() < 562000
    with engine.connect() as conn:
        groups = dict(conn.execute(text("SELECT boomgroep, COUNT(*) FROM tree GROUP BY boomgroep")).all())
    assert set(groups) == {"laanboom", "solitair", "boomweide"}


def test_demo_buurten_and_wijken_hold_their_own_trees_without_overlap(demo):
    import shapely

    from bomenplan.domain.rule_3_30_300 import assign
    from bomenplan.services.area_import import load_areas

    _engine, factory, _stored, columns = demo
    buurten, wijken = load_areas(factory(), "buurt"), load_areas(factory(), "wijk")
    # 9 wijken × 3 buurten (one row of 400 m cells each) + the Asserbos
    assert len(buurten) == 28 and len(wijken) == 9
    assert {a.name for a in wijken} == {w.name for w in WIJKEN}
    polygons = np.array([a.geometry for a in buurten], dtype=object)
    assert shapely.union_all(polygons).area == pytest.approx(sum(p.area for p in polygons))  # no overlap
    home = assign(shapely.points(columns.x, columns.y), polygons)
    assert (home >= 0).all()  # every tree lies in a buurt ...
    names = np.array([a.name for a in buurten], dtype=object)
    assert (names[home] == columns.buurt).all()  # ... the one its record names


def test_every_demo_species_is_in_the_catalogue(demo):
    engine = demo[0]
    with engine.connect() as conn:
        unlinked = conn.execute(text("SELECT DISTINCT species_name FROM tree "
                                     "WHERE species_id IS NULL AND species_name != ''")).all()
        linked = conn.execute(text("SELECT COUNT(*) FROM tree WHERE species_id IS NOT NULL")).scalar()
    assert unlinked == [] and linked > 8000


def test_demo_inspections_are_recent_and_match_the_tree(demo):
    engine, _factory, _stored, columns = demo
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT i.tree_id, i.datum, i.boomveiligheidsklasse, t.boomveiligheidsklasse "
            "FROM inspection i JOIN tree t ON t.id = i.tree_id ORDER BY i.tree_id, i.datum")).all()
    assert 200 <= len(rows) <= 1000
    dates = [date.fromisoformat(str(r[1])) for r in rows]
    assert min(dates) >= TODAY - timedelta(days=3 * 365) and max(dates) < TODAY
    latest = {r[0]: (r[2], r[3]) for r in rows}  # ordered by date: the last one wins
    assert all(insp == tree for insp, tree in latest.values())
    flagged = np.isin(columns.boomveiligheidsklasse, ["attentieboom", "risicoboom"])
    assert set(columns.id[flagged].tolist()) <= set(latest)


def test_lanen_have_stumps_and_missing_trees(demo):
    _engine, _factory, _stored, columns = demo
    stumps_per_street = Counter(columns.straat[columns.status == "stobbe"].tolist())
    assert len(stumps_per_street) >= 20  # stumps in many lanen, not in one place


def test_hoofdlaan_misses_at_least_25_trees_and_has_small_replacements(demo):
    _engine, _factory, _stored, columns = demo
    on_laan = columns.straat == "Hoofdlaan"
    living = on_laan & (columns.status == "levend")
    trees = np.c_[columns.x[living], columns.y[living]]
    expected = expected_positions(HOOFDLAAN)
    nearest = np.min(np.hypot(expected[:, None, 0] - trees[None, :, 0],
                              expected[:, None, 1] - trees[None, :, 1]), axis=1)
    assert (nearest > 2.0).sum() >= 25
    assert (on_laan & (columns.status == "stobbe")).sum() > 0
    years = columns.plantjaar[living]
    diameters = columns.stamdiameter_cm[living]
    assert np.median(years) < 1910 and np.median(diameters) > 70
    young = years > 2005
    assert young.sum() >= 3 and np.all(diameters[young] < 30)


def test_demo_command_refuses_a_filled_register_without_force(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    assert run_cli(["demo", "--db", db, "--seed", "3"]) == 0
    assert "9 wijken" in capsys.readouterr().out
    assert run_cli(["demo", "--db", db]) == 0  # the demo is there already: nothing to do
    assert "al" in capsys.readouterr().out
    count = len(load_register(uow_factory_for(db)()))
    assert run_cli(["demo", "--db", db, "--seed", "3", "--force"]) == 0
    columns = load_register(uow_factory_for(db)())
    assert len(columns) == 2 * count == len(set(columns.boomnummer))  # numbers continue


def test_demo_command_refuses_a_register_with_other_trees(tmp_path, capsys):
    db = str(tmp_path / "other.sqlite")
    add_tree(uow_factory_for(db, create=True)(), _draft())
    assert run_cli(["demo", "--db", db]) == 1
    assert "--force" in capsys.readouterr().err
    assert len(load_register(uow_factory_for(db)())) == 1


def test_alembic_upgrade_from_an_empty_database(tmp_path):
    engine = make_engine(tmp_path / "empty.sqlite")
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"site", "tree", "species", "inspection", "change_log", "import_run"} <= tables
    heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
    with engine.connect() as conn:
        current = {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
    assert current == heads
    upgrade(engine)  # a second upgrade is a no-op
    engine.dispose()


def _draft(x=233000.5, y=557000.25) -> Tree:
    return Tree(None, "T-1", None, Point(x, y), species_name="Quercus robur", plantjaar=1990,
                stamdiameter_cm=30.0, wijk="Centrum")


def test_geometry_round_trips_as_wkb(uow_factory, db_path):
    tree = add_tree(uow_factory(), _draft(233123.456, 557654.321))
    assert get_tree(uow_factory(), tree.id).position.equals(Point(233123.456, 557654.321))
    engine = make_engine(db_path)
    with engine.connect() as conn:
        geom, x, y = conn.execute(text("SELECT geom, x, y FROM site WHERE id = :id"),
                                  {"id": tree.site_id}).one()
    engine.dispose()
    point = wkb.loads(bytes(geom))
    assert (point.x, point.y) == (233123.456, 557654.321) == (x, y)


def test_unit_of_work_rolls_back_unless_committed(uow_factory):
    with uow_factory() as uow:
        site = uow.sites.add(Site(None, Point(233000, 557000)))
        uow.trees.add(_draft().with_changes(site_id=site.id))
        assert uow.trees.count() == 1
    with uow_factory() as uow:
        assert uow.trees.count() == 0


def test_stale_version_raises_concurrent_edit(uow_factory):
    tree = add_tree(uow_factory(), _draft())
    update_tree(uow_factory(), tree.id, {"stamdiameter_cm": 31.0}, expected_version=tree.version)
    with pytest.raises(ConcurrentEditError):
        update_tree(uow_factory(), tree.id, {"stamdiameter_cm": 32.0}, expected_version=tree.version)
    with pytest.raises(ConcurrentEditError), uow_factory() as uow:  # repository check as well
        uow.trees.update(tree.with_changes(plantjaar=1991))
    assert get_tree(uow_factory(), tree.id).stamdiameter_cm == 31.0


def test_change_log_records_old_and_new(uow_factory):
    tree = add_tree(uow_factory(), _draft())
    update_tree(uow_factory(), tree.id, {"stamdiameter_cm": 35.0, "status": TreeStatus.STOBBE},
                user="inspecteur", reason="storm")
    changes = {c.field: c for c in tree_history(uow_factory(), tree.id)}
    assert (changes["stamdiameter_cm"].old, changes["stamdiameter_cm"].new) == ("30.0", "35.0")
    assert (changes["status"].old, changes["status"].new) == ("levend", "stobbe")
    assert changes["status"].user == "inspecteur" and changes["status"].reason == "storm"
