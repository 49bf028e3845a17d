"""Scale bar, north arrow and cursor coordinates on the map (issue 11, part 1)."""

import pytest
from PySide6.QtCore import QPointF

from bomenplan.ui.views.map_overlays import nice_scale_length, rd_coordinate_text, scale_label
from bomenplan.ui.views.map_view import MapView


@pytest.mark.parametrize(("metres_per_pixel", "expected"), [
    (1.0, 100.0),     # 120 m fits → 100 m
    (2.0, 200.0),     # 240 m → 200 m
    (4.5, 500.0),     # 540 m → 500 m
    (0.04, 2.0),      # 4.8 m → 2 m
    (100.0, 10_000.0),  # 12 km → 10 km
    (0.5, 50.0),      # exactly 60 m → 50 m
    (1.25, 100.0),    # exactly 150 m → 100 m
    (1 / 1.2, 100.0),  # exactly 100 m fits in 120 px → 100 m
])
def test_scale_length_is_the_largest_round_length_that_fits(metres_per_pixel, expected):
    assert nice_scale_length(metres_per_pixel) == pytest.approx(expected)


def test_scale_length_of_a_degenerate_view_is_zero():
    assert nice_scale_length(0.0) == 0.0
    assert nice_scale_length(float("nan")) == 0.0


def test_scale_labels_in_metres_and_kilometres():
    assert scale_label(500) == "500 m"
    assert scale_label(2000) == "2 km"
    assert scale_label(10_000) == "10 km"
    assert scale_label(1) == "1 m"


def test_rd_coordinates_in_whole_metres_with_thousands_dots():
    assert rd_coordinate_text(233_456.6, 557_012.2) == "RD x 233.457  y 557.012"


@pytest.fixture
def view(qtbot):
    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_scale_bar_follows_the_zoom(view, qtbot):
    vb = view.plot_item.getViewBox()
    vb.setRange(xRange=(233_000, 234_000), yRange=(557_000, 558_000), padding=0)
    (x0, x1), _ = vb.viewRange()
    metres_per_pixel = (x1 - x0) / vb.width()
    bar = view.scale_bar
    assert bar.length_m == pytest.approx(nice_scale_length(metres_per_pixel))
    assert bar.length_px == pytest.approx(bar.length_m / metres_per_pixel)
    assert 0 < bar.length_px <= 120
    assert bar.isVisible() and view.north_arrow.isVisible()
    first = bar.length_m
    vb.setRange(xRange=(230_000, 240_000), yRange=(552_000, 562_000), padding=0)
    assert bar.length_m == pytest.approx(first * 10)  # ten times wider view, ten times the bar
    # the bar sits at the bottom left, inside the view box
    assert bar.pos().x() > 0 and bar.pos().y() + bar.HEIGHT < vb.height()


def test_cursor_position_is_reported_in_rd_new(view, qtbot):
    vb = view.plot_item.getViewBox()
    vb.setRange(xRange=(233_000, 234_000), yRange=(557_000, 558_000), padding=0)
    scene_point = vb.mapViewToScene(QPointF(233_500, 557_250))
    with qtbot.waitSignal(view.cursor_moved) as blocker:
        view.scene().sigMouseMoved.emit(scene_point)
    assert blocker.args == ["RD x 233.500  y 557.250"]
