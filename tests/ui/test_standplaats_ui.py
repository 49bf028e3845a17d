"""Standplaats screens on the real main window and a real SQLite register: drawing a plan area
lists the right trees, the record dialog edits through undo, the map layer shows shortages."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from register_fixtures import draft_tree, uow_factory  # noqa: F401

from bomenplan.domain.standplaats import ProblemType, Verharding
from bomenplan.services import register
from bomenplan.services.standplaats import get_standplaats, problems
from bomenplan.ui.dialogs.value_labels import select_enum
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings
from bomenplan.ui.views.plan_check_panel import LAYER as PLAN_LAYER

X0, Y0 = 234000.0, 557000.0
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def sized_trees(uow_factory):  # noqa: F811
    # crown 6 m → kwetsbare boomzone 4.5 m; stem 20 cm → RPA 2.4 m, graafafstand 1.15 m
    return [register.add_tree(uow_factory(), draft_tree(i, position=__import__("shapely").Point(X0 + 30 * i, Y0),
                                                         kroondiameter_m=6.0, stamdiameter_cm=20.0))
            for i in range(3)]


@pytest.fixture
def window(qtbot, uow_factory, sized_trees, tmp_path):  # noqa: F811
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.resize(1000, 700)
    main.show()
    qtbot.waitExposed(main)
    return main


def _click(qtbot, map_view, x, y, button=Qt.LeftButton):
    scene = map_view.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
    pos = map_view.mapFromScene(scene)
    qtbot.mouseClick(map_view.viewport(), button, pos=QPoint(int(pos.x()), int(pos.y())))


def test_drawing_a_plan_lists_the_right_trees(qtbot, window):
    feature = window.standplaats_feature
    window.map_view.zoom_to(X0 - 20, Y0 - 40, X0 + 80, Y0 + 40)
    qtbot.wait(50)
    feature.draw_plan()
    assert feature.tool.armed
    # plan from 2 m east of A000 to past A001 (inside); A002 at 28 m from the plan
    for x, y in ((X0 + 2, Y0 - 5), (X0 + 35, Y0 - 5), (X0 + 35, Y0 + 5), (X0 + 2, Y0 + 5)):
        _click(qtbot, window.map_view, x, y)
    assert len(feature.tool.corners) == 4
    _click(qtbot, window.map_view, X0 + 20, Y0, Qt.RightButton)  # closes the polygon
    assert not feature.tool.armed
    qtbot.waitUntil(lambda: feature.panel.result is not None, timeout=10_000)
    result = feature.panel.result
    assert [a.boomnummer for a in result.affected] == ["A001", "A000"]  # inside first, then 2 m
    assert result.affected[1].distance_m == pytest.approx(2.0, abs=0.3)  # clicks land on pixels
    assert feature.panel.model.rowCount() == 2
    assert window.map_view.layer(PLAN_LAYER) is not None
    feature.panel.select_row(1)
    assert window.selected_tree_ids() == [result.affected[1].tree_id]


def test_record_dialog_saves_through_undo(qtbot, window, uow_factory, sized_trees):  # noqa: F811
    feature = window.standplaats_feature
    site = sized_trees[0].site_id
    dialog = feature.edit_site(site, sized_trees[0].id)
    select_enum(dialog.verharding, Verharding.HALFOPEN)
    dialog.spins["bodemvolume_m3"].setValue(12.0)
    dialog.checks["wortelopdruk"].setCheckState(Qt.Checked)
    assert "12.00 m³ (ingevoerd)" in dialog.volume_note.text()
    select_enum(dialog.problem_type, ProblemType.WORTELOPDRUK)
    dialog._add_problem()
    assert [p.type for p in problems(uow_factory(), site)] == [ProblemType.WORTELOPDRUK]
    assert dialog.problem_model.rowCount() == 1
    dialog._accept()
    stored = get_standplaats(uow_factory(), site)
    assert (stored.verharding, stored.bodemvolume_m3, stored.wortelopdruk) == (Verharding.HALFOPEN, 12.0, True)
    assert stored.zout is None  # left unknown
    window.undo_stack.undo()
    assert get_standplaats(uow_factory(), site).bodemvolume_m3 is None
    window.undo_stack.undo()
    assert problems(uow_factory(), site) == []


def test_site_layer_shows_problem_sites(qtbot, window, sized_trees):
    feature = window.standplaats_feature
    dialog = feature.edit_site(sized_trees[1].site_id, sized_trees[1].id)
    dialog._add_problem()
    feature.layer_action.setChecked(True)
    layer = window.map_view.layer("standplaats")
    scatter = layer.childItems()[0]
    assert [(p.pos().x(), p.pos().y()) for p in scatter.points()] == [(X0 + 30, Y0)]
    feature.layer_action.setChecked(False)
    assert window.map_view.layer("standplaats") is None
