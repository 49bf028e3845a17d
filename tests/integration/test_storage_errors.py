"""Driver errors leave persistence as domain errors with a Dutch message, and nothing is stored:
SQLite "database is locked" while another writer (an import) holds the file, a connection that
cannot be made, a duplicate key."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest
from register_fixtures import draft_tree
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker

from bomenplan.domain.errors import BomenplanError, StorageBusyError, StorageUnavailableError
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register


@contextmanager
def write_lock(path):
    """Another process holds the write lock (as an import's transaction does)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def impatient(tmp_path):
    """A register whose second engine waits only 0.1 s for a lock (the default is 5 s)."""
    path = tmp_path / "register.sqlite"
    engine, sessions = open_database(path)
    tree = register.add_tree(SqlUnitOfWork(sessions), draft_tree(1, stamdiameter_cm=30.0))
    fast = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.1})
    yield path, tree, (lambda: SqlUnitOfWork(sessionmaker(fast, expire_on_commit=False)))
    fast.dispose()
    engine.dispose()


def test_a_locked_database_gives_a_dutch_busy_error_and_stores_nothing(impatient):
    path, tree, factory = impatient
    with write_lock(path), pytest.raises(StorageBusyError) as caught:
        register.update_tree(factory(), tree.id, {"stamdiameter_cm": 44.0}, user="anna")
    assert "de database is bezet" in str(caught.value) and "probeer het zo opnieuw" in str(caught.value)
    assert isinstance(caught.value, StorageUnavailableError)
    stored = register.get_tree(factory(), tree.id)
    assert stored.stamdiameter_cm == 30.0 and stored.version == tree.version
    assert [c.field for c in register.tree_history(factory(), tree.id)
            if c.field == "stamdiameter_cm"] == []


def test_a_database_that_cannot_be_reached_gives_a_dutch_error():
    def refuse():
        raise sqlite3.OperationalError("unable to open database file")

    engine = create_engine("sqlite://", creator=refuse)
    factory = lambda: SqlUnitOfWork(sessionmaker(engine))  # noqa: E731
    with pytest.raises(StorageUnavailableError) as caught:
        register.get_tree(factory(), 1)
    assert "database kon niet worden gelezen of geschreven" in str(caught.value)
    assert "unable to open database file" in str(caught.value)
    engine.dispose()


def test_a_duplicate_key_is_a_domain_error_not_a_driver_error(impatient):
    _path, tree, factory = impatient
    with pytest.raises(BomenplanError) as caught, factory() as uow:
        uow.session.execute(text("INSERT INTO site SELECT * FROM site WHERE id = :i"),
                            {"i": tree.site_id})
    assert "Er is niets opgeslagen" in str(caught.value)
