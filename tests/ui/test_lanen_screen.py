"""The lanen screen in the real main window on a generated register with known gaps."""

import pytest
from laan_generator import LaanSpec, generate, store
from real_window import shown_main_window

from bomenplan.domain.laan import LaanStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import lanen as svc
from bomenplan.services.laan_sites import laan_site
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import USER_NAME, Settings
from bomenplan.ui.views.lanen_layer import GAP_LAYER, SELECTED_GAP_LAYER

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SPECS = [LaanSpec(n=30, missing=(5, 6, 7, 8, 9, 10), stumps=(12,), small=(20, 22), straat="Hoofdlaan",
                  two_sided=True),
         LaanSpec(n=20, straat="Kerkstraat", origin=(231000.0, 555000.0), species="Acer campestre")]


def _lanen_register(factory) -> None:
    store(factory, generate(SPECS, park_trees=150, seed=31))
    svc.detect_and_store(factory())


@pytest.fixture
def window(qtbot, tmp_path, qtmodeltester):
    with shown_main_window(qtbot, tmp_path, _lanen_register) as win:
        screen = win.lanen_screen
        qtbot.waitUntil(lambda: screen.report is not None, timeout=10000)
        qtmodeltester.check(screen.model)
        yield win


def test_overview_worst_first_and_map_layer(window):
    screen = window.lanen_screen
    model = screen.model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Hoofdlaan" and model.index(0, 3).data() == "matig"
    assert model.index(1, 3).data() == "goed"
    model.sort(0)  # by name
    assert [model.index(r, 0).data() for r in range(2)] == ["Hoofdlaan", "Kerkstraat"]
    layer = window.map_view.layer(GAP_LAYER)
    assert len(layer.data) == 7  # six missing and one stump
    assert len(screen.layer.curves["goed"].xData) > 0 and len(screen.layer.curves["matig"].xData) > 0
    assert len(screen.layer.curves["slecht"].xData) == 0


def test_laan_detail_gaps_select_on_map_and_options_with_reasons(window, qtbot):
    screen = window.lanen_screen
    screen.model.sort(3)
    screen.table.selectRow(0)
    detail = screen.detail
    assert "Hoofdlaan" in detail.figures.text() and "afwijkende" in detail.figures.text()
    assert detail.gap_model.rowCount() == 2
    causes = {detail.gap_model.index(r, 4).data() for r in range(2)}
    assert causes == {"ontbreekt", "stobbe"}
    stump_row = [detail.gap_model.index(r, 4).data() for r in range(2)].index("stobbe")
    detail.gap_view.selectRow(stump_row)
    assert len(window.map_view.layer(SELECTED_GAP_LAYER).data) == 1
    assert len(window.selected_tree_ids()) == 1
    assert detail.option_model.rowCount() >= 2
    assert "bodemvolume" in detail.reasons.text() and "onbekend" in detail.reasons.text()
    detail.soil.setValue(400.0)
    assert "400 m³ beschikbaar" in detail.reasons.text()
    assert "statigheid" in detail.reasons.text() and "robuustheid" in detail.reasons.text()
    detail.kroon.setCurrentIndex(0)  # smal: the matrix prefers Crataegus laevigata (thorny)
    assert "nabij speelplek of school" not in detail.reasons.text()
    stack = window.undo_stack.count()
    detail.near_school.setChecked(True)  # stored with the laan, undoable
    assert window.undo_stack.count() == stack + 1
    laan_id = screen.report.lanen[screen.current].id
    assert laan_site(window.uow_factory(), laan_id).near_play_or_school
    assert not any(s.startswith("Crataegus") for o in detail.options for s in o.species)
    assert "Crataegus laevigata (nabij speelplek of school: doorns" in detail.reasons.text()
    window.undo_stack.undo()
    assert not detail.near_school.isChecked()
    assert not laan_site(window.uow_factory(), laan_id).near_play_or_school


def test_choice_is_recorded_in_history_and_undoable(window, qtbot):
    screen = window.lanen_screen
    screen.model.sort(3)
    screen.table.selectRow(0)
    detail = screen.detail
    detail.choose_requested.emit(detail.options[0], "")  # no rationale: nothing recorded
    assert window.undo_stack.count() == 0
    detail.rationale.setText("statigheid: zelfde soort")
    detail.choose_button.click()
    assert window.undo_stack.count() == 1
    fields = [detail.history_model.index(r, 1).data() for r in range(detail.history_model.rowCount())]
    assert "herplantkeuze" in fields
    window.undo_stack.undo()
    laan_id = screen.report.lanen[screen.current].id
    assert svc.laan_history(window.uow_factory(), laan_id)[1] == []


def test_accept_and_undo_go_through_the_stack(window, qtbot):
    screen = window.lanen_screen
    screen.table.selectRow(0)
    laan_id = screen.report.lanen[screen.current].id
    screen.accept_button.click()
    assert window.uow_factory and svc_status(window, laan_id) == LaanStatus.GEACCEPTEERD
    window.undo_stack.undo()
    assert svc_status(window, laan_id) == LaanStatus.VOORSTEL
    qtbot.waitUntil(lambda: screen.model.index(0, 2).data() == "voorstel")


