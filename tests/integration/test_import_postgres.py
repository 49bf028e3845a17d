"""Bulk import on PostgreSQL (a real server started by the `pg_url` fixture)."""

import pytest
from shapely.geometry import Point

from bomenplan.domain.tree import Tree
from bomenplan.persistence.database import open_database
from bomenplan.persistence.exchange_repository import SqlExchangeRepository
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.importing import guess_mapping, import_trees, read_source
from bomenplan.services.register import add_tree
from tests.integration.test_import_dirty import dirty_csv


def test_import_rollback_and_site_ids_on_postgres(tmp_path, monkeypatch, pg_url):
    engine, sessions = open_database(pg_url)
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    with factory() as uow:
        before = uow.trees.count()
    src = read_source(dirty_csv(tmp_path))
    assert import_trees(factory(), src, guess_mapping(src)).rows_accepted == 3
    tree = add_tree(factory(), Tree(None, "PG-1", None, Point(233500, 557500),
                                    species_name="Tilia cordata"))
    with factory() as uow:  # the site sequence continued after the imported explicit ids
        assert uow.trees.count() == before + 4
        assert uow.trees.get(tree.id).position.x == 233500
    monkeypatch.setattr(SqlExchangeRepository, "record_import_run",
                        lambda *a, **k: (_ for _ in ()).throw(RuntimeError("kapot")))
    with pytest.raises(RuntimeError):
        import_trees(factory(), src, guess_mapping(src))
    with factory() as uow:
        assert uow.trees.count() == before + 4
    engine.dispose()
