"""plan_update without a database: matching on key, and on key + place for repeated keys;
expected counts worked out by hand for the rows below."""

import numpy as np

from bomenplan.services.import_batch import ImportBatch
from bomenplan.services.importing.update import compared_fields, plan_update


def _current(rows):
    """Register columns as SqlRegisterUpdate.current returns them: (id, key, x, y, plantjaar)."""
    cols = {name: np.empty(len(rows), dtype=object) for name in ("id", "site_id", "boomnummer",
                                                                 "x", "y", "plantjaar")}
    for j, (tree_id, key, x, y, year) in enumerate(rows):
        for name, value in zip(("id", "site_id", "boomnummer", "x", "y", "plantjaar"),
                               (tree_id, tree_id, key, x, y, year), strict=True):
            cols[name][j] = value
    return cols


def _batch(rows):
    return ImportBatch(x=np.array([r[1] for r in rows], dtype=float),
                       y=np.array([r[2] for r in rows], dtype=float),
                       text={"boomnummer": [r[0] for r in rows]},
                       numbers={"plantjaar": [r[3] for r in rows]},
                       lines=np.arange(2, len(rows) + 2))


FIELDS = compared_fields({"boomnummer": "nr", "plantjaar": "jaar", "x": "x", "y": "y"})


def test_only_mapped_fields_are_compared():
    assert FIELDS == ("plantjaar", "x", "y")


def test_repeated_numbers_match_by_place_whatever_the_order():
    # the register holds number 7 at two places and number 8 once
    current = _current([(1, "7", 1000.0, 2000.0, 1990), (2, "7", 1050.0, 2000.0, 1991),
                        (3, "8", 1100.0, 2000.0, 1992)])
    batch = _batch([("7", 1050.0, 2000.0, 1991),   # tree 2, unchanged (listed first)
                    ("7", 1000.0, 2000.0, 1995),   # tree 1, plantjaar changed
                    ("7", 1000.1, 2000.0, 1995),   # repeats the row above at the same place
                    ("7", 1200.0, 2000.0, 2000)])  # a third tree numbered 7: new
    plan = plan_update(batch, current, "boomnummer", FIELDS)
    assert plan.unchanged == 1
    assert plan.field_changes == {"plantjaar": 1}
    assert plan.changed_ids.tolist() == [1]
    assert plan.log == [("tree", 1, "plantjaar", "1990", "1995")]
    assert plan.copies == {2: 1}  # 0.1 m from row 1: within MATCH_RADIUS_M
    assert plan.new_rows.tolist() == [3]
    assert plan.missing_from_file == 1  # number 8
    assert plan.duplicates == {"7": [2, 3, 4, 5]}


def test_a_moved_tree_with_a_unique_number_is_a_position_change():
    current = _current([(1, "9", 1000.0, 2000.0, None)])
    plan = plan_update(_batch([("9", 1000.2, 2000.0, None)]), current, "boomnummer", FIELDS)
    assert plan.field_changes == {"positie": 1} and plan.unchanged == 0
    assert plan.log == [("tree", 1, "positie", "1000.00, 2000.00", "1000.20, 2000.00")]
    same = plan_update(_batch([("9", 1000.004, 2000.0, None)]), current, "boomnummer", FIELDS)
    assert same.unchanged == 1  # under 1 cm: the same position (rounding of a re-export)
