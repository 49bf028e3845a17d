import pytest

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "register.sqlite"


@pytest.fixture
def uow_factory(db_path):
    engine, sessions = open_database(db_path)
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()
