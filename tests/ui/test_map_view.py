"""MapView: the same trees as the table, one shared selection, level of detail."""

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, QPointF, Qt
from shapely.geometry import Point
from test_tree_table_model import columns_of

from bomenplan.domain.tree import Tree
from bomenplan.ui.models.tree_table_model import TreeTableModel
from bomenplan.ui.views.map_view import MapView


@pytest.fixture
def setup(qtbot, qtmodeltester):
    model = TreeTableModel(columns_of(600))
    qtmodeltester.check(model)
    selection = QItemSelectionModel(model)
    view = MapView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.set_model(model, selection)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_to_all()
    qtbot.waitUntil(view.is_scatter_ready)
    return model, selection, view


def select_row(selection, model, row):
    selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)


def test_scatter_holds_the_visible_trees_with_ids_and_few_brushes(setup):
    model, _selection, view = setup
    data = view.scatter.data
    assert sorted(data["data"].tolist()) == sorted(model.visible_ids().tolist())
    assert len({id(b) for b in data["brush"]}) <= 13  # shared palette brushes only
    i = int(np.flatnonzero(data["data"] == model.id_at(0))[0])
    base = model.base_index_of_id(model.id_at(0))
    assert (data["x"][i], data["y"][i]) == (model.columns.x[base], model.columns.y[base])
    assert view.showing_points()


def test_filter_in_model_filters_the_map(setup):
    model, _selection, view = setup
    model.set_filters(wijk="Centrum")
    assert set(view.point_ids().tolist()) == set(model.visible_ids().tolist())
    assert 0 < len(view.point_ids()) < 600


def test_table_selection_rings_tree_and_centres_map(setup):
    model, selection, view = setup
    view.zoom_to(0, 0, 100, 100)  # far away from every tree
    select_row(selection, model, 7)
    base = model.base_rows()[7]
    x, y = model.columns.x[base], model.columns.y[base]
    assert view.ring.data["data"].tolist() == [model.id_at(7)]
    assert (view.ring.data["x"][0], view.ring.data["y"][0]) == (x, y)
    (x0, x1), (y0, y1) = view.plot_item.getViewBox().viewRange()
    assert x0 <= x <= x1 and y0 <= y <= y1


@pytest.mark.qt_log_ignore("Mouse event .* not accepted")  # QTest on a QGraphicsView
def test_click_on_map_selects_row_and_shift_adds(setup, qtbot):
    model, selection, view = setup
    base = model.base_rows()[:2]
    cols = model.columns
    vb = view.plot_item.getViewBox()
    vb.setRange(xRange=(cols.x[base[0]] - 30, cols.x[base[0]] + 30),
                yRange=(cols.y[base[0]] - 30, cols.y[base[0]] + 30), padding=0)

    def click(b, modifier=Qt.KeyboardModifier.NoModifier):
        scene = vb.mapViewToScene(QPointF(cols.x[b], cols.y[b]))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier,
                         view.mapFromScene(scene))

    with qtbot.waitSignal(view.tree_clicked) as blocker:
        click(base[0])
    assert blocker.args == [int(cols.id[base[0]]), False]
    assert [i.row() for i in selection.selectedRows()] == [model.row_of_id(int(cols.id[base[0]]))]
    vb.setRange(xRange=(cols.x[base[1]] - 30, cols.x[base[1]] + 30),
                yRange=(cols.y[base[1]] - 30, cols.y[base[1]] + 30), padding=0)
    click(base[1], Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(selection.selectedRows()) == 2)
    assert len(view.ring.data) == 2
    vb.setRange(xRange=(100, 200), yRange=(100, 200), padding=0)  # nothing there: clears
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.rect().center())
    qtbot.waitUntil(lambda: not selection.hasSelection())


def test_update_tree_moves_its_point_only(setup):
    model, _selection, view = setup
    tree_id = model.id_at(3)
    tree = Tree(tree_id, "AS-X", 1, Point(230000.0, 555000.0), species_name="Quercus robur")
    before = view.scatter.data["x"].copy()
    model.update_tree(tree)
    i = int(np.flatnonzero(view.scatter.data["data"] == tree_id)[0])
    assert view.scatter.data["x"][i] == 230000.0 and view.scatter.data["y"][i] == 555000.0
    changed = np.flatnonzero(view.scatter.data["x"] != before)
    assert changed.tolist() in ([i], [])  # only this point (or it already stood there)


