"""Stage 2 of the register read merges into the table model in place (no reset: the map keeps
its points) and the window's start-up work and text filters wait for it."""

import numpy as np
import pytest
from real_window import shown_main_window
from synthetic_register import fill_register
from test_tree_table_model import col, columns_of, shown

from bomenplan.domain.register_columns import FIRST_STAGE_FIELDS, FirstStageColumns, RegisterColumns
from bomenplan.ui.models.tree_table_model import TreeTableModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def first_stage_of(full: RegisterColumns, head: int = 0) -> FirstStageColumns:
    first = {key: getattr(full, key).copy() for key in FIRST_STAGE_FIELDS}
    head_columns = RegisterColumns(**{k: v[:head] for k, v in vars(full).items()})
    return FirstStageColumns.build(first, head_columns)


def rest_of(full: RegisterColumns) -> dict:
    return {k: v for k, v in vars(full).items() if k == "id" or k not in FIRST_STAGE_FIELDS}


def test_merge_fills_the_rest_without_a_reset(qtbot, qtmodeltester):
    full = columns_of(50)
    model = TreeTableModel(first_stage_of(full, head=3))
    qtmodeltester.check(model)
    assert not model.is_complete()
    assert shown(model, "boomnummer")[3:] == [""] * 47  # placeholders, nothing invented
    assert shown(model, "boomnummer")[:3] == full.boomnummer[:3].tolist()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.layoutChanged):
        assert model.complete_columns(rest_of(full), model.edit_count())
    assert model.is_complete() and resets == []
    assert shown(model, "boomnummer") == full.boomnummer.tolist()
    assert shown(model, "wijk") == full.wijk.tolist()


def test_sort_on_a_stage_two_field_applies_once_merged(qtbot):
    full = columns_of(60)
    model = TreeTableModel(first_stage_of(full))
    model.sort(col("boomnummer"))
    assert model.complete_columns(rest_of(full), model.edit_count())
    assert shown(model, "boomnummer") == sorted(full.boomnummer.tolist(), key=str.lower)


def test_a_read_older_than_an_edit_is_refused(qtbot):
    full = columns_of(20)
    model = TreeTableModel(first_stage_of(full))
    edits = model.edit_count()
    model.remove_tree(int(full.id[0]))  # e.g. an undone addition while stage 2 was read
    assert not model.complete_columns(rest_of(full), edits)
    assert not model.is_complete()


def test_window_waits_for_stage_two_before_search_and_start_up_work(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, lambda f: fill_register(f, 300, seed=2)) as win:
        qtbot.waitUntil(lambda: not win.startup_work_pending(), timeout=20000)
        full = win.tree_model.columns
        ran = []
        win._deferred = []  # a fresh start: start-up work queued again
        win.after_first_frame(lambda: ran.append(win.tree_model.is_complete()))
        win._painted = False
        win.reload_register(first_stage_of(full, head=5))
        assert not win.search_field.isEnabled() and not win.wijk_filter.isEnabled()
        win._run_deferred()  # the map has been painted: stage 2 starts, features wait
        assert ran == []
        qtbot.waitUntil(win.tree_model.is_complete, timeout=20000)
        assert ran == [True]
        assert win.search_field.isEnabled() and win.wijk_filter.isEnabled()
        assert np.array_equal(win.tree_model.columns.boomnummer, full.boomnummer)
        assert win.wijk_filter.count() > 1  # filled from the merged wijk column


def test_a_full_reload_while_stage_two_runs_releases_the_start_up_work(qtbot, tmp_path):
    with shown_main_window(qtbot, tmp_path, lambda f: fill_register(f, 200, seed=4)) as win:
        qtbot.waitUntil(lambda: not win.startup_work_pending(), timeout=20000)
        full = win.tree_model.columns
        ran = []
        win._deferred, win._painted = [], False
        win.after_first_frame(lambda: ran.append(True))
        win.reload_register(first_stage_of(full))
        win._run_deferred()  # stage 2 starts …
        win.reload_register()  # … and an import reads the register in full meanwhile
        assert ran == [True] and win.tree_model.is_complete()
        qtbot.waitUntil(lambda: not win.startup_work_pending(), timeout=20000)
        assert win.tree_model.columns.boomnummer.tolist() == full.boomnummer.tolist()


def test_trees_added_elsewhere_before_stage_two_lead_to_a_full_read(qtbot, tmp_path):
    from shapely.geometry import Point

    from bomenplan.domain.tree import Tree
    from bomenplan.services import register

    with shown_main_window(qtbot, tmp_path, lambda f: fill_register(f, 100, seed=6)) as win:
        qtbot.waitUntil(lambda: not win.startup_work_pending(), timeout=20000)
        ran = []
        win._deferred, win._painted = [], False
        win.after_first_frame(lambda: ran.append(True))
        win.reload_register(first_stage_of(win.tree_model.columns))
        added = register.add_tree(win.uow_factory(), Tree(  # another user, same register
            id=None, boomnummer="ELDERS-1", site_id=None, position=Point(233000, 557000),
            species_name="Tilia cordata"))
        win._run_deferred()
        qtbot.waitUntil(win.tree_model.is_complete, timeout=20000)
        assert ran == [True]
        assert win.tree_model.total_count() == 101
        assert win.tree_model.base_index_of_id(added.id) is not None
