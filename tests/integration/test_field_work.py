"""Offline field work (issue 15 §4) against an SQLite file and a real PostgreSQL server: check out
wijk Centrum, edit the field file with the normal services, change the server meanwhile, check in.
Expected values follow from the three-way rule by hand: a field only one side changed takes that
side's value; both changed differently → conflict, server value kept until chosen."""

from __future__ import annotations

from datetime import date

import pytest
from register_fixtures import draft_tree
from shapely.geometry import Point
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from bomenplan.domain.errors import Cancelled, ValidationError
from bomenplan.domain.field_work import FieldScope
from bomenplan.domain.standplaats import (
    ProblemType,
    Severity,
    Standplaats,
    StandplaatsProblem,
    Verharding,
)
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse, TreeStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.field_checkin import check_in
from bomenplan.persistence.field_checkout import check_out, field_copy_banner
from bomenplan.persistence.field_holds import hold_text, release_holds
from bomenplan.persistence.tables import ChangeLogRow, InspectionRow
from bomenplan.persistence.tables_field import FieldCheckoutRow
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register, standplaats


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path):
    url = (f"sqlite:///{tmp_path / 'kantoor.sqlite'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_migrated_url"))
    engine, sessions = open_database(url)
    office = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    ids = [register.add_tree(office(), draft_tree(i, stamdiameter_cm=30.0)).id for i in range(3)]
    ids.append(register.add_tree(office(), draft_tree(9, wijk="Noord")).id)
    yield url, office, ids, engine
    engine.dispose()


@pytest.fixture
def field(server, tmp_path):
    url, _office, _ids, _engine = server
    path = tmp_path / "veld.sqlite"
    result = check_out(url, path, FieldScope(wijk="Centrum"), user="veldwerker")
    assert result.trees == 3  # A000..A002 are in Centrum, A009 in Noord
    engine, sessions = open_database(path)
    yield path, lambda: SqlUnitOfWork(sessions)
    engine.dispose()


def test_checkout_records_source_user_and_scope(server, field):
    url, _office, ids, _engine = server
    path, in_field = field
    engine, _ = open_database(path)
    with engine.connect() as conn:
        record = conn.execute(select(FieldCheckoutRow.__table__)).one()
    engine.dispose()
    assert (record.user, record.scope, record.tree_count) == ("veldwerker", "wijk Centrum", 3)
    assert record.source_url == (url.removeprefix("sqlite:///") if url.startswith("sqlite")
                                 else url)  # the test server has no password
    assert register.get_tree(in_field(), ids[0]).boomnummer == "A000"
    assert sorted(register.load_register(in_field()).id) == ids[:3]


def test_field_and_office_changes_to_different_fields_are_both_kept(server, field):
    url, office, ids, _engine = server
    path, in_field = field
    register.update_tree(in_field(), ids[0], {"opmerkingen": "holte op 2 m"})
    register.update_tree(office(), ids[0], {"stamdiameter_cm": 34.0})

    result = check_in(url, path)

    assert result.conflicts == []
    assert (result.rows_written, result.fields_written) == (1, 1)
    stored = register.get_tree(office(), ids[0])
    assert (stored.opmerkingen, stored.stamdiameter_cm) == ("holte op 2 m", 34.0)
    back = register.get_tree(in_field(), ids[0])  # the office change reaches the field file
    assert (back.opmerkingen, back.stamdiameter_cm) == ("holte op 2 m", 34.0)
    log = [c for c in register.tree_history(office(), ids[0]) if c.field == "opmerkingen"]
    assert (log[0].old, log[0].new, log[0].user) == ("", "holte op 2 m", "veldwerker")
    assert log[0].reason == f"veldwerk {date.today().isoformat()}"


def test_same_field_changed_differently_is_a_conflict_until_chosen(server, field):
    url, office, ids, _engine = server
    path, in_field = field
    register.update_tree(in_field(), ids[1], {"stamdiameter_cm": 40.0, "plantjaar": 1950})
    register.update_tree(office(), ids[1], {"stamdiameter_cm": 38.0})

    first = check_in(url, path)

    assert [(c.boomnummer, c.field, c.base, c.mine, c.theirs) for c in first.conflicts] == [
        ("A001", "stamdiameter_cm", 30.0, 40.0, 38.0)]
    stored = register.get_tree(office(), ids[1])
    assert (stored.stamdiameter_cm, stored.plantjaar) == (38.0, 1950)  # server value kept

    again = check_in(url, path)  # still open, plantjaar not written twice
    assert [c.field for c in again.conflicts] == ["stamdiameter_cm"]
    assert again.fields_written == 0

    chosen = check_in(url, path, choices={("tree", ids[1], "stamdiameter_cm"): "mine"})
    assert chosen.conflicts == [] and chosen.fields_written == 1
    assert register.get_tree(office(), ids[1]).stamdiameter_cm == 40.0
    assert check_in(url, path).checkin_id == ""  # nothing left to check in


def test_inspection_added_in_field_appears_once_after_two_checkins(server, field):
    url, office, ids, engine = server
    path, in_field = field
    register.record_inspection(in_field(), Inspection(
        None, ids[2], date(2026, 11, 2), "Veldwerker", Boomveiligheidsklasse.ATTENTIEBOOM))

    first = check_in(url, path)
    second = check_in(url, path)

    assert (first.inspections, second.inspections) == (1, 0)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(InspectionRow)
                             .where(InspectionRow.tree_id == ids[2])).scalar()
    assert count == 1
    tree = register.get_tree(office(), ids[2])
    assert tree.boomveiligheidsklasse == Boomveiligheidsklasse.ATTENTIEBOOM


