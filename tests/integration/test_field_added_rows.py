"""Field work gaps closed (issue 15 §4 "nothing is lost"): trees added in the field, rows deleted in
the field, inspections and standplaats problems edited in the field, and a version clash midway.
Run on an SQLite file and on a real PostgreSQL server. Expected values by hand: the server register
holds A000..A002 (Centrum, checked out) and A009 (Noord, not checked out)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from register_fixtures import draft_tree
from sqlalchemy import func, select, update

from bomenplan.domain.field_work import FieldScope
from bomenplan.domain.standplaats import (
    ProblemStatus,
    ProblemType,
    Severity,
    Standplaats,
    StandplaatsProblem,
)
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse, TreeStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.field_checkin import check_in
from bomenplan.persistence.field_checkout import check_out
from bomenplan.persistence.tables import ChangeLogRow, InspectionRow, TreeRow
from bomenplan.persistence.tables_field import FieldIdMapRow
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register, standplaats

TODAY = f"veldwerk {date.today().isoformat()}"


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path):
    url = (f"sqlite:///{tmp_path / 'kantoor.sqlite'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_migrated_url"))
    engine, sessions = open_database(url)
    office = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    ids = [register.add_tree(office(), draft_tree(i)).id for i in range(3)]
    ids.append(register.add_tree(office(), draft_tree(9, wijk="Noord")).id)
    yield url, office, ids, engine
    engine.dispose()


@pytest.fixture
def field(server, tmp_path):
    url = server[0]
    path = tmp_path / "veld.sqlite"
    check_out(url, path, FieldScope(wijk="Centrum"), user="veldwerker")
    engine, sessions = open_database(path)
    yield path, lambda: SqlUnitOfWork(sessions), engine
    engine.dispose()


def _trees_named(engine, number: str) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(select(TreeRow.id).where(TreeRow.boomnummer == number)).scalars())


def test_tree_added_in_field_goes_in_once_and_later_edits_update_it(server, field):
    url, office, ids, engine = server
    path, in_field, field_engine = field
    new = register.add_tree(in_field(), draft_tree(20, boomnummer="NIEUW-1"))
    # the field file numbers it after its own three trees: the id A009 has on the server
    assert new.id == ids[3]
    register.record_inspection(in_field(), Inspection(
        None, new.id, date(2026, 11, 5), "Veldwerker", Boomveiligheidsklasse.ZONDER_GEBREKEN))
    standplaats.save_standplaats(in_field(), Standplaats(new.site_id, bodemvolume_m3=8.0))

    first = check_in(url, path)

    assert (first.trees_added, first.inspections, first.conflicts) == (1, 1, [])
    [server_id] = _trees_named(engine, "NIEUW-1")
    assert server_id not in ids
    stored = register.get_tree(office(), server_id)
    assert (stored.position.x, stored.position.y) == (234160.0, 557000.0)  # 234000 + 8 * 20
    assert register.get_tree(office(), ids[3]).boomnummer == "A009"  # not overwritten
    assert [i.inspecteur for i in register.inspections_of(office(), server_id)] == ["Veldwerker"]
    assert standplaats.get_standplaats(office(), stored.site_id).bodemvolume_m3 == 8.0
    created = [c for c in register.tree_history(office(), server_id) if c.field == "aangemaakt"]
    assert [(c.new, c.user, c.reason) for c in created] == [("NIEUW-1", "veldwerker", TODAY)]
    with field_engine.connect() as conn:
        mapped = conn.execute(select(FieldIdMapRow.server_id).where(
            FieldIdMapRow.entity == "tree", FieldIdMapRow.field_id == new.id)).scalar()
    assert mapped == server_id

    register.update_tree(in_field(), new.id, {"opmerkingen": "nagemeten"})
    register.update_tree(office(), server_id, {"plantjaar": 2019})  # the office meanwhile
    second = check_in(url, path)

    assert (second.trees_added, second.inspections, second.rows_written) == (0, 0, 1)
    assert second.conflicts == []
    assert _trees_named(engine, "NIEUW-1") == [server_id]
    assert register.get_tree(office(), server_id).opmerkingen == "nagemeten"
    assert register.get_tree(in_field(), new.id).plantjaar == 2019  # back under its field id
    assert register.get_tree(office(), ids[3]).opmerkingen == ""
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(InspectionRow)).scalar() == 1
    assert check_in(url, path).checkin_id == ""  # nothing left


def test_boomnummer_the_server_has_gets_a_suffix_and_is_reported(server, field):
    url, office, _ids, engine = server
    path, in_field, _field_engine = field
    first = register.add_tree(in_field(), draft_tree(21, boomnummer="A009"))  # Noord's A009
    register.add_tree(in_field(), draft_tree(22, boomnummer="A009"))

    result = check_in(url, path)

    assert result.renamed == [("A009", "A009-veld"), ("A009", "A009-veld2")]
    assert len(_trees_named(engine, "A009")) == 1
    [server_id] = _trees_named(engine, "A009-veld")
    assert len(_trees_named(engine, "A009-veld2")) == 1
    renamed = [(c.old, c.new) for c in register.tree_history(office(), server_id)
               if c.field == "boomnummer"]
    assert renamed == [("A009", "A009-veld")]
    assert register.get_tree(in_field(), first.id).boomnummer == "A009-veld"  # back in the field
    assert check_in(url, path).checkin_id == ""


def test_tree_deleted_in_field_is_reported_and_stays_on_server(server, field):
    url, office, ids, _engine = server
    path, in_field, _field_engine = field
    register.retract_new_tree(in_field(), ids[2])  # the only way the app deletes a tree

    result = check_in(url, path)

    assert [(c.boomnummer, c.entity, c.entity_id) for c in result.removed_in_field] == [
        ("A002", "tree", ids[2])]
    assert result.conflicts == []
    assert register.get_tree(office(), ids[2]).boomnummer == "A002"


def test_problem_edited_in_field_and_office_merges_field_by_field(server, tmp_path):
    url, office, ids, engine = server
    site_id = register.get_tree(office(), ids[0]).site_id
    problem = standplaats.save_problem(office(), StandplaatsProblem(
        None, site_id, ProblemType.WORTELOPDRUK, Severity.LAAG, date(2026, 10, 1)))
    path = tmp_path / "veld.sqlite"
    check_out(url, path, FieldScope(wijk="Centrum"), user="veldwerker")
    field_engine, field_sessions = open_database(path)
    in_field = lambda: SqlUnitOfWork(field_sessions)  # noqa: E731
    there = standplaats.problems(in_field(), site_id)[0]
    standplaats.save_problem(in_field(), replace(there, status=ProblemStatus.OPGELOST,
                                                 severity=Severity.HOOG))
    here = standplaats.problems(office(), site_id)[0]
    standplaats.save_problem(office(), replace(here, opmerking="stoep opgehoogd",
                                               severity=Severity.MIDDEL))

    result = check_in(url, path)

    # status: only the field changed it; opmerking: only the office; severity: both → conflict
    assert [(c.boomnummer, c.entity, c.entity_id, c.field, c.base, c.mine, c.theirs)
            for c in result.conflicts] == [
        ("A000", "standplaats_problem", problem.id, "severity", "laag", "hoog", "middel")]
    stored = standplaats.problems(office(), site_id)[0]
    assert (stored.status, stored.opmerking, stored.severity) == (
        ProblemStatus.OPGELOST, "stoep opgehoogd", Severity.MIDDEL)
    with engine.connect() as conn:
        logged = conn.execute(select(ChangeLogRow.field, ChangeLogRow.old, ChangeLogRow.new).where(
            ChangeLogRow.entity == "standplaats_probleem", ChangeLogRow.reason == TODAY)).all()
    assert [tuple(r) for r in logged] == [("status", "open", "opgelost")]

    chosen = check_in(url, path, {("standplaats_problem", problem.id, "severity"): "mine"})
    assert chosen.conflicts == []
    assert standplaats.problems(office(), site_id)[0].severity == Severity.HOOG
    assert standplaats.problems(in_field(), site_id)[0].opmerking == "stoep opgehoogd"
    field_engine.dispose()


def test_inspection_edited_in_field_merges_dates_too(server, tmp_path):
    url, office, ids, engine = server
    stored, _tree = register.record_inspection(office(), Inspection(
        None, ids[1], date(2026, 6, 1), "Kantoor", Boomveiligheidsklasse.ZONDER_GEBREKEN))
    path = tmp_path / "veld.sqlite"
    check_out(url, path, FieldScope(wijk="Centrum"), user="veldwerker")
    field_engine, _ = open_database(path)
    with field_engine.begin() as conn:  # the form has no inspection editor (yet): edit the row
        conn.execute(update(InspectionRow).where(InspectionRow.id == stored.id).values(
            volgende_controle=date(2027, 6, 1), opmerkingen="plakoksel"))
    field_engine.dispose()

    result = check_in(url, path)

    assert (result.conflicts, result.fields_written, result.inspections) == ([], 2, 0)
    [back] = register.inspections_of(office(), ids[1])
    assert (back.volgende_controle, back.opmerkingen) == (date(2027, 6, 1), "plakoksel")
    assert check_in(url, path).checkin_id == ""


def test_problem_added_then_edited_in_one_copy_is_updated_not_added_twice(server, field):
    url, office, ids, _engine = server
    path, in_field, _field_engine = field
    site_id = register.get_tree(office(), ids[1]).site_id
    added = standplaats.save_problem(in_field(), StandplaatsProblem(
        None, site_id, ProblemType.ZOUT, Severity.LAAG, date(2026, 11, 1)))
    assert check_in(url, path).problems == 1
    standplaats.save_problem(in_field(), replace(standplaats.problems(in_field(), site_id)[0],
                                                 status=ProblemStatus.IN_UITVOERING))
    again = check_in(url, path)

    assert (again.problems, again.rows_written, again.conflicts) == (0, 1, [])
    on_server = standplaats.problems(office(), site_id)
    assert [(p.type, p.status) for p in on_server] == [(ProblemType.ZOUT, ProblemStatus.IN_UITVOERING)]
    assert added.id is not None


def test_version_clash_midway_is_read_and_merged_again_once(server, field):
    url, office, ids, _engine = server
    path, in_field, _field_engine = field
    register.update_tree(in_field(), ids[0], {"opmerkingen": "dood hout"})
    clashes = []

    def office_saves_meanwhile(step):
        if step == "merging" and not clashes:
            clashes.append(step)
            register.update_tree(office(), ids[0], {"plantjaar": 1975})

    result = check_in(url, path, checkpoint=office_saves_meanwhile)

    assert result.retried and result.conflicts == []
    stored = register.get_tree(office(), ids[0])
    assert (stored.opmerkingen, stored.plantjaar) == ("dood hout", 1975)
    assert register.get_tree(in_field(), ids[0]).plantjaar == 1975


def test_tree_planted_in_field_on_a_checked_out_site_is_logged_as_replanting(server, field):
    url, office, ids, engine = server
    path, in_field, _field_engine = field
    site_id = register.get_tree(office(), ids[0]).site_id
    register.set_status(in_field(), ids[0], TreeStatus.STOBBE, reason="omgewaaid")
    register.plant_on_site(in_field(), site_id, draft_tree(30, boomnummer="H-1"))

    result = check_in(url, path)

    assert (result.trees_added, result.conflicts) == (1, [])
    assert [t.boomnummer for t in register.site_history(office(), site_id)] == ["A000", "H-1"]
    assert register.get_tree(office(), ids[0]).status == TreeStatus.STOBBE
    with engine.connect() as conn:
        logged = conn.execute(select(ChangeLogRow.field, ChangeLogRow.new).where(
            ChangeLogRow.entity == "site", ChangeLogRow.entity_id == site_id)).all()
    assert [tuple(r) for r in logged] == [("herplant", "H-1")]


def test_second_clash_gives_the_dutch_message_and_a_later_checkin_goes_through(server, field):
    from bomenplan.domain.errors import ConcurrentEditError

    url, office, ids, _engine = server
    path, in_field, _field_engine = field
    register.update_tree(in_field(), ids[1], {"opmerkingen": "scheur"})
    years = iter([1990, 1991])

    def office_saves_each_time(step):
        if step == "merging":
            register.update_tree(office(), ids[1], {"plantjaar": next(years)})

    with pytest.raises(ConcurrentEditError,
                       match=f"^boom {ids[1]} is tijdens het inchecken twee keer gewijzigd; "
                             "probeer het inchecken opnieuw$"):
        check_in(url, path, checkpoint=office_saves_each_time)
    assert register.get_tree(office(), ids[1]).opmerkingen == ""  # nothing half written

    again = check_in(url, path)
    assert (again.conflicts, again.fields_written, again.retried) == ([], 1, False)
    stored = register.get_tree(office(), ids[1])
    assert (stored.opmerkingen, stored.plantjaar) == ("scheur", 1991)


def test_field_file_of_the_earlier_version_keeps_its_inspections_once(server, tmp_path):
    """Copies checked out before inspections had a merge base ("" in field_base) still check in:
    their inspections count as known, are neither added again nor merged."""
    from bomenplan.persistence.tables_field import FieldBaseRow

    url, office, ids, engine = server
    register.record_inspection(office(), Inspection(
        None, ids[0], date(2026, 5, 1), "Kantoor", Boomveiligheidsklasse.ZONDER_GEBREKEN))
    path = tmp_path / "oud.sqlite"
    check_out(url, path, FieldScope(wijk="Centrum"), user="veldwerker")
    field_engine, field_sessions = open_database(path)
    with field_engine.begin() as conn:
        conn.execute(update(FieldBaseRow).where(FieldBaseRow.entity == "inspection")
                     .values(values_json=""))
        conn.execute(update(InspectionRow).values(opmerkingen="in het veld"))
    register.update_tree(SqlUnitOfWork(field_sessions), ids[0], {"opmerkingen": "ok"})
    field_engine.dispose()

    result = check_in(url, path)

    assert (result.inspections, result.fields_written, result.conflicts) == (0, 1, [])
    [kept] = register.inspections_of(office(), ids[0])
    assert kept.opmerkingen == ""  # no base to merge against: the server's stays
