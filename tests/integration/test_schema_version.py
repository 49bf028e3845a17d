"""Opening an up-to-date register skips Alembic; the shortcut agrees with Alembic's heads."""

from alembic.script import ScriptDirectory
from sqlalchemy import text

from bomenplan.persistence.database import alembic_config, make_engine, open_database
from bomenplan.persistence.schema_version import migration_heads, schema_is_current


def test_heads_read_from_the_files_are_alembics_heads():
    script = ScriptDirectory.from_config(alembic_config(None))
    assert migration_heads() == set(script.get_heads())


def test_a_new_file_is_not_current_and_a_migrated_one_is(tmp_path):
    engine = make_engine(tmp_path / "nieuw.sqlite")
    assert not schema_is_current(engine)
    engine.dispose()
    engine, _sessions = open_database(tmp_path / "nieuw.sqlite")
    assert schema_is_current(engine)
    with engine.begin() as connection:  # one branch behind: Alembic must be asked again
        heads = sorted(migration_heads())
        connection.execute(text("DELETE FROM alembic_version WHERE version_num = :v"),
                           {"v": heads[-1]})
    assert not schema_is_current(engine)
    engine.dispose()
