"""SQL for re-import as update: read the register's current values by key, write changed rows
and their change-log entries with raw executemany (one transaction, fast at 300k rows)."""

from __future__ import annotations

from datetime import datetime
from operator import itemgetter

import numpy as np
from sqlalchemy.orm import Session

from bomenplan.persistence.tree_repository import points_wkb

SITE_FIELDS = ("straat", "wijk", "buurt", "x", "y")
_LOG_COLUMNS = ("entity", "entity_id", "field", "old", "new", "changed_at", "user", "reason")


class SqlRegisterUpdate:
    def __init__(self, session: Session):
        self.session = session

    def _mark(self) -> str:
        return "?" if self.session.connection().dialect.paramstyle == "qmark" else "%s"

    def current(self, key: str, fields: tuple[str, ...]) -> dict[str, np.ndarray]:
        """id, site_id, the key, x, y and `fields` of every tree, as object arrays (ordered by id)."""
        names = ("id", "site_id", key, "x", "y", *(f for f in fields if f not in (key, "x", "y")))
        sql = ("SELECT " + ", ".join(("s." if n in SITE_FIELDS else "t.") + n for n in names)
               + " FROM tree t JOIN site s ON s.id = t.site_id ORDER BY t.id")
        rows = self.session.connection().exec_driver_sql(sql).fetchall()
        out = {}
        for j, name in enumerate(names):
            column = np.empty(len(rows), dtype=object)
            column[:] = list(map(itemgetter(j), rows))
            out[name] = column
        return out

    def apply(self, tree_ids: list[int], tree_values: dict[str, list], site_ids: list[int],
              site_values: dict[str, list], log: list[tuple], user: str, reason: str) -> None:
        """UPDATE the given trees and sites (version + 1) and add `log` rows
        (entity, entity_id, field, old, new) to change_log; runs in the session's transaction."""
        conn = self.session.connection()
        mark = self._mark()
        sqlite = conn.dialect.name == "sqlite"
        now = datetime.now()
        stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else now
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            if sqlite and not conn.connection.dbapi_connection.in_transaction:
                cursor.execute("BEGIN")
            if tree_ids and tree_values:
                cursor.executemany(_update_sql("tree", list(tree_values), mark),
                                   zip(*tree_values.values(), [stamp] * len(tree_ids), tree_ids,
                                       strict=True))
            if site_ids and site_values:
                values = dict(site_values)
                if "x" in values:
                    values["geom"] = points_wkb(np.asarray(values["x"], dtype=float),
                                                np.asarray(values["y"], dtype=float))
                cursor.executemany(_update_sql("site", list(values), mark),
                                   zip(*values.values(), [stamp] * len(site_ids), site_ids,
                                       strict=True))
            if log:
                columns = ", ".join('"user"' if c == "user" else c for c in _LOG_COLUMNS)
                sql = (f"INSERT INTO change_log ({columns}) "
                       f"VALUES ({', '.join([mark] * len(_LOG_COLUMNS))})")
                cursor.executemany(sql, [(*entry, stamp, user, reason) for entry in log])
        finally:
            cursor.close()


def _update_sql(table: str, columns: list[str], mark: str) -> str:
    sets = ", ".join(f"{c} = {mark}" for c in columns)
    return (f"UPDATE {table} SET {sets}, version = version + 1, updated_at = {mark} "
            f"WHERE id = {mark}")
