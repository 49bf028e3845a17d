"""What field work copies and merges: the tables, their key and their mergeable columns, and
reading rows of them as plain {column: value} dicts (the same on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, select

from bomenplan.persistence.tables import InspectionRow, SiteRow, TreeRow
from bomenplan.persistence.tables_standplaats import StandplaatsProblemRow, StandplaatsRow

CHUNK = 900  # ids per IN (...) list: below SQLite's old 999 parameter limit
_BOOKKEEPING = {"version", "updated_at"}


class MergedTable:
    def __init__(self, entity: str, table: Table, key: str, skip: Iterable[str] = ()):
        self.entity, self.table, self.key = entity, table, key
        self.fields = tuple(c.name for c in table.columns
                            if c.name not in _BOOKKEEPING | {key, "geom"} | set(skip))
        self._dates = {c.name: type(c.type) for c in table.columns
                       if isinstance(c.type, (Date, DateTime)) and c.name in self.fields}

    def db_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """Plain values (dates as ISO text, as the merge base keeps them) as the table takes them."""
        out = dict(values)
        for name, kind in self._dates.items():
            if isinstance(out.get(name), str):
                parse = datetime.fromisoformat if kind is DateTime else date.fromisoformat
                out[name] = parse(out[name])
        return out

    def rows(self, conn: Connection, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """{key: {field: value}} of the rows with these keys that exist."""
        columns = [self.table.c[self.key], *(self.table.c[f] for f in self.fields)]
        found: dict[int, dict[str, Any]] = {}
        for chunk in chunks(ids):
            for row in conn.execute(select(*columns).where(self.table.c[self.key].in_(chunk))):
                values = row._asdict()
                for name in self._dates:  # compared with the JSON base: as ISO text
                    if values[name] is not None:
                        values[name] = values[name].isoformat()
                found[values.pop(self.key)] = values
        return found

    def versions(self, conn: Connection, ids: Iterable[int]) -> dict[int, int]:
        key, version = self.table.c[self.key], self.table.c.version
        found: dict[int, int] = {}
        for chunk in chunks(ids):
            found.update((k, v) for k, v in conn.execute(select(key, version).where(key.in_(chunk))))
        return found


TREE = MergedTable("tree", TreeRow.__table__, "id", skip=("site_id",))
SITE = MergedTable("site", SiteRow.__table__, "id")
STANDPLAATS = MergedTable("standplaats", StandplaatsRow.__table__, "site_id")
INSPECTION = MergedTable("inspection", InspectionRow.__table__, "id", skip=("tree_id",))
PROBLEM = MergedTable("standplaats_problem", StandplaatsProblemRow.__table__, "id", skip=("site_id",))
MERGED = (TREE, SITE, STANDPLAATS, INSPECTION, PROBLEM)
ID_OF = {"tree": "tree", "site": "site", "standplaats": "site", "inspection": "inspection",
         "standplaats_problem": "standplaats_problem"}  # whose field id → server id map applies
INSPECTION_TABLE: Table = InspectionRow.__table__
FIELD_NAMES = {"site": {"x": "positie x", "y": "positie y"}}  # how a report names a column


def chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def full_rows(conn: Connection, table: Table, column: str, ids: Iterable[int]) -> list[dict]:
    """Every column of the rows whose `column` is in `ids`."""
    found: list[dict] = []
    for chunk in chunks(ids):
        found.extend(dict(r._mapping) for r in conn.execute(
            select(table).where(table.c[column].in_(chunk))))
    return found


def to_json(values: dict[str, Any]) -> str:
    return json.dumps(values, default=_plain, sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} kan niet als veldwerk-basis worden bewaard")


def as_text(value: Any) -> str:
    """A value as the change log and the conflict report show it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e6 else f"{value:.2f}"
    return str(value)
