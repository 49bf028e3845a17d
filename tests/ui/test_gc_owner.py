"""Issue 9 §1: a Qt object must never be destroyed in a pool thread. Python's cyclic collector,
when automatic, starts in whichever thread allocates, so a worker that allocates heavily (an
import loading ORM rows) would free a widget wrapper left in a reference cycle there. The GUI
thread owns collection instead (bomenplan.ui.gc_owner in the app, tests/conftest.py here)."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget

from bomenplan.ui.gc_owner import install_gc_owner
from bomenplan.ui.workers import FunctionRunnable

GUI_THREAD = threading.get_ident()


class _Tracked:
    def __init__(self, freed_in: list[int]) -> None:
        self.freed_in = freed_in

    def __del__(self) -> None:
        self.freed_in.append(threading.get_ident())


class _CycleWithQtObject:
    """A reference cycle holding Qt wrappers, as a closed window's slots and widgets leave."""

    def __init__(self, freed_in: list[int]) -> None:
        self.freed_in = freed_in
        self.qobject = QObject()
        self.widget = QWidget()
        self.widget.hide()
        self.myself = self  # the cycle: only the cyclic collector can free it

    def __del__(self) -> None:
        self.freed_in.append(threading.get_ident())


def _allocate_heavily(done: threading.Event):
    def work(_progress, _cancelled):
        try:
            # ~ORM rows: many small containers kept alive; under automatic gc this runs dozens
            # of generation-0/1 collections in this (pool) thread.
            rows = [[i, {"id": i}] for i in range(150_000)]
            return len(rows)
        finally:
            done.set()

    return work


@pytest.fixture
def collection_threads():
    """Thread ids of every collection that starts while the test runs."""
    threads: list[int] = []

    def record(phase, _info):
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(record)
    yield threads
    gc.callbacks.remove(record)


def _run_worker_while_gui_waits(freed_in: list[int]) -> None:
    """Leave a Qt cycle behind, then let a pool thread allocate while the GUI thread blocks."""
    _CycleWithQtObject(freed_in)  # unreachable at once: garbage for the cyclic collector
    done = threading.Event()
    pool = QThreadPool()
    task = FunctionRunnable(_allocate_heavily(done))
    pool.start(task)
    assert done.wait(60)
    pool.waitForDone()


def test_the_app_collects_garbage_only_on_the_gui_thread(qapp, qtbot, collection_threads):
    was_enabled = gc.isenabled()
    gc.enable()  # a plain interpreter, as bomenplan starts
    owner = install_gc_owner(qapp)  # what run_gui does
    try:
        freed_in: list[int] = []
        _run_worker_while_gui_waits(freed_in)
        qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)  # the owner's timer frees it
        assert freed_in == [GUI_THREAD]
        assert collection_threads and set(collection_threads) == {GUI_THREAD}
        assert sum(owner.collections) >= 1
        assert not gc.isenabled()
        owner.uninstall()
        assert gc.isenabled()  # given back as it was found
    finally:
        owner.timer.stop()
        gc.enable() if was_enabled else gc.disable()


def test_the_owner_collects_young_objects_often_and_everything_rarely(qapp, qtbot):
    was_enabled = gc.isenabled()
    owner = install_gc_owner(qapp)
    owner.timer.setInterval(20)
    owner.full_every_s = 3600.0
    try:
        qtbot.waitUntil(lambda: owner.collections[0] >= 3, timeout=3000)
        assert owner.collections[2] == 0
        owner.full_every_s = 0.0  # a full collection is due at the next tick: the first one
        qtbot.waitUntil(lambda: owner.collections[2] >= 1, timeout=3000)  # freezes start-up
        assert owner.frozen and gc.get_freeze_count() > 0
        qtbot.waitUntil(lambda: owner.collections[2] >= 2, timeout=3000)  # later ones scan
        gc.enable()  # something switched it back on: the next tick takes over again
        qtbot.waitUntil(lambda: not gc.isenabled(), timeout=3000)
    finally:
        owner.uninstall()
        if not was_enabled:
            gc.disable()
    assert gc.get_freeze_count() == 0  # uninstall thaws what it froze


def test_the_test_suite_never_collects_in_a_pool_thread(qapp, collection_threads):
    """tests/conftest.py switched automatic gc off: pytest-qt's waits run in the GUI thread."""
    freed_in: list[int] = []
    _run_worker_while_gui_waits(freed_in)
    assert freed_in == []  # still waiting for the collection between tests …
    assert all(thread == GUI_THREAD for thread in collection_threads)
    gc.collect()  # … which the conftest fixture runs on this thread
    assert freed_in == [GUI_THREAD]


def test_a_task_released_in_a_pool_thread_leaves_its_signals_to_the_gui_thread(qapp, qtbot):
    """The pool thread may drop the last reference to a finished runnable: its QObject for the
    signals must still be destroyed on the GUI thread (deleted later by the application)."""
    results: list[int] = []
    destroyed_in: list[int] = []
    task = FunctionRunnable(lambda _progress, _cancelled: 42)
    task.signals.destroyed.connect(lambda *_: destroyed_in.append(threading.get_ident()))
    task.signals.finished.connect(results.append)
    pool = QThreadPool()
    pool.start(task)
    pool.waitForDone()
    holder = [task]
    del task
    releaser = threading.Thread(target=holder.clear)  # the last reference goes in another thread
    releaser.start()
    releaser.join()
    qtbot.waitUntil(lambda: bool(destroyed_in), timeout=3000)
    assert results == [42]
    assert destroyed_in == [GUI_THREAD]


def test_a_finished_task_and_what_it_captured_are_released(qapp, qtbot):
    """Handed to a QThreadPool as a Python QRunnable, PySide kept a reference for ever: each
    finished task leaked with all its function captured (an import's source table, once a
    whole window). Run 50 times: the hand-over also leaked a few with auto-delete on."""
    freed_in: list[int] = []
    for _ in range(50):
        captured = _Tracked(freed_in)
        task = FunctionRunnable(lambda _progress, _cancelled, data=captured: 1)
        del captured
        results: list[int] = []
        task.signals.finished.connect(results.append)
        pool = QThreadPool()
        pool.start(task)
        pool.waitForDone()
        qtbot.waitUntil(lambda done=results: done == [1], timeout=3000)
        del task
    qtbot.waitUntil(lambda: len(freed_in) == 50, timeout=3000)
