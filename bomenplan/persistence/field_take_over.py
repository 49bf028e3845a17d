"""The field file's half of a check-in (issue 15 §4): it takes over the outcome the server stored
with the check-in. Settled fields get the server's value as new base (and as value, unless edited
again since); rows added in the field get their server id mapped and their server values as base."""

from __future__ import annotations

import json

from sqlalchemy import Connection, bindparam, insert, select, update

from bomenplan.persistence.field_rows import MERGED, SITE, chunks, to_json
from bomenplan.persistence.mappers import point_wkb
from bomenplan.persistence.tables_field import FieldBaseRow, FieldCheckoutRow, FieldIdMapRow

_BY_ENTITY = {m.entity: m for m in MERGED}


def take_over(local: Connection, outcome: dict) -> None:
    """The field file takes the check-in's outcome: settled fields get the server's value as
    new base (and as value, unless edited again since); added rows become known."""
    base_table = FieldBaseRow.__table__
    for merged in MERGED:
        rows = {r["id"]: r for r in outcome["rows"] if r["entity"] == merged.entity}
        stored = _stored_base(local, merged.entity, rows)
        current_rows = merged.rows(local, rows)
        new_base, changed_base = [], []
        for key, row in rows.items():
            base = dict(stored.get(key) or {})
            current = current_rows.get(key, {})
            updates = {}
            for name, value in row["final"].items():
                base[name] = value
                if name in current and current[name] == row["mine"].get(name) != value:
                    updates[name] = value
            target = changed_base if key in stored else new_base
            target.append({"entity": merged.entity, "entity_id": key, "values_json": to_json(base)})
            if updates and current:
                _update_field_row(local, merged, key, current, updates)
        if new_base:
            local.execute(insert(base_table), new_base)
        if changed_base:
            local.execute(update(base_table).where(
                base_table.c.entity == bindparam("b_entity"),
                base_table.c.entity_id == bindparam("b_id")).values(
                values_json=bindparam("b_json")),
                [{"b_entity": b["entity"], "b_id": b["entity_id"], "b_json": b["values_json"]}
                 for b in changed_base])
    take_over_added(local, outcome["added"])
    checkout = FieldCheckoutRow.__table__
    local.execute(update(checkout).values(pending_checkin="",
                                          checkin_seq=checkout.c.checkin_seq + 1))


def take_over_added(local: Connection, added: dict) -> None:
    """Rows added in the field: their server values become the base, their server id is mapped,
    and what the server gave them (a boomnummer with a suffix) comes back into the field file."""
    base, mapped = [], []
    for entity, items in added.items():
        merged = _BY_ENTITY[entity]
        for item in items:
            if isinstance(item, int):  # outcome of an older version: known, no base
                base.append({"entity": entity, "entity_id": item, "values_json": ""})
                continue
            field_id, server_id, values = item
            base.append({"entity": entity, "entity_id": field_id, "values_json": to_json(values)})
            mapped.append({"entity": entity, "field_id": field_id, "server_id": server_id})
            current = merged.rows(local, [field_id]).get(field_id)
            updates = {f: v for f, v in values.items() if current and current.get(f) != v}
            if updates:
                _update_field_row(local, merged, field_id, current, updates)
    if base:
        local.execute(insert(FieldBaseRow.__table__), base)
    if mapped:
        local.execute(insert(FieldIdMapRow.__table__), mapped)


def _stored_base(local: Connection, entity: str, keys) -> dict[int, dict]:
    table = FieldBaseRow.__table__
    found = {}
    for chunk in chunks(keys):
        for key, values in local.execute(select(table.c.entity_id, table.c.values_json).where(
                table.c.entity == entity, table.c.entity_id.in_(chunk))):
            found[key] = json.loads(values) if values else {}
    return found


def _update_field_row(local: Connection, merged, key: int, current: dict, updates: dict) -> None:
    if merged is SITE and {"x", "y"} & set(updates):
        updates["geom"] = point_wkb(updates.get("x", current["x"]), updates.get("y", current["y"]))
    local.execute(update(merged.table).where(merged.table.c[merged.key] == key)
                  .values(**merged.db_values(updates)))
