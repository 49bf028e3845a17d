"""Migration 0004_complaints creates exactly the complaint tables the rows declare."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bomenplan.persistence import tables_complaints
from bomenplan.persistence.database import make_engine, upgrade

COMPLAINT_TABLES = {t.name for t in tables_complaints.Base.metadata.sorted_tables
                    if t.name in ("complaint", "complaint_tree", "complainant", "criteria_version",
                                  "triage_decision", "work_order")}


def test_upgrade_from_empty_matches_the_complaint_rows(tmp_path):
    engine = make_engine(tmp_path / "leeg.sqlite")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection),
                                tables_complaints.Base.metadata)
    ours = [d for d in diff if any(name in repr(d) for name in COMPLAINT_TABLES)]
    assert len(COMPLAINT_TABLES) == 6
    assert ours == []
    engine.dispose()
