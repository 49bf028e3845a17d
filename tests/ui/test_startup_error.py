"""Issue 16 §6 in the GUI: a register that cannot be opened gives a dialog with one Dutch
message, never a traceback, and nothing is created."""

import pytest
from PySide6.QtWidgets import QMessageBox

from bomenplan import app


@pytest.mark.parametrize("make, expected", [
    (lambda tmp: tmp, "is een map"),
    (lambda tmp: tmp / "weg" / "register.sqlite", "bestaat niet"),
    (lambda tmp: (tmp / "bomen.sqlite").write_bytes(b"%PDF-1.4 geen database") and tmp / "bomen.sqlite",
     "geen database"),
])
def test_unopenable_register_shows_a_dialog(qtbot, tmp_path, monkeypatch, make, expected):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: shown.append((title, text))))
    target = make(tmp_path)
    assert app.run(str(target)) == 2
    assert len(shown) == 1 and expected in shown[0][1] and "Traceback" not in shown[0][1]
    assert shown[0][0] == "Register niet te openen"
    assert not (tmp_path / "weg").exists()
