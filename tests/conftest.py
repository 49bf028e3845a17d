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
