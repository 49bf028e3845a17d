import faulthandler
import gc
import itertools
import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Map tiles and other caches of the tests go to a throw-away folder, never the user's own cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bomenplan-test-cache-")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
sys.path.insert(0, str(Path(__file__).parent))

FULL_COLLECTION_EVERY = 50  # tests; a full scan of the ~300k live objects costs 0.2-1 s
HARD_LIMIT_MARGIN_S = 30  # after pytest-timeout's own limit


def pytest_configure(config):
    # As in the app (bomenplan.ui.gc_owner): no automatic collection, which could start in a
    # pool thread and destroy a Qt object there while pytest-qt processes events.
    gc.disable()
    config.stash[_STDERR_COPY] = os.dup(sys.__stderr__.fileno())


_STDERR_COPY = pytest.StashKey[int]()
_tests_run = itertools.count(1)


@pytest.fixture(autouse=True)
def collect_garbage_on_main_thread():
    """Cyclic garbage of each test (old windows, widgets) is freed here, on the GUI thread:
    the young generation after every test (what the test made), everything now and then."""
    yield
    if next(_tests_run) % FULL_COLLECTION_EVERY == 0:
        gc.collect()
    else:
        gc.collect(1 if gc.get_count()[1] >= gc.get_threshold()[1] else 0)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Last resort for a deadlock with the GIL held (pytest-timeout's thread needs the GIL):
    faulthandler's C watchdog prints every thread's stack and ends the process."""
    timeout = float(item.config.getini("timeout") or 0)
    if timeout > 0:
        faulthandler.dump_traceback_later(timeout + HARD_LIMIT_MARGIN_S, exit=True,
                                          file=item.config.stash[_STDERR_COPY])
    try:
        yield
    finally:
        if timeout > 0:
            faulthandler.cancel_dump_traceback_later()


# --- PostgreSQL (issue 15): a real server per test session, a fresh database per test -------------

@pytest.fixture(scope="session")
def postgres_server():
    """initdb + pg_ctl on a free loopback port (tests/pg_server.py); stopped at the end."""
    from pg_server import PostgresServer, pg_bin_dir, pg_required

    if pg_bin_dir() is None:
        if pg_required():
            pytest.fail("BOMENPLAN_REQUIRE_PG=1 but PostgreSQL (initdb, pg_ctl) is not installed")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    server = PostgresServer.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _pg_migrated_template(postgres_server):
    """One database brought to the newest schema, copied for every test that wants one."""
    from bomenplan.persistence.database import open_database

    name = postgres_server.create_database()
    engine, _ = open_database(postgres_server.url(name))
    engine.dispose()
    return name


@pytest.fixture
def pg_url(postgres_server):
    """URL of a new, empty PostgreSQL database (dropped afterwards)."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def pg_migrated_url(postgres_server, _pg_migrated_template):
    """URL of a new PostgreSQL database at the newest schema (a copy of a migrated template)."""
    name = postgres_server.create_database(template=_pg_migrated_template)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, tmp_path):
    """The same test on an SQLite file and on a PostgreSQL database, both empty."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite'}"
    return request.getfixturevalue("pg_url")
