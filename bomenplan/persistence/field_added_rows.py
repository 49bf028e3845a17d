"""Rows the field only adds (inspections, standplaats problems): at check-in each one not yet known
to the server is inserted once, under its tree or site; one whose tree or site is gone from the
server is listed as a conflict instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, insert, select

from bomenplan.domain.field_work import CheckinResult, ConflictLine
from bomenplan.persistence.field_rows import INSPECTION_TABLE, SITE, TREE, MergedTable
from bomenplan.persistence.tables_standplaats import StandplaatsProblemRow


@dataclass(frozen=True)
class AddedTable:
    entity: str  # as in field_base and the check-in outcome
    table: Table
    parent: str  # the column naming the tree or site
    parent_table: MergedTable
    log_field: str
    describe: Callable[[dict], str]


ADDED = (
    AddedTable("inspection", INSPECTION_TABLE, "tree_id", TREE, "controle",
               lambda r: f"{r['datum']} {r['inspecteur']}"),
    AddedTable("standplaats_problem", StandplaatsProblemRow.__table__, "site_id", SITE,
               "standplaatsprobleem", lambda r: f"{r['datum']} {r['type']}"),
)


def new_rows(local: Connection, known: dict[str, set[int]]) -> dict[str, list[dict]]:
    """{entity: rows of the field file the checkout did not bring and no check-in took yet}."""
    return {added.entity: [dict(r._mapping) for r in local.execute(select(added.table))
                           if r.id not in known.get(added.entity, set())]
            for added in ADDED}


def insert_new_rows(conn: Connection, new: dict[str, list[dict]], names, log_row,
                    now, result: CheckinResult) -> tuple[dict[str, list[int]], list[dict]]:
    """Insert them on the server; returns ({entity: field-file ids taken}, change-log rows)."""
    taken: dict[str, list[int]] = {}
    log: list[dict] = []
    for added in ADDED:
        rows = new.get(added.entity, [])
        parent_entity = added.parent_table.entity
        stored = set(added.parent_table.versions(conn, {r[added.parent] for r in rows}))
        taken[added.entity] = []
        for row in rows:
            if row[added.parent] not in stored:
                result.conflicts.append(ConflictLine(
                    names.get((parent_entity, row[added.parent]), ""), added.entity, row["id"],
                    added.log_field, None, added.describe(row), None, True))
                continue
            values = {k: v for k, v in row.items() if k != "id"} | {"version": 1, "updated_at": now}
            conn.execute(insert(added.table).values(**values))
            log.append(log_row(parent_entity, row[added.parent], added.log_field, "",
                               added.describe(row)))
            taken[added.entity].append(row["id"])
    result.inspections = len(taken["inspection"])
    result.problems = len(taken["standplaats_problem"])
    return taken, log
