"""Bestand → Reservekopie maken… / terugzetten… in the real main window: the work runs in the
worker, a restore is checked and confirmed first, the window shows the restored register."""

import sqlite3

import pytest
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path, monkeypatch):  # noqa: F811
    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, lambda *a: pytest.fail(f"unexpected message {a}"))
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def _answer(monkeypatch, feature, path, confirm=True):
    messages, asked = [], []
    monkeypatch.setattr(feature, "ask_backup_path", lambda: str(path))
    monkeypatch.setattr(feature, "ask_restore_path", lambda: str(path))
    monkeypatch.setattr(feature, "confirm", lambda text: asked.append(text) or confirm)
    monkeypatch.setattr(feature, "show_message",
                        lambda title, text, error=False: messages.append((title, text, error)))
    return messages, asked


def test_menu_offers_backup_and_restore_above_quit(window):
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts[-3:] == ["Reservekopie &maken…", "Reservekopie &terugzetten…", "&Afsluiten"]


def test_backup_then_restore_shows_the_restored_register(window, qtbot, monkeypatch, tmp_path):
    feature = window.backup_feature
    copy = tmp_path / "kopie.sqlite"
    messages, asked = _answer(monkeypatch, feature, copy)
    feature.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[0][2] is False and "3 bomen" in messages[0][1]
    with sqlite3.connect(tmp_path / "register.sqlite") as c:  # work after the backup
        c.execute("DELETE FROM tree WHERE boomnummer = 'A000'")
    window.reload_register()
    assert window.tree_model.total_count() == 2
    window.undo_stack.push(QUndoCommand("x"))

    messages.clear()
    feature.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[0][0] == "Reservekopie teruggezet", messages
    assert "(3 bomen)" in asked[0] and str(copy) in asked[0]
    assert "voor-herstel" in messages[0][1]
    assert window.tree_model.total_count() == 3
    assert window.undo_stack.count() == 0
    assert list(tmp_path.glob("register.voor-herstel-*.sqlite"))


def test_corrupt_backup_is_refused_without_question(window, qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "kapot.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"rommel" * 1000)
    messages, asked = _answer(monkeypatch, window.backup_feature, bad)
    window.backup_feature.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    title, text, error = messages[0]
    assert error and str(bad) in text and "niet gewijzigd" in text
    assert asked == []
    assert window.tree_model.total_count() == 3


def test_backup_into_a_missing_folder_reports_it(window, qtbot, monkeypatch, tmp_path):
    messages, _ = _answer(monkeypatch, window.backup_feature, tmp_path / "weg" / "kopie.sqlite")
    window.backup_feature.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    title, text, error = messages[0]
    assert error and title == "Reservekopie mislukt" and "bestaat niet" in text
