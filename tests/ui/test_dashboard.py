"""Dashboard dock: the report's charts follow the table filter (computed in a worker)."""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Point

from bomenplan.domain.tree import Tree
from bomenplan.services import register
from tests.real_window import shown_main_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _fill(uow_factory):
    # Centrum: 3 Quercus planted 1990; Noord: 2 Tilia planted 2020
    for i, (species, wijk, year) in enumerate([("Quercus robur", "Centrum", 1990)] * 3
                                              + [("Tilia x europaea", "Noord", 2020)] * 2):
        register.add_tree(uow_factory(), Tree(
            id=None, boomnummer=f"D{i}", site_id=None, position=Point(233000.0 + 10 * i, 557000.0),
            species_name=species, plantjaar=year, wijk=wijk))


def test_dashboard_follows_the_wijk_filter(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, _fill) as window:
        feature = window.dashboard_feature
        feature.dock.show()
        feature.dock.raise_()
        qtbot.waitUntil(lambda: feature.panel.shown is not None and feature.panel.shown.n_rows == 5,
                        timeout=5000)
        assert feature.panel.shown.top_species == [("Quercus robur", 3), ("Tilia x europaea", 2)]
        window.wijk_filter.setCurrentIndex(window.wijk_filter.findData("Noord"))
        qtbot.waitUntil(lambda: feature.panel.shown.n_rows == 2, timeout=5000)
        age = date.today().year - 2020  # 6 in 2026: class "0-9"
        assert feature.panel.shown.top_species == [("Tilia x europaea", 2)]
        assert dict(feature.panel.shown.ages)["0-9" if age < 10 else "10-19"] == 2
        assert "2 bomen in beeld" in feature.panel.summary.text()
