"""Import and export through the real main window: the worker thread, progress, reload."""

import csv

import pytest
from PySide6.QtWidgets import QMessageBox
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.ui.dialogs.import_dialog import ColumnMappingDialog
from bomenplan.ui.dialogs.import_result_dialog import ImportResultDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings

CSV = """boomnummer;soortnaam;x;y;plantjaar
B1;Tilia x europaea;234100;557100;1990
B2;Quercus robur;234110;557100;abc
B3;Fagus sylvatica;234130;557100;1985
"""


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path, monkeypatch):  # noqa: F811
    for name in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a: pytest.fail(f"unexpected message {a}"))
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def test_import_runs_in_the_worker_and_reloads_the_table(window, tmp_path, qtbot, monkeypatch):
    path = tmp_path / "bomen.csv"
    path.write_text(CSV, encoding="utf-8")
    reports = []
    monkeypatch.setattr(ColumnMappingDialog, "ask", classmethod(
        lambda cls, parent, source, mapping, grid_dir="": cls(source, mapping, grid_dir, parent).choice()))
    monkeypatch.setattr(ImportResultDialog, "show_report",
                        classmethod(lambda cls, parent, report: reports.append(report)))
    controller = window.register_editing.import_controller
    loaded_on_gui_thread = []
    monkeypatch.setattr("bomenplan.ui.main_window.load_register",
                        lambda uow: loaded_on_gui_thread.append(uow))
    controller.start(str(path))
    qtbot.waitUntil(lambda: bool(reports), timeout=10000)
    assert (reports[0].rows_accepted, reports[0].rows_rejected) == (2, 1)
    assert loaded_on_gui_thread == []  # the worker read the register and handed it over
    assert window.tree_model.total_count() == 5


def test_export_for_excel_writes_every_tree(window, tmp_path, qtbot, monkeypatch):
    out = tmp_path / "register.csv"
    controller = window.register_editing.export_controller
    messages = []
    monkeypatch.setattr(controller, "ask_save_path", lambda: (str(out), True))
    monkeypatch.setattr(controller, "show_message", lambda title, text, error=False: messages.append(
        (title, text, error)))
    window.register_editing.export_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[0][2] is False and controller.last_count == 3
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert len(rows) == 4 and "boomnummer" in rows[0]
