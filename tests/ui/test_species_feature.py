"""Species feature in the real main window: statistics dock follows filter and selection, map
colouring, diversity view with what-if, unmatched names dialog."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from real_window import shown_main_window
from synthetic_register import fill_register

from bomenplan.services.register import update_tree
from bomenplan.ui.dialogs.unmatched_species_dialog import UnmatchedSpeciesDialog
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import COLOUR_MODE, Settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, lambda factory: fill_register(factory, 600, seed=3)) as win:
        yield win


def test_statistics_follow_filter_and_selection(window, qtbot):
    window.workspaces.switch_to("soorten")  # where the statistics dock is shown
    feature = window.species_feature
    stats = feature.statistics
    qtbot.waitUntil(lambda: "size" in stats.counts)  # computed after the first frame
    assert sum(stats.counts["size"].values()) == 600
    assert sum(stats.counts["age"].values()) == 600
    ids = window.tree_model.visible_ids()[:4].tolist()
    window.select_tree_ids(ids)
    qtbot.waitUntil(lambda: sum(stats.counts["age"].values()) == 4)
    assert "Selectie" in stats.summary.text()
    window.select_tree_ids([])
    wijk = window.tree_model.columns.wijk[0]
    window.wijk_filter.setCurrentIndex(window.wijk_filter.findText(wijk))
    expected = int(np.count_nonzero(window.tree_model.columns.wijk == wijk))
    qtbot.waitUntil(lambda: sum(stats.counts["age"].values()) == expected)
    shown = window.tree_model.columns.species_name[window.tree_model.base_rows()]
    assert set(stats.counts["species"]) <= set(shown)  # only species of the visible trees
    assert "ecologische score" in stats.summary.text()


def test_statistics_wait_while_the_dock_is_hidden(window, qtbot):
    window.workspaces.switch_to("soorten")
    feature = window.species_feature
    qtbot.waitUntil(lambda: "size" in feature.statistics.counts)
    feature.dock.hide()
    window.wijk_filter.setCurrentIndex(1)
    qtbot.wait(300)
    assert sum(feature.statistics.counts["age"].values()) == 600  # not recomputed while hidden
    feature.dock.show()
    qtbot.waitUntil(lambda: sum(feature.statistics.counts["age"].values())
                    == window.tree_model.rowCount())


def test_map_colour_modes_by_native_status_and_eco_score(window, qtbot):
    feature = window.species_feature
    view = window.map_view
    assert {"ecoscore", "inheems"} <= set(view.colour_modes())
    window.colour_actions["inheems"].trigger()
    assert view.colour_mode() == "inheems" and window.settings.get(COLOUR_MODE) == "inheems"
    qtbot.waitUntil(view.is_scatter_ready)
    assert [item.text for _s, item in view.legend.items] == ["inheems", "ingeburgerd", "exoot",
                                                             "onbekend"]
    score, native = feature.eco_arrays()
    assert set(native) <= {"inheems", "ingeburgerd", "exoot", ""}
    oak = window.tree_model.columns.species_name == "Quercus robur"
    assert set(native[oak]) == {"inheems"} and np.all(score[oak] > 70)
    data = view.scatter.data
    assert len(data) == window.tree_model.rowCount()
    assert len({id(b) for b in data["brush"]}) <= 4  # the shared palette brushes
    oak_ids = set(window.tree_model.columns.id[oak].tolist())
    oak_brushes = {id(b) for b, i in zip(data["brush"], data["data"], strict=True) if i in oak_ids}
    assert len(oak_brushes) == 1
    window.colour_actions["ecoscore"].trigger()
    qtbot.waitUntil(view.is_scatter_ready)
    assert [item.text for _s, item in view.legend.items][-2] == "70–100"
    assert view.layer("soorten") is None  # no overlay layer any more


def test_register_table_shows_eco_columns(window, qtmodeltester):
    model = window.tree_model
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert names[-2:] == ["Ecoscore", "Inheems/exoot"]
    score, native = window.species_feature.eco_arrays()
    model.set_filters(inheems="exoot")
    assert model.rowCount() == int(np.count_nonzero(native == "exoot")) > 0
    col = model.columnCount() - 2
    model.sort(col, Qt.SortOrder.DescendingOrder)
    best = float(np.nanmax(score[native == "exoot"]))
    assert model.data(model.index(0, col)) == f"{best:.0f}"
    qtmodeltester.check(model)


def test_diversity_view_chart_warnings_and_what_if(window, qtbot, qtmodeltester):
    feature = window.species_feature
    feature.show_diversity()
    view = feature.diversity_view
    assert view.results and all(r.group for r in view.results)  # per wijk
    heights = view.chart_heights()
    first = view.results[0]
    assert heights["species"][0] == pytest.approx(first.largest("species").percent)
    qtmodeltester.check(view.warnings)
    assert view.warnings.rowCount() == sum(len(r.warnings) for r in view.results)
    view.what_if_species.setCurrentIndex(view.what_if_species.findText("Ginkgo biloba"))
    view.what_if_count.setValue(first.trees)
    view.what_if_button.click()
    assert "0.0 % → 50.0 %" in view.what_if_result.text()
    feature._diversity_dialog.close()


def test_unmatched_dialog_maps_names_and_links_trees(window, qtbot, qtmodeltester):
    factory = window.uow_factory
    tree_id = int(window.tree_model.columns.id[0])
    update_tree(factory(), tree_id, {"species_name": "Linde Brink"})
    dialog = UnmatchedSpeciesDialog(factory)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    names = [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]
    row = names.index("Linde Brink")
    lime = dialog.target.findText("Tilia × europaea")
    dialog.map_row(row, dialog.target.itemData(lime))
    assert dialog.status.text() == "Linde Brink gekoppeld: 1 boom"
    assert "Linde Brink" not in [dialog.model.index(r, 0).data()
                                    for r in range(dialog.model.rowCount())]


def test_a_species_colour_mode_chosen_earlier_returns_after_the_first_frame(window, qtbot,
                                                                           tmp_path):
    window.colour_actions["ecoscore"].trigger()
    again = MainWindow(window.uow_factory, settings=Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert again.map_view.colour_mode() == "genus"  # the feature's mode exists only after install
    again.show()
    qtbot.waitUntil(lambda: again.map_view.colour_mode() == "ecoscore")
    assert again.colour_actions["ecoscore"].isChecked()
    again.close()
