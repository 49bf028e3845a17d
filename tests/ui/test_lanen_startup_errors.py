"""Lanen on real registers in the window: an analysis that fails at start-up is a status-bar
message (never a modal box), and a detection shows what it left out."""

import pytest
from laan_generator import LaanSpec, generate, store
from PySide6.QtWidgets import QMessageBox
from real_window import shown_main_window
from sqlalchemy import text

from bomenplan.domain.errors import ValidationError
from bomenplan.ui.features import lanen as lanen_feature

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _register(factory) -> None:
    store(factory, generate([LaanSpec(n=20, straat="Kerkstraat")], seed=5))


def _imported_register(factory) -> None:
    """As an import leaves it: boomgroep unknown."""
    _register(factory)
    with factory() as uow:
        uow.session.execute(text("UPDATE tree SET boomgroep = 'onbekend'"))
        uow.commit()


def test_a_failing_lanen_analysis_at_start_up_shows_no_box(qtbot, tmp_path, monkeypatch):
    boxes = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: boxes.append(a))
    monkeypatch.setattr("bomenplan.ui.task_watcher.QMessageBox.critical", lambda *a: boxes.append(a))

    def failing_analysis(*_args, **_kwargs):
        raise ValidationError("plantafstand", "2.0 m ligt niet tussen 2 en 40 m")

    monkeypatch.setattr(lanen_feature, "analyse", failing_analysis)
    with shown_main_window(qtbot, tmp_path, _register) as win:
        qtbot.waitUntil(lambda: "plantafstand" in win.statusBar().currentMessage(), timeout=10000)
        assert boxes == []
        assert win.lanen_screen.report is None


def test_detection_result_names_the_lanen_found_and_the_inferred_boomgroep(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, _imported_register) as win:
        screen = win.lanen_screen
        qtbot.waitUntil(lambda: screen.last_detection is not None, timeout=10000)  # first visit
        assert len(screen.last_detection.stored) == 1
        message = win.statusBar().currentMessage()
        assert message == ("1 lanen herkend; boomgroep afgeleid waar het register die niet kent: "
                           "20 laanboom")
