"""The main window on a small generated register in a temporary SQLite database."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDockWidget, QLabel
from real_window import shown_main_window
from synthetic_register import fill_register

from bomenplan.domain.errors import Cancelled
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings

# The offscreen platform plugin says so whenever a QMainWindow is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path, qtmodeltester):
    with shown_main_window(qtbot, tmp_path, lambda factory: fill_register(factory, 800, seed=5)) as win:
        qtbot.waitUntil(win.map_view.is_scatter_ready)
        qtmodeltester.check(win.tree_model)
        yield win


def test_table_and_map_show_the_same_trees(window):
    model = window.tree_model
    assert model.rowCount() == 800
    assert sorted(window.map_view.point_ids().tolist()) == sorted(model.visible_ids().tolist())
    assert window.count_label.text() == "800 van 800 bomen"
    window.search_field.setText("AS-00010")
    window.search_field.returnPressed.emit()
    assert model.rowCount() == 10
    assert sorted(window.map_view.point_ids().tolist()) == sorted(model.visible_ids().tolist())
    assert window.count_label.text() == "10 van 800 bomen"


def test_choice_filters_are_filled_from_the_register(window):
    wijken = [window.wijk_filter.itemText(i) for i in range(1, window.wijk_filter.count())]
    assert "Centrum" in wijken
    window.wijk_filter.setCurrentIndex(wijken.index("Centrum") + 1)
    assert set(window.tree_model.columns.wijk[window.tree_model.base_rows()]) == {"Centrum"}


def test_selection_is_shared_and_survives_filtering(window, qtbot):
    ids = window.tree_model.visible_ids()[:3].tolist()
    with qtbot.waitSignal(window.tree_selection_changed) as blocker:
        window.select_tree_ids(ids)
    assert sorted(blocker.args[0]) == sorted(ids)
    assert sorted(window.selected_tree_ids()) == sorted(ids)
    assert sorted(window.map_view.ring.data["data"].tolist()) == sorted(ids)
    assert window.table.selectionModel() is window.map_view._selection
    boomnummer = window.tree_model.data(window.tree_model.index(window.tree_model.row_of_id(ids[0]), 0))
    window.search_field.setText(boomnummer)
    window.search_field.returnPressed.emit()
    assert window.selected_tree_ids() == [ids[0]]
    window.table.selectionModel().select(window.tree_model.index(0, 0),
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect
                                         | QItemSelectionModel.SelectionFlag.Rows)
    assert window.map_view.ring.data["data"].tolist() == [window.tree_model.id_at(0)]


def test_menus_docks_and_colour_mode(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:3] == ["Bestand", "Bewerken", "Beeld"]
    assert window.feature_menu("Soorten") is window.feature_menu("Soorten")
    assert window.undo_action.shortcut().matches(Qt.Key.Key_Z | Qt.KeyboardModifier.ControlModifier)
    dock = window.add_dock(QLabel("x"), "Lanen")
    assert isinstance(dock, QDockWidget) and dock.widget().text() == "x"
    window.colour_actions["status"].trigger()
    assert window.map_view.colour_mode() == "status"
    assert window.settings.colour_mode == "status"


def test_run_task_returns_result_in_gui_thread_and_cancels(window, qtbot):
    results = []

    def work(progress, cancelled):
        progress(0.5)
        return 42

    task = window.run_task(work, results.append, "Rekenen…")
    qtbot.waitUntil(lambda: results == [42])
    assert task not in window._tasks
    failures = []

    def endless(progress, cancelled):
        while not cancelled():
            pass
        raise Cancelled()

    task = window.run_task(endless, results.append, "Wachten…", on_failed=failures.append)
    task.cancel()
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0], Cancelled) and results == [42]


def test_reload_register_sees_new_rows(window):
    fill_register(window.uow_factory, 20, seed=9)
    window.reload_register()
    assert window.tree_model.rowCount() == 820
    assert len(window.map_view.point_ids()) == 820


def test_selecting_many_trees_uses_row_ranges(window):
    ids = window.tree_model.visible_ids()[100:700].tolist()
    window.select_tree_ids(ids)
    assert sorted(window.selected_tree_ids()) == sorted(ids)
    assert len(window.selection_model.selection()) == 1  # one contiguous range
    assert window.selection_label.text() == "600 geselecteerd"


def test_failed_task_is_reported_and_dialog_reused(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("bomenplan.ui.task_watcher.QMessageBox.critical",
                        lambda parent, title, text: shown.append((title, text)))

    def broken(progress, cancelled):
        progress(0.3)
        raise ValueError("regel 7, veld plantjaar: 'abc' is geen jaartal")

    qtbot.waitUntil(lambda: window._deferred is None and not window._tasks)  # start-up tasks
    idle = len(window._idle_dialogs)
    window.run_task(broken, lambda _r: None, "Importeren…")
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert shown == [("Importeren…", "regel 7, veld plantjaar: 'abc' is geen jaartal")]
    assert len(window._idle_dialogs) == max(idle, 1)
    results = []
    window.run_task(lambda progress, cancelled: "ok", results.append, "Opnieuw…")
    qtbot.waitUntil(lambda: results == ["ok"])
    assert len(window._idle_dialogs) == max(idle, 1)  # finished dialogs are reused


def test_task_outliving_its_window_delivers_nowhere(tmp_path, qtbot):
    import threading

    engine, sessions = open_database(tmp_path / "r.sqlite")
    win = MainWindow(lambda: SqlUnitOfWork(sessions), settings=Settings.at(tmp_path / "s.ini"))
    release, finished = threading.Event(), threading.Event()
    results = []

    def slow(progress, cancelled):
        release.wait(5)
        progress(0.9)
        finished.set()
        return 1

    win.run_task(slow, results.append, "Langzaam…")
    pool = win.task_pool
    win.deleteLater()
    qtbot.waitUntil(lambda: not _alive(win))
    release.set()
    pool.waitForDone(5000)
    assert finished.is_set()
    qtbot.wait(50)  # queued signals would arrive now; pytest-qt fails on any exception
    assert results == []
    engine.dispose()


def _alive(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)