def test_tree_felled_on_server_is_a_conflict_not_resurrected(server, field):
    url, office, ids, _engine = server
    path, in_field = field
    register.update_tree(in_field(), ids[0], {"opmerkingen": "vitaal", "position": Point(234001, 557001)})
    register.set_status(office(), ids[0], TreeStatus.GEKAPT, reason="storm")

    result = check_in(url, path)

    assert sorted(c.field for c in result.conflicts) == ["opmerkingen", "status"]
    stored = register.get_tree(office(), ids[0])
    assert (stored.status, stored.opmerkingen) == (TreeStatus.GEKAPT, "")
    # the position lives on the site, which the office did not touch: it goes in
    assert (stored.position.x, stored.position.y) == (234001, 557001)


def test_standplaats_and_position_merge(server, field):
    url, office, ids, engine = server
    path, in_field = field
    site_id = register.get_tree(office(), ids[1]).site_id
    register.move_tree(in_field(), ids[1], 234010.5, 557002.0)
    standplaats.save_standplaats(in_field(), Standplaats(site_id, bodemvolume_m3=12.5,
                                                         verharding=Verharding.OPEN))
    standplaats.save_problem(in_field(), StandplaatsProblem(
        None, site_id, ProblemType.WORTELOPDRUK, Severity.MIDDEL, date(2026, 11, 4)))

    result = check_in(url, path)
    again = check_in(url, path)

    assert result.conflicts == [] and (result.problems, again.problems) == (1, 0)
    assert register.get_tree(office(), ids[1]).position.coords[0] == (234010.5, 557002.0)
    record = standplaats.get_standplaats(office(), site_id)
    assert (record.bodemvolume_m3, record.verharding) == (12.5, Verharding.OPEN)
    assert [(p.type, p.severity) for p in standplaats.problems(office(), site_id)] == [
        (ProblemType.WORTELOPDRUK, Severity.MIDDEL)]
    with engine.connect() as conn:
        reasons = conn.execute(select(ChangeLogRow.reason).where(ChangeLogRow.entity == "site")).scalars()
        assert set(reasons) == {f"veldwerk {date.today().isoformat()}"}


def test_field_file_names_itself_in_the_banner_and_the_register_does_not(server, field):
    _url, _office, _ids, server_engine = server
    path, _in_field = field
    engine, sessions = open_database(path)
    banner = field_copy_banner(sessions)
    engine.dispose()
    assert banner.startswith("Veldkopie van ") and "(wijk Centrum) uitgecheckt op " in banner
    assert banner.endswith(" door veldwerker")
    assert field_copy_banner(sessionmaker(bind=server_engine)) == ""


def test_checked_out_trees_are_marked_in_the_field_until_released(server, field):
    url, _office, ids, server_engine = server
    path, _in_field = field
    sessions = sessionmaker(bind=server_engine)
    today = date.today().strftime("%d-%m-%Y")
    assert hold_text(sessions, ids[0]) == f"In het veld bij veldwerker (wijk Centrum) sinds {today}"
    assert hold_text(sessions, ids[3]) == ""  # A009 stands in Noord: not checked out
    assert release_holds(url, path) == 3
    assert hold_text(sessions, ids[0]) == ""


def test_cancelled_checkout_leaves_no_field_file_and_marks_nothing(server, tmp_path):
    url, _office, ids, server_engine = server
    out = tmp_path / "afgebroken.sqlite"
    with pytest.raises(Cancelled):
        check_out(url, out, FieldScope(wijk="Centrum"), "veldwerker", cancelled=lambda: True)
    assert not out.exists()
    assert hold_text(sessionmaker(bind=server_engine), ids[0]) == ""
    with pytest.raises(ValidationError, match="bestaat niet"):
        check_out(url, tmp_path / "geen-map" / "veld.sqlite", FieldScope(wijk="Centrum"), "x")


def test_field_work_needs_the_right_to_edit_trees_and_inspections(server, field, tmp_path):
    """Roles hold for field work (issue 15 §3): once users exist, a klachtbehandelaar may neither
    check out nor check in; nothing is copied and nothing is written to the server."""
    from bomenplan.domain.roles import PermissionDenied, Role
    from bomenplan.services import users

    url, office, ids, _engine = server
    path, in_field = field
    register.update_tree(in_field(), ids[0], {"opmerkingen": "zwam aan stamvoet"})
    engine, sessions = open_database(url)
    as_user = lambda name: (lambda: SqlUnitOfWork(sessions, login=name))  # noqa: E731
    users.add_user(as_user("anna")(), "anna", Role.BEHEERDER)
    users.add_user(as_user("anna")(), "kees", Role.KLACHTBEHANDELAAR)
    with pytest.raises(PermissionDenied):
        check_out(url, tmp_path / "kees.sqlite", FieldScope(wijk="Centrum"), user="kees")
    assert not (tmp_path / "kees.sqlite").exists()
    with pytest.raises(PermissionDenied):  # the copy's user "veldwerker" is not registered
        check_in(url, path)
    assert register.get_tree(office(), ids[0]).opmerkingen != "zwam aan stamvoet"
    with pytest.raises(PermissionDenied):  # releasing the trees is field work too
        release_holds(url, path)
    assert hold_text(sessionmaker(bind=_engine), ids[0]) != ""
    users.add_user(as_user("anna")(), "veldwerker", Role.BOOMSPECIALIST)
    check_in(url, path)
    assert register.get_tree(office(), ids[0]).opmerkingen == "zwam aan stamvoet"
    assert release_holds(url, path) == 3
    engine.dispose()
