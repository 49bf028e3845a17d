"""Every feature is wired explicitly: the main window always has its menus (issue 9 §2)."""

import pytest
from real_window import shown_main_window

from bomenplan.ui import features
from bomenplan.ui.features import (
    base_map,
    bomenbank,
    bomenplan_print,
    complaints,
    dashboard,
    field_work,
    inspection_due,
    lanen,
    map_layers,
    monitor_3_30_300,
    species,
    standplaats,
    work_orders,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_feature_list_names_the_modules_themselves():
    assert features.FEATURES == (species, lanen, complaints, standplaats, bomenbank, work_orders,
                                 dashboard, base_map, map_layers, bomenplan_print,
                                 monitor_3_30_300, inspection_due, field_work)


def test_main_window_has_the_menus_of_every_feature(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, lambda factory: None) as window:
        titles = [action.text().replace("&", "") for action in window.menuBar().actions()]
    # species, lanen, complaints, standplaats (features/) and the tree menu (register_actions)
    assert {"Soorten", "Lanen", "Meldingen", "Standplaats", "Boom"} <= set(titles)
