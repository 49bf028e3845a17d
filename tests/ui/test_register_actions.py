"""The editing side inside the real main window: form, history, Boom menu, map tools, undo."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QMessageBox
from register_fixtures import draft_tree, make_fake_window, trees, uow_factory  # noqa: F401
from shapely.geometry import Point

from bomenplan.domain.values import TreeStatus
from bomenplan.services import register
from bomenplan.ui.dialogs.new_tree_dialog import NewTreeDialog
from bomenplan.ui.dialogs.status_dialog import StatusDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.models.tree_table_model import COLUMNS
from bomenplan.ui.register_actions import install
from bomenplan.ui.settings import Settings


class FakeClick:
    def __init__(self, scene_pos):
        self._pos = scene_pos
        self.accepted = False

    def scenePos(self):
        return self._pos

    def button(self):
        return Qt.LeftButton

    def accept(self):
        self.accepted = True

    def modifiers(self):
        return Qt.NoModifier


def click_map(window, x, y):
    view_box = window.map_view.plot_item.getViewBox()
    event = FakeClick(view_box.mapViewToScene(QPointF(x, y)))
    window.map_view.scene().sigMouseClicked.emit(event)  # the map's own handler runs as well
    return event


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"unexpected warning {a}"))
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.map_view.zoom_to(233900, 556900, 234200, 557100)
    return main


def test_selection_fills_form_and_history_and_edit_undoes(window, trees, uow_factory):  # noqa: F811
    editing = window.register_editing
    window.select_tree_ids([trees[1].id])
    assert editing.form.tree.id == trees[1].id
    assert editing.history.tree_id == trees[1].id
    assert editing.status_action.isEnabled()
    editing.form.editors["eigenaar"].setText("Gemeente Assen")
    assert editing.form.save()
    row = window.tree_model.row_of_id(trees[1].id)
    eigenaar_col = [key for key, _ in COLUMNS].index("eigenaar")
    assert window.tree_model.index(row, eigenaar_col).data() == "Gemeente Assen"
    assert "Eigenaar" in [editing.history.changes.index(r, 1).data()
                          for r in range(editing.history.changes.rowCount())]
    window.undo_action.trigger()
    assert register.get_tree(uow_factory(), trees[1].id).eigenaar == ""
    assert window.tree_model.index(row, eigenaar_col).data() == ""
    assert editing.form.editors["eigenaar"].text() == ""


def test_new_tree_tool_turns_a_click_into_an_undoable_addition(window, uow_factory, monkeypatch):  # noqa: F811
    editing = window.register_editing
    monkeypatch.setattr(NewTreeDialog, "ask", classmethod(
        lambda cls, parent, x, y, columns: draft_tree(77, boomnummer="KLIK-1", position=Point(x, y))))
    editing.new_action.trigger()
    assert editing.add_tool.armed
    event = click_map(window, 234050.0, 557040.0)
    assert event.accepted and not editing.add_tool.armed and not editing.new_action.isChecked()
    added = register.load_register(uow_factory())
    assert len(added) == 4
    new_id = int(added.id[-1])
    tree = register.get_tree(uow_factory(), new_id)
    assert tree.position.x == pytest.approx(234050.0, abs=1.0)
    assert tree.position.y == pytest.approx(557040.0, abs=1.0)
    assert window.tree_model.total_count() == 4
    assert window.selected_tree_ids() == [new_id]
    columns_before = window.tree_model.columns
    window.undo_stack.undo()
    assert len(register.load_register(uow_factory())) == 3
    assert window.tree_model.total_count() == 3
    assert window.tree_model.columns is columns_before  # removed in place, no reload
    assert new_id not in window.map_view.point_ids().tolist()
    assert len(window.map_view.point_ids()) == 3 and window.tree_model.row_of_id(new_id) is None


def test_move_tool_and_status_change(window, trees, uow_factory, monkeypatch):  # noqa: F811
    editing = window.register_editing
    window.select_tree_ids([trees[0].id])
    editing.move_action.trigger()
    click_map(window, 234020.0, 557060.0)
    moved = register.get_tree(uow_factory(), trees[0].id).position
    assert (moved.x, moved.y) == pytest.approx((234020.0, 557060.0), abs=1.0)
    assert window.selected_tree_ids() == [trees[0].id]
    monkeypatch.setattr(StatusDialog, "ask", classmethod(
        lambda cls, parent, tree: (TreeStatus.STOBBE, "omgewaaid")))
    editing.status_action.trigger()
    assert register.get_tree(uow_factory(), trees[0].id).status is TreeStatus.STOBBE
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    back = register.get_tree(uow_factory(), trees[0].id)
    assert back.status is TreeStatus.LEVEND
    assert (back.position.x, back.position.y) == (trees[0].position.x, trees[0].position.y)


def test_install_works_on_any_window_offering_the_api(qtbot, uow_factory, trees):  # noqa: F811
    fake = make_fake_window(uow_factory)
    qtbot.addWidget(fake)
    editing = install(fake)
    fake.select_tree_ids([trees[2].id])
    assert editing.form.tree.boomnummer == "A002"
    assert {m.title() for m in fake._menus.values()} >= {"B&oom", "&Bestand"}
    assert editing.import_action.isEnabled()


def test_history_makes_a_work_order_for_a_risicoboom_measure(qtbot, window, trees,  # noqa: F811
                                                             uow_factory):  # noqa: F811
    from datetime import date, timedelta

    from bomenplan.domain.tree import Inspection
    from bomenplan.domain.values import Boomveiligheidsklasse as K
    from bomenplan.services import work_orders

    history = window.register_editing.history
    window.select_tree_ids([trees[0].id])
    assert not history.work_order_button.isEnabled()  # no controle yet
    day = date.today() - timedelta(days=2)
    register.record_inspection(uow_factory(), Inspection(None, trees[0].id, day, "P. Jansen",
                                                         K.RISICOBOOM, maatregelen=("snoeien",)))
    history.refresh()
    assert history.work_order_button.isEnabled()
    history.work_order_button.click()
    qtbot.waitUntil(lambda: bool(work_orders.list_work_orders(uow_factory())), timeout=10000)
    (order,) = work_orders.list_work_orders(uow_factory())
    # omgevingsrisicoklasse unknown → treated as gemiddeld: the measure within 30 days
    assert (order.tree_id, str(order.measure), order.due_date, order.complaint_id) == (
        trees[0].id, "snoeien", day + timedelta(days=30), None)
