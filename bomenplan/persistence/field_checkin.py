"""Check a field file back in (issue 15 §4): three-way merge per changed row (trees, sites,
standplaats, inspections, standplaats problems), rows added in the field inserted once (trees with
their sites get new server ids, see field_added_rows), rows deleted in the field reported and kept
on the server, conflicts listed; safe to re-run after an interruption at any point.

Order: (1) the field file gets a pending check-in id (nothing of it changes otherwise); (2) one
server transaction writes the merged changes with the version check, the change log, the added
rows, and a `field_checkin` row under that id holding the outcome; (3) one field-file transaction
takes the outcome over (field_take_over). A re-run that finds the pending id on the server only
repeats (3), so nothing is written twice. A version clash in (2) (someone saved a row between our
read and our write) rolls (2) back; it is read and merged once more before the error reaches the user.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, insert, select, update

from bomenplan.domain.errors import Cancelled, ConcurrentEditError, ValidationError
from bomenplan.domain.field_work import (
    CheckinResult,
    ConflictLine,
    RowPlan,
    local_changes,
    plan_row,
)
from bomenplan.persistence.database import open_database
from bomenplan.persistence.database_check import check_location
from bomenplan.persistence.field_added_rows import insert_new_rows, new_rows, read_id_map
from bomenplan.persistence.field_holds import authorize_field_user
from bomenplan.persistence.field_rows import (
    ID_OF,
    INSPECTION,
    MERGED,
    PROBLEM,
    SITE,
    TREE,
    as_text,
)
from bomenplan.persistence.field_take_over import take_over
from bomenplan.persistence.mappers import point_wkb
from bomenplan.persistence.tables import ChangeLogRow
from bomenplan.persistence.tables_field import (
    FieldBaseRow,
    FieldCheckinRow,
    FieldCheckoutRow,
)

Choices = Mapping[tuple[str, int, str], str]  # (entity, id, field) → "mine" / "theirs"
REMOVABLE = ("tree", "inspection", "standplaats_problem")  # rows the field might delete
LOG_ENTITY = {"standplaats_problem": "standplaats_probleem"}  # as services/standplaats.py logs it
_WORDS = {"tree": "boom", "site": "plek", "inspection": "controle",
          "standplaats_problem": "standplaatsprobleem"}  # for the Dutch message
ATTEMPTS = 2  # a version clash midway: read and merge once more before giving up
SAMPLE = 50  # checked-out trees compared with the server before anything is merged


def check_in(server: str, field_file: str | Path, choices: Choices | None = None,
             progress: Callable[[float], None] = lambda _f: None,
             cancelled: Callable[[], bool] = lambda: False,
             checkpoint: Callable[[str], None] = lambda _step: None) -> CheckinResult:
    """Check `field_file` in to `server`; `checkpoint(step)` is called at "prepared", "merging"
    (server rows read), "before_commit" and "after_commit" (for fault-injection tests)."""
    check_location(field_file, must_exist=True)
    field_engine, _ = open_database(field_file)
    server_engine, server_sessions = open_database(server)
    result = CheckinResult()
    try:
        with field_engine.begin() as local:
            checkout = _checkout_row(local, field_file)
            _same_register(local, server_engine, checkout)
            authorize_field_user(server_sessions, checkout.user)
            if checkout.pending_checkin:
                result.recovered = _recover(server_engine, local, checkout.pending_checkin)
                checkout = _checkout_row(local, field_file)
        with field_engine.connect() as local:
            id_map = read_id_map(local)
            plans_input, new_added, removed = _local_state(local, id_map)
            names = _boomnummers(local)
        result.removed_in_field = [_removed_line(e, k, b, names, id_map) for e, k, b in removed]
        if not plans_input and not any(new_added.values()):
            progress(1.0)
            return result
        if cancelled():  # the last moment to stop: after this the check-in goes through
            raise Cancelled("inchecken afgebroken")
        result.checkin_id = f"{checkout.token}-{checkout.checkin_seq}"
        with field_engine.begin() as local:
            _set_pending(local, result.checkin_id)
        checkpoint("prepared")
        progress(0.2)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with server_engine.begin() as conn:
                    outcome = _write_server(conn, plans_input, new_added, copy.deepcopy(id_map),
                                            choices or {}, checkout.user, result, names, checkpoint)
                    checkpoint("before_commit")
                    conn.execute(insert(FieldCheckinRow.__table__).values(
                        id=result.checkin_id, user=checkout.user, checked_in_at=datetime.now(),
                        field_file=str(field_file), written_fields=result.fields_written,
                        inspections=result.inspections, conflicts=len(result.conflicts),
                        outcome_json=json.dumps(outcome)))
                break
            except ConcurrentEditError:
                if attempt == ATTEMPTS:
                    raise
                result = CheckinResult(result.checkin_id, recovered=result.recovered, retried=True,
                                       removed_in_field=result.removed_in_field)
        checkpoint("after_commit")
        progress(0.8)
        with field_engine.begin() as local:
            take_over(local, outcome)
        progress(1.0)
        return result
    finally:
        field_engine.dispose()
        server_engine.dispose()


def _checkout_row(local: Connection, field_file) -> FieldCheckoutRow:
    row = local.execute(select(FieldCheckoutRow.__table__)).first()
    if row is None:
        raise ValidationError("--in", f"{field_file} is geen veldkopie (niet uitgecheckt)")
    return row


def _same_register(local: Connection, server_engine, checkout) -> None:
    """Refuse a server where none of the first checked-out trees carries its boomnummer: ids
    of another register would merge field changes into the wrong trees."""
    table = FieldBaseRow.__table__
    sample = dict(local.execute(select(table.c.entity_id, table.c.values_json)
                                .where(table.c.entity == "tree").order_by(table.c.entity_id)
                                .limit(SAMPLE)).all())
    with server_engine.connect() as conn:
        theirs = TREE.rows(conn, sample)
    if sample and not any(json.loads(values).get("boomnummer") == theirs.get(key, {}).get("boomnummer")
                          for key, values in sample.items()):
        raise ValidationError("--db", f"dit is niet het register waaruit is uitgecheckt "
                                      f"({checkout.source_url}): geen van de bomen komt overeen")


def _recover(server_engine, local: Connection, pending: str) -> str:
    """Finish an interrupted check-in: when the server has it, the field file takes it over."""
    with server_engine.connect() as conn:
        stored = conn.execute(select(FieldCheckinRow.outcome_json)
                              .where(FieldCheckinRow.id == pending)).scalar()
    if stored is None:  # the server transaction never committed: start again cleanly
        _set_pending(local, "")
        return ""
    take_over(local, json.loads(stored))
    return pending


def _set_pending(local: Connection, checkin_id: str) -> None:
    local.execute(update(FieldCheckoutRow.__table__).values(pending_checkin=checkin_id))


def _local_state(local: Connection, id_map):
    """[(entity, id, base, mine, is_new)] of rows changed in the field; rows added in the field;
    [(entity, id, base)] of checked-out rows no longer in the field file (ids: the field file's)."""
    base: dict[str, dict[int, dict]] = {m.entity: {} for m in MERGED}
    known: dict[str, set[int]] = {}
    for entity, key, values in local.execute(select(FieldBaseRow.__table__)):
        known.setdefault(entity, set()).add(key)
        if entity in base and values:  # "": an inspection of an older field file (no base)
            base[entity][key] = json.loads(values)
    changed, removed = [], []
    for merged in MERGED:
        mine_rows = merged.rows(local, base[merged.entity])
        if merged.entity in REMOVABLE:
            removed.extend((merged.entity, key, base[merged.entity][key])
                           for key in sorted(set(base[merged.entity]) - set(mine_rows)))
        if merged.entity == "standplaats":  # a standplaats record made in the field
            all_keys = local.execute(select(merged.table.c.site_id)).scalars()
            mine_rows.update(merged.rows(local, set(all_keys) - set(mine_rows)))
        for key, mine in mine_rows.items():
            old = base[merged.entity].get(key)
            if old is None or local_changes(old, mine):
                changed.append((merged.entity, key, old or {}, mine, old is None))
    return changed, new_rows(local, known, id_map), removed


def _removed_line(entity: str, key: int, base: dict, names, id_map) -> ConflictLine:
    """A checked-out row deleted in the field: reported; the server keeps it."""
    number = base.get("boomnummer") or names.get((entity, key), "")
    return ConflictLine(number, entity, id_map.get(ID_OF[entity], {}).get(key, key),
                        "verwijderd in het veld", None, None, None)


def _boomnummers(local: Connection) -> dict[tuple[str, int], str]:
    names = {}
    for tree_id, site_id, number in local.execute(
            select(TREE.table.c.id, TREE.table.c.site_id, TREE.table.c.boomnummer)):
        names[("tree", tree_id)] = number
        names[("site", site_id)] = names[("standplaats", site_id)] = number
    for child, parent in ((INSPECTION, "tree"), (PROBLEM, "site")):  # named by their tree
        column = child.table.c[f"{parent}_id"]
        for key, parent_id in local.execute(select(child.table.c.id, column)):
            names[(child.entity, key)] = names.get((parent, parent_id), "")
    return names


def _write_server(conn: Connection, changed, new_added, id_map, choices: Choices, user: str,
                  result: CheckinResult, names, checkpoint) -> dict:
    reason = f"veldwerk {date.today().isoformat()}"
    now = datetime.now()
    rows_out, log = [], []
    taken, log = insert_new_rows(  # first: new sites and trees get the server ids the rest needs
        conn, new_added, id_map, names,
        lambda entity, key, name, old, new: _log_row(entity, key, name, old, new, now, user, reason),
        now, result)
    for merged in MERGED:
        mine_of = {key: (base, mine, new) for entity, key, base, mine, new in changed
                   if entity == merged.entity}
        to_server = id_map.get(ID_OF[merged.entity], {})
        server_key = {key: to_server.get(key, key) for key in mine_of}
        theirs_of = merged.rows(conn, server_key.values())
        versions = merged.versions(conn, server_key.values())
        if merged is TREE:
            checkpoint("merging")
        for key, (base, mine, is_new) in mine_of.items():
            skey = server_key[key]
            theirs = theirs_of.get(skey)
            own = {f: c for (e, k, f), c in choices.items() if (e, k) == (merged.entity, skey)}
            if is_new and theirs is None:
                conn.execute(insert(merged.table).values(
                    **merged.db_values(mine), **{merged.key: skey}, version=1, updated_at=now))
                plan = RowPlan(merged.entity, skey, dict(mine), (), dict(mine))
                theirs = dict.fromkeys(mine)
            else:
                plan = plan_row(merged.entity, skey, base, mine, theirs, own)
                if plan.writes:
                    _update(conn, merged, skey, plan, versions[skey], now)
            for name, value in plan.writes.items():
                log.append(_log_row(LOG_ENTITY.get(merged.entity, merged.entity), skey, name,
                                    theirs.get(name), value, now, user, reason))
            result.rows_written += bool(plan.writes)
            result.fields_written += len(plan.writes)
            result.conflicts.extend(
                ConflictLine(names.get((merged.entity, key), ""), merged.entity, skey, c.field,
                             c.base, c.mine, c.theirs, not plan.on_server)
                for c in plan.conflicts)
            rows_out.append({"entity": merged.entity, "id": key, "final": plan.final,
                             "mine": mine})
    if log:
        conn.execute(insert(ChangeLogRow.__table__), log)
    return {"rows": rows_out, "added": taken}


def _update(conn: Connection, merged, key: int, plan: RowPlan, version: int, now) -> None:
    values = merged.db_values(plan.writes)
    if merged is SITE and {"x", "y"} & set(values):
        values["geom"] = point_wkb(plan.final["x"], plan.final["y"])
    table = merged.table
    done = conn.execute(update(table).where(table.c[merged.key] == key, table.c.version == version)
                        .values(**values, version=version + 1, updated_at=now))
    if done.rowcount != 1:
        raise ConcurrentEditError(f"{_WORDS.get(merged.entity, merged.entity)} {key} is tijdens het "
                                  "inchecken twee keer gewijzigd; probeer het inchecken opnieuw")


def _log_row(entity, key, name, old, new, now, user, reason) -> dict:
    return {"entity": entity, "entity_id": key, "field": name, "old": as_text(old),
            "new": as_text(new), "changed_at": now, "user": user, "reason": reason}
