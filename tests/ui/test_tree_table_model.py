"""TreeTableModel: filters and sorts itself over register columns (no proxy)."""

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from shapely.geometry import Point
from synthetic_register import synthetic_batch

from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.tree import Tree
from bomenplan.domain.values import TreeStatus
from bomenplan.ui.models.tree_table_model import COLUMN_KEYS, IdRole, SortRole, TreeTableModel


def columns_of(n=400, seed=3) -> RegisterColumns:
    batch = synthetic_batch(n, seed)
    data = {**batch.text, **batch.numbers, "x": batch.x.tolist(), "y": batch.y.tolist()}
    data["id"] = list(range(10, 10 + n))
    data["site_id"] = list(range(1, n + 1))
    from bomenplan.domain.species import genus_of
    data["genus"] = [genus_of(s) for s in data["species_name"]]
    return RegisterColumns.from_lists(data)


@pytest.fixture
def model(qtmodeltester):
    m = TreeTableModel(columns_of())
    qtmodeltester.check(m)
    return m


def col(key):
    return COLUMN_KEYS.index(key)


def shown(model, key):
    return [model.data(model.index(r, col(key))) for r in range(model.rowCount())]


def test_model_tester_passes_through_filter_and_sort(qtmodeltester):
    m = TreeTableModel(columns_of(200))
    qtmodeltester.check(m)
    m.set_filters(text="linde")  # no Dutch names in the data: empty result is valid too
    m.set_filters(text="tilia")
    m.sort(col("plantjaar"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(m)


def test_text_filter_matches_boomnummer_species_and_street(model):
    cols = model.columns
    model.set_filters(text="TILIA")
    expected = {i for i, s in enumerate(cols.species_name) if "tilia" in s.lower()}
    expected |= {i for i, s in enumerate(cols.straat) if "tilia" in s.lower()}
    assert set(model.base_rows().tolist()) == expected and expected
    model.set_filters(text="as-00001")
    assert sorted(shown(model, "boomnummer")) == [f"AS-{i:06d}" for i in range(10, 20)]
    model.set_filters(text="lindenlaan")
    assert set(shown(model, "straat")) == {"Lindenlaan"}


def test_choice_filters_combine(model):
    cols = model.columns
    model.set_filters(genus="Quercus", wijk="Pittelo", status="levend")
    expected = np.flatnonzero((cols.genus == "Quercus") & (cols.wijk == "Pittelo")
                              & (cols.status == "levend"))
    assert np.array_equal(np.sort(model.base_rows()), expected)
    model.set_filters(genus=None, wijk=None, status=None)
    assert model.rowCount() == len(cols)
    model.set_filters(wijk="Nergenshuizen")
    assert model.rowCount() == 0
    with pytest.raises(ValueError):
        model.set_filters(colour="rood")


def test_sort_numeric_and_text_columns(model):
    model.sort(col("plantjaar"), Qt.SortOrder.AscendingOrder)
    years = [model.data(model.index(r, col("plantjaar")), SortRole) for r in range(model.rowCount())]
    assert years == sorted(years)
    model.sort(col("species_name"), Qt.SortOrder.DescendingOrder)
    names = shown(model, "species_name")
    assert names == sorted(names, key=str.casefold, reverse=True)
    model.set_filters(wijk="Centrum")  # filtering keeps the sort order
    names = shown(model, "species_name")
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert set(shown(model, "wijk")) == {"Centrum"}


def test_sort_keeps_the_selected_tree_selected(model):
    selection = QItemSelectionModel(model)
    tree_id = model.id_at(5)
    selection.select(model.index(5, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    model.sort(col("stamdiameter_cm"), Qt.SortOrder.DescendingOrder)
    rows = {i.row() for i in selection.selectedRows()}
    assert rows == {model.row_of_id(tree_id)}
    assert model.data(model.index(model.row_of_id(tree_id), 0), IdRole) == tree_id


def test_update_tree_changes_one_row_and_add_tree_appends(model, qtbot):
    tree_id = model.id_at(0)
    base = model.base_index_of_id(tree_id)
    tree = Tree(tree_id, "AS-NIEUW", 1, Point(model.columns.x[base], model.columns.y[base]),
                species_name="Quercus robur", status=TreeStatus.STOBBE, wijk="Centrum")
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_tree(tree)
    assert blocker.args[0].row() == blocker.args[1].row() == 0
    assert model.data(model.index(0, col("boomnummer"))) == "AS-NIEUW"
    assert model.data(model.index(0, col("status"))) == "stobbe"
    model.set_filters(text="as-nieuw")  # the caches follow the edit
    assert model.visible_ids().tolist() == [tree_id]
    new = tree.with_changes(id=9999, boomnummer="AS-999999")
    with qtbot.waitSignal(model.rowsInserted):
        row = model.add_tree(new)
    assert model.id_at(row) == 9999 and model.row_of_id(9999) == row
    assert model.total_count() == 401


def test_rows_of_ids_skips_hidden_and_unknown(model):
    model.set_filters(wijk="Centrum")
    visible = model.visible_ids()[:3].tolist()
    hidden = int(model.columns.id[model.columns.wijk != "Centrum"][0])
    rows = model.rows_of_ids([*visible, hidden, -5])
    assert sorted(model.id_at(int(r)) for r in rows) == sorted(visible)
    assert model.row_of_id(hidden) is None


def test_empty_model_and_headers(qtmodeltester):
    m = TreeTableModel()
    qtmodeltester.check(m)
    assert m.rowCount() == 0
    assert m.headerData(0, Qt.Orientation.Horizontal) == "Boomnummer"
    m.set_filters(text="x")
    m.sort(0)
    assert m.rowCount() == 0


def test_remove_tree_drops_its_row_and_keeps_the_others(model, qtbot, qtmodeltester):
    model.sort(col("plantjaar"))
    ids = model.visible_ids().tolist()
    gone = ids[5]
    with qtbot.waitSignal(model.rowsRemoved) as blocker:
        model.remove_tree(gone)
    assert blocker.args[1] == blocker.args[2] == 5
    assert model.visible_ids().tolist() == ids[:5] + ids[6:]
    assert model.row_of_id(gone) is None and model.total_count() == 399
    assert model.row_of_id(ids[-1]) == 398
    hidden = int(model.columns.id[model.columns.wijk != "Centrum"][0])
    model.set_filters(wijk="Centrum")
    with qtbot.waitSignal(model.modelReset):
        model.remove_tree(hidden)  # filtered out: base rows shift, views reset
    assert model.total_count() == 398 and hidden not in model.columns.id
    qtmodeltester.check(model)


def test_extra_columns_show_sort_and_filter_in_model(model, qtmodeltester):
    calls = []

    def score(cols):
        calls.append(len(cols))
        return np.where(cols.plantjaar % 7 > 0, cols.plantjaar - 1900, np.nan).astype(float)

    def native(cols):
        return np.where(np.char.startswith(cols.species_name.astype(str), "Quercus"),
                        "inheems", "exoot").astype(object)

    score_col = model.add_extra_column("ecoscore", "Ecoscore", score)
    native_col = model.add_extra_column("inheems", "Inheems/exoot", native)
    assert calls == []  # lazy: nothing computed until shown, sorted or filtered
    qtmodeltester.check(model)
    assert model.columnCount() == len(COLUMN_KEYS) + 2
    assert model.headerData(native_col, Qt.Orientation.Horizontal) == "Inheems/exoot"
    model.sort(score_col, Qt.SortOrder.AscendingOrder)
    values = [model.data(model.index(r, score_col), SortRole) for r in range(model.rowCount())]
    known = [v for v in values if not np.isnan(v)]
    assert known == sorted(known) and len(known) < len(values)  # unknown (NaN) last
    assert all(np.isnan(v) for v in values[len(known):])
    assert model.data(model.index(0, score_col)) == f"{known[0]:.0f}"
    model.set_filters(inheems="inheems")
    oaks = np.char.startswith(model.columns.species_name.astype(str), "Quercus")
    assert model.rowCount() == int(np.count_nonzero(oaks)) > 0
    assert {model.data(model.index(r, native_col)) for r in range(model.rowCount())} == {"inheems"}
    assert calls == [400]
    tree_id = model.id_at(0)
    base = model.base_index_of_id(tree_id)
    model.update_tree(Tree(tree_id, "AS-1", 1, Point(model.columns.x[base], model.columns.y[base]),
                           species_name="Quercus robur", plantjaar=1990))
    assert model.data(model.index(0, score_col)) == "90"  # recomputed after the edit
    assert calls == [400, 400]
