"""Issue 9 §1: what a feature hands to a worker captures plain data only — never a QObject (a
widget, the feature screen, a model). Whatever the worker holds may be released in the pool
thread, and a Qt object released there is destroyed there."""

from __future__ import annotations

import inspect

import pytest
from register_fixtures import trees, uow_factory  # noqa: F401
from shiboken6 import Shiboken

from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings


def qt_objects_reachable(fn) -> list:
    """Qt wrappers a function holds through its closure cells, defaults and bound `self`."""
    found, seen, todo = [], set(), [fn]
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, Shiboken.Object):
            found.append(item)
        elif inspect.ismethod(item):
            todo += [item.__self__, item.__func__]
        elif inspect.isfunction(item):
            todo += [cell.cell_contents for cell in item.__closure__ or ()
                     if cell.cell_contents is not None]
            todo += list(item.__defaults__ or ()) + list((item.__kwdefaults__ or {}).values())
    return found


def test_the_check_finds_a_captured_widget(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    assert qt_objects_reachable(lambda: widget.isVisible()) == [widget]
    assert qt_objects_reachable(lambda rows=[1, 2]: len(rows)) == []


@pytest.fixture
def handed(qtbot, uow_factory, trees, tmp_path, monkeypatch):  # noqa: F811
    """(window, list of functions given to run_task); nothing is run."""
    window = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    functions = []
    monkeypatch.setattr(window, "run_task",
                        lambda fn, on_done, label, on_failed=None: functions.append(fn))
    return window, functions


def test_lanen_analysis_and_detection_capture_no_qt_object(handed):
    window, functions = handed
    window.lanen_screen.refresh()
    window.lanen_screen.detect()
    assert len(functions) == 2
    assert [qt_objects_reachable(fn) for fn in functions] == [[], []]


def test_complaint_reexamination_captures_no_qt_object(handed):
    window, functions = handed
    window.complaints_feature.reexamine("doorrijhoogte")
    assert len(functions) == 1 and qt_objects_reachable(functions[0]) == []


def test_reading_an_import_file_and_exporting_capture_no_qt_object(handed, tmp_path, monkeypatch):
    window, functions = handed
    editing = window.register_editing
    editing.import_controller.start(str(tmp_path / "bomen.csv"))
    monkeypatch.setattr(editing.export_controller, "ask_save_path",
                        lambda: (str(tmp_path / "uit.csv"), False))
    editing.export_controller.start()
    assert len(functions) == 2
    assert [qt_objects_reachable(fn) for fn in functions] == [[], []]
