"""plan_row: the check-in rule for one row, values worked out by hand from the three-way rule."""

from bomenplan.domain.field_work import MINE, THEIRS, plan_row

BASE = {"status": "levend", "opmerkingen": "", "stamdiameter_cm": 30.0, "plantjaar": 1980}


def test_only_field_change_is_written_and_office_change_kept():
    mine = BASE | {"opmerkingen": "holte"}
    theirs = BASE | {"stamdiameter_cm": 34.0}
    plan = plan_row("tree", 7, BASE, mine, theirs)
    assert plan.writes == {"opmerkingen": "holte"}
    assert plan.conflicts == ()
    assert plan.final == {"status": "levend", "opmerkingen": "holte", "stamdiameter_cm": 34.0,
                          "plantjaar": 1980}


def test_both_changed_differently_keeps_server_value_until_chosen():
    mine = BASE | {"stamdiameter_cm": 40.0, "plantjaar": 1950}
    theirs = BASE | {"stamdiameter_cm": 38.0}
    plan = plan_row("tree", 7, BASE, mine, theirs)
    assert plan.writes == {"plantjaar": 1950}
    assert [(c.field, c.base, c.mine, c.theirs) for c in plan.conflicts] == [
        ("stamdiameter_cm", 30.0, 40.0, 38.0)]
    assert "stamdiameter_cm" not in plan.final  # unsettled: the field file keeps its own value
    chose_mine = plan_row("tree", 7, BASE, mine, theirs, {"stamdiameter_cm": MINE})
    assert chose_mine.writes == {"plantjaar": 1950, "stamdiameter_cm": 40.0}
    chose_theirs = plan_row("tree", 7, BASE, mine, theirs, {"stamdiameter_cm": THEIRS})
    assert chose_theirs.writes == {"plantjaar": 1950}
    assert chose_theirs.final["stamdiameter_cm"] == 38.0


def test_same_change_on_both_sides_is_no_conflict_and_no_write():
    mine = theirs = BASE | {"plantjaar": 1990}
    plan = plan_row("tree", 7, BASE, mine, theirs)
    assert (plan.writes, plan.conflicts) == ({}, ())


def test_felled_on_server_turns_every_field_change_into_a_conflict():
    mine = BASE | {"opmerkingen": "vitaal"}
    theirs = BASE | {"status": "gekapt"}
    plan = plan_row("tree", 7, BASE, mine, theirs)
    assert plan.writes == {}
    assert sorted((c.field, c.mine, c.theirs) for c in plan.conflicts) == [
        ("opmerkingen", "vitaal", ""), ("status", "levend", "gekapt")]


def test_removed_on_server_cannot_be_written():
    mine = BASE | {"opmerkingen": "vitaal"}
    plan = plan_row("tree", 7, BASE, mine, None)
    assert (plan.writes, plan.on_server) == ({}, False)
    assert [(c.field, c.theirs) for c in plan.conflicts] == [("opmerkingen", None)]
    dropped = plan_row("tree", 7, BASE, mine, None, {"opmerkingen": THEIRS})
    assert (dropped.conflicts, dropped.final) == ((), {"opmerkingen": ""})