def test_add_tree_adds_a_point_and_colour_mode_switches(setup, qtbot):
    model, _selection, view = setup
    tree = Tree(777777, "AS-NEW", 1, Point(231000.0, 556000.0), species_name="Tilia cordata")
    model.add_tree(tree)
    assert 777777 in view.scatter.data["data"].tolist()
    view.set_colour_mode("status")
    qtbot.waitUntil(view.is_scatter_ready)
    assert [item.text for _s, item in view.legend.items][0] == "levend"
    assert len(view.scatter.data) == 601


def test_removed_tree_leaves_the_map_and_other_points_keep_their_place(setup, qtbot):
    model, selection, view = setup
    model.sort(2)  # plantjaar: display order differs from register order
    gone, kept = model.id_at(10), model.id_at(11)
    model.remove_tree(gone)
    data = view.scatter.data
    assert gone not in data["data"].tolist() and len(data) == 599
    assert sorted(view.point_ids().tolist()) == sorted(model.visible_ids().tolist())
    i = int(np.flatnonzero(data["data"] == kept)[0])
    base = model.base_index_of_id(kept)
    assert (data["x"][i], data["y"][i]) == (model.columns.x[base], model.columns.y[base])
    select_row(selection, model, model.row_of_id(kept))
    qtbot.waitUntil(lambda: view.ring.data["data"].tolist() == [kept])
    assert view.tree_at(model.columns.x[base], model.columns.y[base]) == kept


def test_layers_and_zoom_to(setup):
    import pyqtgraph as pg

    _model, _selection, view = setup
    curve = pg.PlotCurveItem([230000, 231000], [555000, 556000])
    view.add_layer("laan", curve)
    assert view.layer("laan") is curve and curve in view.plot_item.items
    view.remove_layer("laan")
    assert curve not in view.plot_item.items
    view.zoom_to(230000, 555000, 231000, 556000)
    (x0, x1), (y0, y1) = view.plot_item.getViewBox().viewRange()
    assert x0 <= 230000 and x1 >= 231000 and x1 - x0 < 2000


def test_300k_trees_build_and_paint_without_crash(qtbot):
    """PySide6 6.12 aborts with many distinct brushes; the map must use shared ones."""
    from synthetic_register import synthetic_batch

    from bomenplan.domain.register_columns import RegisterColumns
    from bomenplan.domain.species import genus_of

    n = 300_000
    batch = synthetic_batch(n, seed=7)
    data = {**batch.text, **batch.numbers, "x": batch.x, "y": batch.y,
            "id": np.arange(1, n + 1), "site_id": np.arange(1, n + 1)}
    cache = {}
    data["genus"] = [cache.setdefault(s, genus_of(s)) for s in data["species_name"]]
    model = TreeTableModel(RegisterColumns.from_lists(data))
    view = MapView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.set_model(model, QItemSelectionModel(model))
    view.show()
    view.zoom_to_all()
    assert not view.showing_points()  # whole city: raster level of detail
    view.grab()
    qtbot.waitUntil(view.is_scatter_ready, timeout=30_000)
    assert len(view.scatter.data) == n
    view.zoom_to(230000, 555000, 230800, 555800)
    assert view.showing_points()
    assert not view.grab().isNull()


def test_scatter_culls_exactly_the_points_in_view(setup, qtbot):
    _model, _selection, view = setup
    from PySide6.QtCore import QRectF

    view.zoom_to(230000, 553000, 234000, 557000)
    qtbot.wait(20)
    rect = QRectF(231000, 554000, 2000, 1500)
    got = set(view.scatter.indices_in(rect).tolist())
    x, y = view.scatter.data["x"], view.scatter.data["y"]
    inside = set(np.flatnonzero((x > 231000) & (x < 233000) & (y > 554000) & (y < 555500)).tolist())
    assert inside <= got  # every point inside is drawn …
    px, py = view.scatter.pixelVectors()
    mx, my = 12.5 * px.length(), 12.5 * py.length()  # … plus a margin of the symbol size
    extra = got - inside
    assert all(231000 - mx < x[i] < 233000 + mx and 554000 - my < y[i] < 555500 + my
               for i in extra)
    assert len(got) < len(x) / 2
