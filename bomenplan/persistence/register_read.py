"""Reading the register as columns with a raw DBAPI cursor (no ORM or Row objects).

`read_columns`: everything, in one pass. `read_first_stage`: what the map and the first table
screen need (ids, x/y, species, genus, status of every tree; every field of the first rows),
about a third of the full read's cost on Amsterdam's 300k; the rest follows in the background.
"""

from __future__ import annotations

from operator import itemgetter

import numpy as np

from bomenplan.domain.register_columns import FirstStageColumns, RegisterColumns
from bomenplan.domain.species import genus_of

HEAD_ROWS = 200  # rows read in full in stage 1: more than one table screen
_SEP = "\x1f"  # unit separator: never part of a register text
_PLAIN_COLUMNS = ("id", "site_id", "x", "y", "boomnummer", "plantjaar", "stamdiameter_cm")
_PACKED_A = ("species_name", "hoogteklasse", "boomveiligheidsklasse", "beheertype", "status",
             "beleidsstatus", "eigenaar", "boomgroep")
_PACKED_B = ("straat", "wijk", "buurt")
_CHUNK = 50_000


def _packed(alias: str, names: tuple[str, ...]) -> str:
    return f" || '{_SEP}' || ".join(f"COALESCE({alias}.{n}, '')" for n in names)


_COLUMNS_SQL = (
    "SELECT t.id, t.site_id, s.x, s.y, COALESCE(t.boomnummer, ''), t.plantjaar, t.stamdiameter_cm, "
    f"{_packed('t', _PACKED_A)}, {_packed('s', _PACKED_B)} "
    "FROM tree t JOIN site s ON s.id = t.site_id ORDER BY t.id"
)
_FIRST_STAGE_SQL = (
    "SELECT t.id, t.site_id, s.x, s.y, COALESCE(t.species_name, ''), COALESCE(t.status, '') "
    "FROM tree t JOIN site s ON s.id = t.site_id ORDER BY t.id"
)


def read_first_stage(cursor, head_rows: int = HEAD_ROWS) -> FirstStageColumns:
    """Numbers go straight into float arrays; species and status become codes into their few
    distinct texts (one dict lookup per row, one str object per distinct value)."""
    numbers: list[np.ndarray] = []
    codes: dict[str, list[int]] = {"species_name": [], "status": []}
    index: dict[str, dict[str, int]] = {"species_name": {}, "status": {}}
    try:
        cursor.execute(_FIRST_STAGE_SQL)
        while chunk := cursor.fetchmany(_CHUNK):
            numbers.append(np.array([row[:4] for row in chunk], dtype=float).reshape(-1, 4))
            for j, name in ((4, "species_name"), (5, "status")):
                values, seen = list(map(itemgetter(j), chunk)), index[name]
                for value in dict.fromkeys(values):
                    seen.setdefault(value, len(seen))
                codes[name].extend(map(seen.__getitem__, values))
        head = read_columns(cursor, limit=head_rows)
    finally:
        cursor.close()
    table = np.concatenate(numbers) if numbers else np.zeros((0, 4))
    first = {"id": table[:, 0].astype(np.int64), "site_id": table[:, 1].astype(np.int64),
             "x": table[:, 2].copy(), "y": table[:, 3].copy()}
    row_codes = {name: np.array(codes[name], dtype=np.int32) for name in codes}
    distinct = {name: list(index[name]) for name in index}
    distinct["genus"] = [genus_of(name) for name in distinct["species_name"]]
    row_codes["genus"] = row_codes["species_name"]
    for name in distinct:
        first[name] = _decode(distinct[name], row_codes[name])
    stage_codes = {name: (row_codes[name], distinct[name]) for name in distinct}
    return FirstStageColumns.build(first, head, stage_codes)


def _decode(distinct: list[str], row_codes: np.ndarray) -> np.ndarray:
    values = np.empty(len(distinct), dtype=object)
    values[:] = distinct
    return values[row_codes] if len(row_codes) else np.empty(0, dtype=object)


