"""Nothing lost, nothing twice (issue 15 §4): a check-in killed with SIGKILL before the server
transaction, inside it, or right after its commit, then run again, ends exactly like one clean
check-in: the field change written once, the field inspection stored once, the tree added in the
field created once (and mapped to its server id in the field file), no conflicts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from register_fixtures import draft_tree
from sqlalchemy import func, select

from bomenplan.domain.field_work import FieldScope
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse
from bomenplan.persistence.database import open_database
from bomenplan.persistence.field_checkin import check_in
from bomenplan.persistence.field_checkout import check_out
from bomenplan.persistence.tables import ChangeLogRow, InspectionRow, TreeRow
from bomenplan.persistence.tables_field import FieldCheckinRow, FieldCheckoutRow, FieldIdMapRow
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register

KILLED_CHECKIN = """
import os, signal, sys
from bomenplan.persistence.field_checkin import check_in
def stop(step):
    if step == sys.argv[3]:
        os.kill(os.getpid(), signal.SIGKILL)
check_in(sys.argv[1], sys.argv[2], checkpoint=stop)
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def server_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kantoor.sqlite'}"
    return request.getfixturevalue("pg_migrated_url")


@pytest.mark.parametrize("step", ["prepared", "before_commit", "after_commit"])
def test_killed_checkin_rerun_equals_one_clean_checkin(server_url, tmp_path, step):
    engine, sessions = open_database(server_url)
    office = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    ids = [register.add_tree(office(), draft_tree(i)).id for i in range(2)]
    field_file = tmp_path / "veld.sqlite"
    check_out(server_url, field_file, FieldScope(wijk="Centrum"), user="veldwerker")
    field_engine, field_sessions = open_database(field_file)
    in_field = lambda: SqlUnitOfWork(field_sessions)  # noqa: E731
    register.update_tree(in_field(), ids[0], {"opmerkingen": "zwam aan de voet"})
    register.record_inspection(in_field(), Inspection(
        None, ids[1], date(2026, 11, 3), "Veldwerker", Boomveiligheidsklasse.ZONDER_GEBREKEN))
    added = register.add_tree(in_field(), draft_tree(7, boomnummer="NIEUW-7"))
    field_engine.dispose()

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2]))
    killed = subprocess.run([sys.executable, "-c", KILLED_CHECKIN, server_url, str(field_file), step],
                            env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    rerun = check_in(server_url, field_file)
    assert rerun.conflicts == []
    assert bool(rerun.recovered) == (step == "after_commit")  # only then had the server committed

    assert register.get_tree(office(), ids[0]).opmerkingen == "zwam aan de voet"
    with engine.connect() as conn:
        inspections = conn.execute(select(func.count()).select_from(InspectionRow)).scalar()
        logged = conn.execute(select(func.count()).select_from(ChangeLogRow).where(
            ChangeLogRow.field.in_(["opmerkingen", "controle", "aangemaakt"]),
            ChangeLogRow.reason.like("veldwerk%"))).scalar()
        new_trees = conn.execute(select(TreeRow.id).where(TreeRow.boomnummer == "NIEUW-7")).all()
        checkins = conn.execute(select(FieldCheckinRow.outcome_json)).scalars().all()
    engine.dispose()
    assert (inspections, logged, len(checkins), len(new_trees)) == (1, 3, 1, 1)
    assert len(json.loads(checkins[0])["added"]["inspection"]) == 1
    assert check_in(server_url, field_file).checkin_id == ""  # nothing left over
    field_engine, _ = open_database(field_file)
    with field_engine.connect() as conn:
        record = conn.execute(select(FieldCheckoutRow.__table__)).one()
        mapped = conn.execute(select(FieldIdMapRow.server_id).where(
            FieldIdMapRow.entity == "tree", FieldIdMapRow.field_id == added.id)).scalar()
    field_engine.dispose()
    assert mapped == new_trees[0].id
    assert (record.pending_checkin, record.checkin_seq) == ("", 2)
