"""Rows added in the field (issue 15 §4): trees with their sites, inspections, standplaats problems.

At check-in each one that no check-in took yet is inserted once on the server, with a new server id,
under its (server) site or tree; the field file then records field id → server id (`field_id_map`),
so a later edit of that row in the same copy checks in as an update. A new tree whose boomnummer the
server already has goes in with a suffix ("A12-veld", "A12-veld2" …) and is reported, so nothing is
lost and no boomnummer is shared. A row whose tree or site is gone from the server is listed as a
conflict instead (never inserted under nothing).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from bomenplan.domain.field_work import CheckinResult, ConflictLine
from bomenplan.persistence.field_rows import (
    INSPECTION,
    PROBLEM,
    SITE,
    TREE,
    MergedTable,
    chunks,
    full_rows,
    to_json,
)
from bomenplan.persistence.tables_field import FieldIdMapRow

CLASH_SUFFIX = "-veld"
IdMap = dict[str, dict[int, int]]  # entity → {field id: server id}


@dataclass(frozen=True)
class AddedTable:
    merged: MergedTable
    parent: str  # the column naming the tree or site ("" for a site)
    parent_entity: str
    log_field: str
    describe: Callable[[dict], str]


ADDED = (  # in this order: a tree needs its site's server id, an inspection its tree's
    AddedTable(SITE, "", "", "", lambda r: f"{r['x']:.2f}, {r['y']:.2f}"),
    AddedTable(TREE, "site_id", "site", "aangemaakt", lambda r: r["boomnummer"]),
    AddedTable(INSPECTION, "tree_id", "tree", "controle", lambda r: f"{r['datum']} {r['inspecteur']}"),
    AddedTable(PROBLEM, "site_id", "site", "standplaatsprobleem", lambda r: f"{r['datum']} {r['type']}"),
)


def read_id_map(local: Connection) -> IdMap:
    found: IdMap = {added.merged.entity: {} for added in ADDED}
    for entity, field_id, server_id in local.execute(select(FieldIdMapRow.__table__)):
        found.setdefault(entity, {})[field_id] = server_id
    return found


def new_rows(local: Connection, known: dict[str, set[int]], id_map: IdMap) -> dict[str, list[dict]]:
    """{entity: rows of the field file the checkout did not bring and no check-in took yet}."""
    found = {}
    for added in ADDED:
        entity, table = added.merged.entity, added.merged.table
        taken = known.get(entity, set()) | set(id_map.get(entity, {}))
        fresh = [i for i in local.execute(select(table.c.id)).scalars() if i not in taken]
        found[entity] = sorted(full_rows(local, table, "id", fresh), key=lambda r: r["id"])
    return found


def insert_new_rows(conn: Connection, new: dict[str, list[dict]], id_map: IdMap, names, log_row,
                    now, result: CheckinResult) -> tuple[dict[str, list], list[dict]]:
    """Insert them on the server (`id_map` gains their server ids); returns
    ({entity: [[field id, server id, values]]}, change-log rows)."""
    taken: dict[str, list] = {}
    log: list[dict] = []
    numbers = _Boomnummers(conn, [r["boomnummer"] for r in new.get("tree", [])])
    for added in ADDED:
        merged, rows = added.merged, new.get(added.merged.entity, [])
        parents = id_map.get(added.parent_entity, {})
        stored = set()
        if added.parent:
            parent_table = SITE if added.parent_entity == "site" else TREE
            stored = set(parent_table.versions(conn, {parents.get(r[added.parent], r[added.parent])
                                                      for r in rows}))
        taken[merged.entity] = []
        for row in rows:
            values = {k: v for k, v in row.items() if k != "id"} | {"version": 1, "updated_at": now}
            parent_id = None
            if added.parent:
                parent_id = parents.get(row[added.parent], row[added.parent])
                if parent_id not in stored:
                    result.conflicts.append(ConflictLine(
                        names.get((added.parent_entity, row[added.parent]), ""), merged.entity,
                        row["id"], added.log_field, None, added.describe(row), None, True))
                    continue
                values[added.parent] = parent_id
            if merged is TREE:
                values["boomnummer"] = numbers.free(row["boomnummer"])
                if values["boomnummer"] != row["boomnummer"]:
                    result.renamed.append((row["boomnummer"], values["boomnummer"]))
            server_id = conn.execute(insert(merged.table).values(**values)).inserted_primary_key[0]
            id_map.setdefault(merged.entity, {})[row["id"]] = server_id
            log.extend(_log_lines(added, row, values, server_id, parent_id, new, log_row))
            plain = json.loads(to_json({f: values[f] for f in merged.fields}))
            taken[merged.entity].append([row["id"], server_id, plain])
    result.trees_added = len(taken["tree"])
    result.inspections = len(taken["inspection"])
    result.problems = len(taken["standplaats_problem"])
    return taken, log


def _log_lines(added: AddedTable, row: dict, values: dict, server_id: int, parent_id, new, log_row):
    if added.merged is SITE:
        return []  # a new site is logged with its tree ("aangemaakt")
    if added.merged is TREE:
        lines = [log_row("tree", server_id, "aangemaakt", "", values["boomnummer"])]
        if values["boomnummer"] != row["boomnummer"]:
            lines.append(log_row("tree", server_id, "boomnummer", row["boomnummer"],
                                 values["boomnummer"]))
        if row["site_id"] not in {s["id"] for s in new.get("site", [])}:  # replanted on a known site
            lines.append(log_row("site", parent_id, "herplant", "", values["boomnummer"]))
        return lines
    return [log_row(added.parent_entity, parent_id, added.log_field, "", added.describe(row))]


class _Boomnummers:
    """Boomnummers in use on the server (plus those given out in this check-in)."""

    def __init__(self, conn: Connection, wanted: list[str]):
        self.conn, self.given = conn, set()
        column = TREE.table.c.boomnummer
        self.clashing = {n for chunk in chunks(sorted(set(wanted)))  # one query for the usual case
                         for n in conn.execute(select(column).where(column.in_(chunk))).scalars()}

    def _taken(self, number: str) -> bool:
        if number in self.given or number in self.clashing:
            return True
        if CLASH_SUFFIX not in number:
            return False  # not in the server's answer above
        column = TREE.table.c.boomnummer
        return self.conn.execute(select(column).where(column == number).limit(1)).first() is not None

    def free(self, number: str) -> str:
        candidate, n = number, 1
        while self._taken(candidate):
            candidate = f"{number}{CLASH_SUFFIX}{'' if n == 1 else n}"
            n += 1
        self.given.add(candidate)
        return candidate
