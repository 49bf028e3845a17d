import pytest

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork


def pytest_generate_tests(metafunc):
    """A module with `BOTH_BACKENDS = True` runs its `db_path`/`uow_factory` tests on an SQLite file
    and on a PostgreSQL database (issue 15 §1)."""
    if getattr(metafunc.module, "BOTH_BACKENDS", False) and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request):
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_path(backend, tmp_path, request):
    """An SQLite file path, or (parametrised) the URL of a PostgreSQL database at the newest schema."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_migrated_url")
    return tmp_path / "register.sqlite"


@pytest.fixture
def uow_factory(db_path):
    engine, sessions = open_database(db_path)
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()