_REST_PLAIN = ("id", "boomnummer", "plantjaar", "stamdiameter_cm")
_REST_PACKED_A = tuple(n for n in _PACKED_A if n not in ("species_name", "status"))
_REST_SQL = (
    "SELECT t.id, COALESCE(t.boomnummer, ''), t.plantjaar, t.stamdiameter_cm, "
    f"{_packed('t', _REST_PACKED_A)}, {_packed('s', _PACKED_B)} "
    "FROM tree t JOIN site s ON s.id = t.site_id ORDER BY t.id"
)


def read_columns(cursor, limit: int | None = None) -> RegisterColumns:
    """The whole register (or its first `limit` rows) as columns. Few-valued text fields
    travel packed into two strings per row and are split once per distinct combination, so
    300k rows cost ~9 Python values each instead of 17, and equal texts share one str object
    (~200 MB less). Closes the cursor only when it reads everything."""
    sql = _COLUMNS_SQL if limit is None else f"{_COLUMNS_SQL} LIMIT {int(limit)}"
    arrays = _read(cursor, sql, _PLAIN_COLUMNS, (_PACKED_A, _PACKED_B), close=limit is None)
    if not len(arrays["id"]):
        return RegisterColumns.empty()
    return RegisterColumns(**arrays)


def read_rest(cursor) -> dict[str, np.ndarray]:
    """Stage 2: id and every field stage 1 left as a placeholder, per row in id order."""
    return _read(cursor, _REST_SQL, _REST_PLAIN, (_REST_PACKED_A, _PACKED_B), close=True)


def _read(cursor, sql: str, plain_names: tuple[str, ...], packed_groups: tuple, close: bool) -> dict:
    codes: list[list[int]] = [[] for _ in packed_groups]
    combos: list[dict[str, int]] = [{} for _ in packed_groups]
    plain: dict[str, list] = {name: [] for name in plain_names}
    try:
        cursor.execute(sql)
        while chunk := cursor.fetchmany(_CHUNK):  # itemgetter: 3.5x faster than zip(*chunk)
            for j, name in enumerate(plain_names):
                plain[name].extend(map(itemgetter(j), chunk))
            for g, j in enumerate(range(len(plain_names), len(plain_names) + len(packed_groups))):
                values = list(map(itemgetter(j), chunk))
                index = combos[g]
                for packed in dict.fromkeys(values):
                    index.setdefault(packed, len(index))
                codes[g].extend(map(index.__getitem__, values))
    finally:
        if close:
            cursor.close()
    n = len(plain["id"])
    arrays = {"id": np.array(plain["id"], dtype=np.int64)}
    for name in plain_names:
        if name in ("site_id",):
            arrays[name] = np.array(plain[name], dtype=np.int64)
        elif name in ("x", "y"):
            arrays[name] = np.array(plain[name], dtype=float)
        elif name == "plantjaar":
            arrays[name] = np.nan_to_num(np.array(plain[name], dtype=float)).astype(np.int32)
        elif name == "stamdiameter_cm":
            arrays[name] = np.array(plain[name], dtype=float).astype(np.float32)
        elif name == "boomnummer":
            arrays[name] = np.empty(n, dtype=object)
            arrays[name][:] = plain[name]
    shared: dict[str, str] = {}
    for g, fields in enumerate(packed_groups):
        parts = [[shared.setdefault(p, p) for p in packed.split(_SEP)] for packed in combos[g]]
        row_codes = np.array(codes[g], dtype=np.int32)
        for j, name in enumerate(fields):
            arrays[name] = _decode([p[j] for p in parts], row_codes)
        if "species_name" in fields:  # genus from the species name, once per distinct name
            genus = {name: genus_of(name) for name in {p[0] for p in parts}}
            arrays["genus"] = _decode([genus[p[0]] for p in parts], row_codes)
    return arrays
