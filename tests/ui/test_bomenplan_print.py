"""Bestand → Bomenplan afdrukken…: the dialog's choice, the print in a worker with progress, and
Cancel in the progress dialog leaving no file."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from register_fixtures import trees, uow_factory  # noqa: F401
from test_worker_captures import qt_objects_reachable

from bomenplan.reports.registry import register_report_writers
from bomenplan.ui.dialogs.bomenplan_print_dialog import BomenplanPrintDialog, PrintChoice
from bomenplan.ui.features import bomenplan_print
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings
from tests.pdf_text import pdf_text


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path, monkeypatch):  # noqa: F811
    for name in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a: pytest.fail(f"unexpected message {a}"))
    register_report_writers()  # as app.py does
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def test_menu_entry_sits_in_the_file_menu(window):
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    assert "Bomenplan afdrukken…" in texts
    assert texts.index("Bomenplan afdrukken…") < texts.index("Afsluiten")


def test_dialog_hands_back_plain_choice_and_refuses_a_bad_price(qtbot, tmp_path):
    dialog = BomenplanPrintDialog(["Centrum", "Noord"], ["Kerkstraat"], str(tmp_path / "plan"))
    qtbot.addWidget(dialog)
    dialog.wijk_combo.setCurrentText("Noord")
    dialog.price_edit.setText("2,25")
    assert dialog.choice() == PrintChoice("wijk", "Noord", str(tmp_path / "plan.pdf"), Decimal("2.25"))
    dialog.all_radio.setChecked(True)
    dialog.price_edit.setText("gratis")
    dialog._accept()
    assert dialog.result() == 0 and dialog.chosen is None
    assert "eenheidsprijs" in dialog.error.text() and not dialog.error.isHidden()


def test_print_runs_in_the_worker_and_writes_the_pdf(window, qtbot, tmp_path):
    out = tmp_path / "centrum.pdf"
    window.bomenplan_print.start(PrintChoice("wijk", "Centrum", str(out), None))
    qtbot.waitUntil(lambda: window.bomenplan_print.last_result is not None, timeout=20000)
    result = window.bomenplan_print.last_result
    assert result.n_trees == 3 and result.pages >= 4 and out.exists()
    assert "wijk Centrum" in pdf_text(out)
    assert "3 bomen" in window.statusBar().currentMessage()


def test_cancel_in_the_progress_dialog_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    real = bomenplan_print.print_bomenplan
    started = threading.Event()

    def slow_print(*args):  # waits (in the worker) until the user has pressed Annuleren
        started.set()
        cancelled = args[6]  # factory, scope, out, today, factors, progress, cancelled, monitor
        for _ in range(200):
            if cancelled():
                break
            threading.Event().wait(0.05)
        return real(*args)

    monkeypatch.setattr(bomenplan_print, "print_bomenplan", slow_print)
    out = tmp_path / "alles.pdf"
    window.bomenplan_print.start(PrintChoice("alles", "", str(out), None))

    def shown() -> list[QProgressDialog]:
        return [d for d in window.findChildren(QProgressDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: started.is_set() and bool(shown()), timeout=10000)
    (button,) = shown()[0].findChildren(QPushButton)
    assert button.text() == "Annuleren"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the user presses Annuleren
    qtbot.waitUntil(lambda: window.bomenplan_print.last_error is not None, timeout=20000)
    assert type(window.bomenplan_print.last_error).__name__ == "Cancelled"
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".alles*")) == []
    assert "geannuleerd" in window.statusBar().currentMessage()


def test_the_print_job_captures_no_qt_object(window, monkeypatch, tmp_path):
    functions = []
    monkeypatch.setattr(window, "run_task", lambda fn, on_done, label, on_failed=None: functions.append(fn))
    window.bomenplan_print.start(PrintChoice("alles", "", str(tmp_path / "p.pdf"), Decimal("1.80")))
    assert len(functions) == 1 and qt_objects_reachable(functions[0]) == []


def test_print_includes_the_last_3_30_300_result_of_the_dock(window, qtbot, tmp_path):
    before = tmp_path / "zonder.pdf"
    window.bomenplan_print.start(PrintChoice("wijk", "Centrum", str(before), None))
    qtbot.waitUntil(lambda: window.bomenplan_print.last_result is not None, timeout=20000)
    assert "Geen 3-30-300-cijfers" in pdf_text(before)
    monitor = window.monitor_3_30_300
    monitor.demo_button.click()
    qtbot.waitUntil(lambda: monitor.result is not None, timeout=20000)
    window.bomenplan_print.last_result = None
    after = tmp_path / "met.pdf"
    window.bomenplan_print.start(PrintChoice("wijk", "Centrum", str(after), None))
    qtbot.waitUntil(lambda: window.bomenplan_print.last_result is not None, timeout=20000)
    text = pdf_text(after)
    assert "Geen 3-30-300-cijfers" not in text and "geen BAG" in text  # the dock's notes come along
