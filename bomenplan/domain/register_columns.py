"""The register as column arrays, for whole-city work (table, map, statistics, analyses).

300k Tree objects cost seconds to build; numpy columns cost milliseconds (PERF-ANCHORS §1, §6).
Row i of every column describes the same tree.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from bomenplan.domain.tree import Tree

# Column name → numpy dtype ("O" = Python str objects).
COLUMN_TYPES: dict[str, str] = {
    "id": "i8", "site_id": "i8", "x": "f8", "y": "f8",
    "boomnummer": "O", "species_name": "O", "genus": "O", "plantjaar": "i4",
    "hoogteklasse": "O", "stamdiameter_cm": "f4", "boomveiligheidsklasse": "O",
    "beheertype": "O", "status": "O", "beleidsstatus": "O", "eigenaar": "O",
    "straat": "O", "wijk": "O", "buurt": "O", "boomgroep": "O",
}
MISSING_YEAR = 0  # plantjaar unknown


@dataclass
class RegisterColumns:
    id: np.ndarray
    site_id: np.ndarray
    x: np.ndarray
    y: np.ndarray
    boomnummer: np.ndarray
    species_name: np.ndarray
    genus: np.ndarray
    plantjaar: np.ndarray
    hoogteklasse: np.ndarray
    stamdiameter_cm: np.ndarray
    boomveiligheidsklasse: np.ndarray
    beheertype: np.ndarray
    status: np.ndarray
    beleidsstatus: np.ndarray
    eigenaar: np.ndarray
    straat: np.ndarray
    wijk: np.ndarray
    buurt: np.ndarray
    boomgroep: np.ndarray  # laanboom / solitair / boomweide / onbekend

    def __len__(self) -> int:
        return len(self.id)

    @classmethod
    def empty(cls) -> RegisterColumns:
        return cls(**{name: np.empty(0, dtype=dt) for name, dt in COLUMN_TYPES.items()})

    @classmethod
    def from_lists(cls, data: dict[str, list]) -> RegisterColumns:
        arrays = {}
        for name, dt in COLUMN_TYPES.items():
            values = data[name]
            if dt == "O":
                arr = np.empty(len(values), dtype=object)
                arr[:] = [v if v is not None else "" for v in values]
            elif dt == "i4":
                arr = np.array([v or MISSING_YEAR for v in values], dtype=dt)
            elif dt == "f4":
                arr = np.array([np.nan if v is None else v for v in values], dtype=dt)
            else:
                arr = np.asarray(values, dtype=dt)
            arrays[name] = arr
        return cls(**arrays)

    @classmethod
    def from_trees(cls, trees: list[Tree]) -> RegisterColumns:
        data: dict[str, list] = {name: [] for name in COLUMN_TYPES}
        for t in trees:
            row = tree_row(t)
            for name in COLUMN_TYPES:
                data[name].append(row[name])
        return cls.from_lists(data)

    def index_of(self, tree_id: int) -> int | None:
        hits = np.flatnonzero(self.id == tree_id)
        return int(hits[0]) if len(hits) else None

    def set_row(self, i: int, tree: Tree) -> None:
        row = tree_row(tree)
        for f in fields(self):
            value = row[f.name]
            if f.name == "plantjaar":
                value = value or MISSING_YEAR
            elif f.name == "stamdiameter_cm" and value is None:
                value = np.nan
            getattr(self, f.name)[i] = "" if value is None and COLUMN_TYPES[f.name] == "O" else value

    def append(self, tree: Tree) -> int:
        """Append one tree; returns its row. O(n) — used for single interactive additions."""
        extra = RegisterColumns.from_trees([tree])
        for f in fields(self):
            setattr(self, f.name, np.concatenate([getattr(self, f.name), getattr(extra, f.name)]))
        return len(self) - 1

    def remove(self, i: int) -> None:
        """Remove row i (later rows shift up). O(n) — for single interactive removals."""
        for f in fields(self):
            setattr(self, f.name, np.delete(getattr(self, f.name), i))


FIRST_STAGE_FIELDS = ("id", "site_id", "x", "y", "species_name", "genus", "status")


class FirstStageColumns(RegisterColumns):
    """Stage 1 of the two-stage register read: id, position, species, genus and status of every
    tree (the map and its colours) plus every field of the first rows (the first table screen).
    The other fields hold placeholders ("", unknown year, NaN) until the full read replaces them.
    `stage_codes[field]` = (code per row, text per code) as read, so nobody factorises again."""

    stage_codes: dict[str, tuple[np.ndarray, list[str]]]

    @classmethod
    def build(cls, first: dict[str, np.ndarray], head: RegisterColumns,
              stage_codes: dict[str, tuple[np.ndarray, list[str]]] | None = None) -> FirstStageColumns:
        n = len(first["id"])
        head_fits = len(head) <= n and np.array_equal(head.id, first["id"][:len(head)])
        arrays = {}
        for name, dt in COLUMN_TYPES.items():
            if name in FIRST_STAGE_FIELDS:
                arrays[name] = first[name]
                continue
            fill = "" if dt == "O" else MISSING_YEAR if name == "plantjaar" else np.nan
            arrays[name] = np.full(n, fill, dtype=dt)
            if head_fits:
                arrays[name][:len(head)] = getattr(head, name)
        columns = cls(**arrays)
        columns.stage_codes = stage_codes or {}
        return columns


def tree_row(t: Tree) -> dict:
    from bomenplan.domain.species import genus_of

    return {
        "id": t.id if t.id is not None else -1, "site_id": t.site_id if t.site_id is not None else -1,
        "x": t.position.x, "y": t.position.y, "boomnummer": t.boomnummer,
        "species_name": t.species_name, "genus": genus_of(t.species_name),
        "plantjaar": t.plantjaar, "hoogteklasse": str(t.hoogteklasse),
        "stamdiameter_cm": t.stamdiameter_cm, "boomveiligheidsklasse": str(t.boomveiligheidsklasse),
        "beheertype": str(t.beheertype), "status": str(t.status), "beleidsstatus": str(t.beleidsstatus),
        "eigenaar": t.eigenaar, "straat": t.straat, "wijk": t.wijk, "buurt": t.buurt,
        "boomgroep": str(t.boomgroep),
    }
