"""Dashboard dock: the report's charts follow the table filter (computed in a worker)."""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
import pytest
from shapely.geometry import Point

from bomenplan.domain.tree import Tree
from bomenplan.services import register
from bomenplan.services.species_catalogue import ensure_catalogue
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


def _fill_with_catalogue(uow_factory):
    ensure_catalogue(uow_factory())
    _fill(uow_factory)


def test_dashboard_10_20_30_chart_follows_the_filter(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, _fill_with_catalogue) as window:
        feature = window.dashboard_feature
        feature.dock.show()
        feature.dock.raise_()
        qtbot.waitUntil(lambda: feature.panel.shown is not None and feature.panel.shown.n_rows == 5,
                        timeout=5000)
        # all 5: 3 of Quercus robur = 60 % of species (limit 10), genus Quercus (20), family Fagaceae (30)
        shares = feature.panel.shown.largest_shares
        assert [(s.level, s.taxon, s.percent, s.limit, s.exceeded) for s in shares] == [
            ("species", "Quercus robur", 60.0, 10.0, True), ("genus", "Quercus", 60.0, 20.0, True),
            ("family", "Fagaceae", 60.0, 30.0, True)]
        window.wijk_filter.setCurrentIndex(window.wijk_filter.findData("Noord"))
        qtbot.waitUntil(lambda: feature.panel.shown.n_rows == 2, timeout=5000)
        # Noord: only the 2 limes: 100 % at every level
        assert [(s.level, s.taxon[:5], s.percent) for s in feature.panel.shown.largest_shares] == [
            ("species", "Tilia", 100.0), ("genus", "Tilia", 100.0), ("family", "Malva", 100.0)]
        items = feature.panel.plots["diversity"].getPlotItem().items
        (bar,) = [i for i in items if isinstance(i, pg.BarGraphItem)]
        assert list(bar.opts["height"]) == [100.0, 100.0, 100.0]
        assert list(bar.opts["brushes"]) == ["#c0392b"] * 3  # all over their limit: red
