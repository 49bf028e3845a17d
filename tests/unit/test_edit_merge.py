"""Three-way merge of a record's fields: expected outcomes worked out by hand per field."""

import pytest

from bomenplan.domain.edit_merge import FieldConflict, resolve, three_way_merge

BASE = {"conditie": "redelijk", "stamdiameter_cm": 30.0, "opmerking": "", "status": "levend"}


def test_disjoint_changes_merge_cleanly():
    mine = dict(BASE, conditie="slecht")  # the specialist in the field
    theirs = dict(BASE, stamdiameter_cm=34.0)  # a colleague in the office
    result = three_way_merge(BASE, mine, theirs)
    assert result.clean
    assert result.merged == {"conditie": "slecht", "stamdiameter_cm": 34.0, "opmerking": "",
                             "status": "levend"}
    assert result.mine_applied == ("conditie",)
    assert result.theirs_kept == ("stamdiameter_cm",)
    assert result.my_changes() == {"conditie": "slecht"}


def test_same_change_on_both_sides_is_no_conflict():
    mine = dict(BASE, status="gekapt")
    result = three_way_merge(BASE, mine, dict(mine))
    assert result.clean and result.mine_applied == () and result.theirs_kept == ()
    assert result.merged["status"] == "gekapt"


def test_different_changes_to_one_field_conflict_and_keep_theirs_until_chosen():
    mine = dict(BASE, conditie="slecht", opmerking="zwam aan stamvoet")
    theirs = dict(BASE, conditie="goed")
    result = three_way_merge(BASE, mine, theirs)
    assert result.conflicts == (FieldConflict("conditie", "redelijk", "slecht", "goed"),)
    assert result.merged["conditie"] == "goed"
    assert result.my_changes() == {"opmerking": "zwam aan stamvoet"}
    assert resolve(result, {"conditie": "mine"}) == {"opmerking": "zwam aan stamvoet",
                                                      "conditie": "slecht"}
    assert resolve(result, {"conditie": "theirs"}) == {"opmerking": "zwam aan stamvoet"}
    with pytest.raises(KeyError):
        resolve(result, {})


def test_field_missing_on_one_side_counts_as_unchanged():
    result = three_way_merge({"a": 1, "b": 2}, {"a": 5}, {"b": 3})
    assert result.clean and result.merged == {"a": 5, "b": 3}
