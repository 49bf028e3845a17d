"""Migration 0017_standplaats creates exactly the tables the rows declare."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bomenplan.persistence import tables_standplaats
from bomenplan.persistence.database import make_engine, upgrade

OURS = {"standplaats", "standplaats_problem", "soil_norm", "plan_area", "plan_affected_tree"}


def test_upgrade_from_empty_matches_the_standplaats_rows(tmp_path):
    engine = make_engine(tmp_path / "leeg.sqlite")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), tables_standplaats.Base.metadata)
    assert [d for d in diff if any(f"'{name}'" in repr(d) for name in OURS)] == []
    engine.dispose()