def test_a_second_decision_before_the_refresh_is_not_taken_for_someone_elses(window, qtbot,
                                                                              monkeypatch):
    screen = window.lanen_screen
    window.settings.set(USER_NAME, "p.planner")
    warnings = []
    monkeypatch.setattr("bomenplan.ui.features.lanen_decisions.QMessageBox.warning",
                        lambda *args: warnings.append(args[2]))
    screen.table.selectRow(0)
    laan_id = screen.report.lanen[screen.current].id
    screen.accept_button.click()
    screen.reject_button.click()  # the analysis has not refreshed the report yet
    assert warnings == [] and svc_status(window, laan_id) == LaanStatus.AFGEWEZEN
    changes, _ = svc.laan_history(window.uow_factory(), laan_id)
    assert [(c.new, c.user) for c in changes] == [("afgewezen", "p.planner"),
                                                  ("geaccepteerd", "p.planner")]
    window.undo_stack.undo()
    assert svc_status(window, laan_id) == LaanStatus.GEACCEPTEERD


def svc_status(window, laan_id):
    return next(la.status for la in svc.list_lanen(window.uow_factory()) if la.id == laan_id)


def test_detection_from_the_menu_and_exports(window, qtbot, tmp_path):
    screen = window.lanen_screen
    old = screen.report
    screen.detect()
    qtbot.waitUntil(lambda: screen.report is not old, timeout=10000)
    assert screen.model.rowCount() == 2
    screen.export_gaps(str(tmp_path / "gaten.csv"))
    screen.export_report(str(tmp_path / "lanen.csv"))
    assert len((tmp_path / "gaten.csv").read_text().splitlines()) == 3
    assert (tmp_path / "lanen.csv").read_text().splitlines()[1].split(",")[1] == "Hoofdlaan"


def test_gap_options_and_choice_for_one_gap(window):
    screen = window.lanen_screen
    screen.model.sort(3)
    screen.table.selectRow(0)
    detail = screen.detail
    assert "hele laan" in detail.scope.text()
    detail.gap_view.selectRow(0)
    assert screen.gap_index == 0 and "gat 1" in detail.scope.text()
    detail.rationale.setText("gat dichten")
    detail.choose_button.click()
    laan_id = screen.report.lanen[screen.current].id
    assert [c.gap_index for c in svc.laan_history(window.uow_factory(), laan_id)[1]] == [0]


def test_edit_attributes_and_adjust_row_are_undoable(window, qtbot):
    from bomenplan.domain.laan import LaanType
    from bomenplan.ui.dialogs.laan_dialog import LaanDialog

    screen = window.lanen_screen
    screen.model.sort(0)
    screen.table.selectRow(1)  # Kerkstraat, one row
    laan = screen.current_laan()
    dialog = LaanDialog(laan, window)
    qtbot.addWidget(dialog)
    dialog.laan_type.setCurrentIndex(list(LaanType).index(LaanType.HOOFDBOMENSTRUCTUUR))
    dialog.hoofd.setChecked(True)
    window.undo_stack.push(screen._edit_command(laan, dialog.edited()))
    stored = next(la for la in svc.list_lanen(window.uow_factory()) if la.id == laan.id)
    assert stored.hoofdbomenstructuur and stored.laan_type == LaanType.HOOFDBOMENSTRUCTUUR
    window.undo_stack.undo()
    stored = next(la for la in svc.list_lanen(window.uow_factory()) if la.id == laan.id)
    assert not stored.hoofdbomenstructuur and stored.laan_type == laan.laan_type
    qtbot.waitUntil(lambda: screen.current_laan() is not None
                    and screen.current_laan().version == stored.version)
    laan = screen.current_laan()
    x1, y1 = laan.rows[0].coords[-1]
    command = screen.adjust_tool.command_at(x1 + 20.0, y1)
    window.undo_stack.push(command)
    longer = next(la for la in svc.list_lanen(window.uow_factory()) if la.id == laan.id)
    assert longer.rows[0].length == pytest.approx(laan.rows[0].length + 20.0, abs=0.5)
    qtbot.waitUntil(lambda: screen.current_laan().version == longer.version)
    assert screen.report.analysis.quality[screen.current].missing == 2  # the new end is empty
    window.undo_stack.undo()
    back = next(la for la in svc.list_lanen(window.uow_factory()) if la.id == laan.id)
    assert back.rows[0].length == pytest.approx(laan.rows[0].length)


def test_thresholds_are_editable_and_kept_in_the_settings(window, qtbot):
    from bomenplan.ui.dialogs.thresholds_dialog import ThresholdsDialog, load_thresholds

    screen = window.lanen_screen
    dialog = ThresholdsDialog(screen.thresholds, window)
    qtbot.addWidget(dialog)
    dialog.editors["goed_completeness_pct"].setValue(80.0)
    dialog.editors["goed_misfit_share"].setValue(0.2)
    old = screen.report
    screen.set_thresholds(dialog.thresholds())
    qtbot.waitUntil(lambda: screen.report is not old, timeout=10000)
    assert {screen.model.index(r, 3).data() for r in range(2)} == {"goed"}
    assert load_thresholds(window.settings).goed_completeness_pct == 80.0
    dialog.defaults()
    assert dialog.thresholds().goed_completeness_pct == 95.0


def test_a_register_without_lanen_gets_proposals_on_first_visit(qtbot, tmp_path):
    engine, sessions = open_database(tmp_path / "fresh.sqlite")
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    store(factory, generate(SPECS, seed=32))
    win = MainWindow(factory, settings=Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.lanen_screen.model.rowCount() == 2, timeout=10000)
    assert {la.status for la in svc.list_lanen(factory())} == {LaanStatus.VOORSTEL}
    win.close()
    engine.dispose()
