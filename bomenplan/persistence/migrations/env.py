"""Alembic environment: runs on the engine handed over in config.attributes (or the URL)."""

from alembic import context
from sqlalchemy import create_engine

from bomenplan.persistence import all_tables

config = context.config
target_metadata = all_tables.Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
