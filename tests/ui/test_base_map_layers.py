"""The stored base map is drawn under the trees: one layer per kind, culled per tile, with
street names only when zoomed in (issue 11, part 2)."""

import pytest
from real_window import shown_main_window
from shapely.geometry import LineString, box
from synthetic_register import fill_register

from bomenplan.domain.base_map import GEBOUWEN, WATER, WEGEN, BaseMapFeature
from bomenplan.ui.features.base_map import LABEL_LAYER, LAYER_PREFIX

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def fill(factory):
    fill_register(factory, 200, seed=3)
    road = LineString([(0, 0), (3000, 0)]).buffer(4.0, cap_style="flat")
    blocks = [box(x, 10, x + 40, 22) for x in range(0, 3000, 50)]  # 60 blocks in 10 tiles of 300 m
    uow = factory()
    with uow:
        uow.base_map.replace([BaseMapFeature(WEGEN, "Kerkstraat", "straat", road),
                              BaseMapFeature(WATER, "Vaart", "vaart", box(0, -60, 3000, -40)),
                              *[BaseMapFeature(GEBOUWEN, "", "bouwblok", b) for b in blocks]])
        uow.commit()


def test_base_map_layers_are_culled_and_labelled_when_zoomed_in(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, fill) as window:
        view = window.map_view
        qtbot.waitUntil(lambda: view.layer(LAYER_PREFIX + GEBOUWEN) is not None)
        buildings, labels = view.layer(LAYER_PREFIX + GEBOUWEN), view.layer(LABEL_LAYER)
        assert view.layer(LAYER_PREFIX + WATER) is not None
        assert buildings.zValue() < view.raster.zValue() < view.scatter.zValue() < labels.zValue()
        vb = view.plot_item.getViewBox()
        vb.setRange(xRange=(1000, 1250), yRange=(-100, 100), padding=0)
        view.grab()  # paint now
        assert 1 <= buildings.drawn_tiles <= 2  # x 1000–1250 lies in the tile of 900–1200 and 1200–1500
        assert labels.drawn_labels == 0  # the label sits mid-road at x ≈ 1500: out of view
        vb.setRange(xRange=(1400, 1600), yRange=(-100, 100), padding=0)
        view.grab()
        assert labels.drawn_labels == 1
        vb.setRange(xRange=(-500, 3500), yRange=(-2000, 2000), padding=0)
        view.grab()
        assert buildings.drawn_tiles == 10 and labels.drawn_labels == 0  # too far out for names
