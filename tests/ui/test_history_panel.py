"""HistoryPanel: per-field history, inspections and site history of the selected tree."""

from datetime import date

import pytest
from register_fixtures import draft_tree, trees, uow_factory  # noqa: F401

from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse, TreeStatus
from bomenplan.services import register
from bomenplan.ui.views.history_panel import HistoryPanel


@pytest.fixture
def panel(qtbot, uow_factory):  # noqa: F811
    widget = HistoryPanel(uow_factory)
    qtbot.addWidget(widget)
    return widget


def column(model, col):
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_models_pass_the_model_tester(panel, trees, qtmodeltester):  # noqa: F811
    panel.show_tree(trees[0].id)
    for model in (panel.changes, panel.inspections, panel.site_trees):
        qtmodeltester.check(model)


def test_shows_field_changes_newest_first(panel, trees, uow_factory):  # noqa: F811
    register.update_tree(uow_factory(), trees[0].id, {"plantjaar": 1955}, user="a.jansen",
                         reason="archief")
    panel.show_tree(trees[0].id)
    first = [panel.changes.index(0, c).data() for c in range(6)]
    assert first[1:] == ["Plantjaar", "1980", "1955", "a.jansen", "archief"]
    assert column(panel.changes, 1)[-1] == "Aangemaakt"
    assert "A000" in panel.title.text()


def test_inspections_and_site_history(panel, trees, uow_factory):  # noqa: F811
    tree = trees[1]
    register.record_inspection(uow_factory(), Inspection(
        None, tree.id, date(2026, 4, 2), "P. Bakker", Boomveiligheidsklasse.ATTENTIEBOOM,
        ("holte", "dood hout"), ("snoeien dood hout",), date(2027, 4, 2)))
    register.set_status(uow_factory(), tree.id, TreeStatus.GEKAPT, reason="ziek")
    successor = register.plant_on_site(uow_factory(), tree.site_id, draft_tree(9, boomnummer="A001b"))
    panel.show_tree(successor.id)
    assert column(panel.site_trees, 0) == ["A001", "A001b"]
    assert column(panel.site_trees, 3) == ["Gekapt", "Levend"]
    panel.show_tree(tree.id)
    assert [panel.inspections.index(0, c).data() for c in range(6)] == [
        "02-04-2026", "P. Bakker", "Attentieboom", "holte, dood hout", "snoeien dood hout",
        "02-04-2027"]  # dd-mm-jjjj


def test_refresh_picks_up_new_changes_and_clears_without_tree(panel, trees, uow_factory):  # noqa: F811
    panel.show_tree(trees[2].id)
    before = panel.changes.rowCount()
    register.update_tree(uow_factory(), trees[2].id, {"eigenaar": "Gemeente Assen"})
    panel.refresh()
    assert panel.changes.rowCount() == before + 1
    panel.show_tree(None)
    assert panel.changes.rowCount() == 0 and panel.site_trees.rowCount() == 0
