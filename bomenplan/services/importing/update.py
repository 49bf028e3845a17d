"""Re-import as update: match file rows to register trees on a key (boomnummer by default).

Preview counts: new / changed (per field) / unchanged / duplicate key in the file / register
trees missing from the file / keys the register itself holds more than once (ambiguous).
Rules (README "Opnieuw importeren"):
- only fields the file maps are compared and written; the position always (≥ 1 cm differs);
- a key that occurs more than once in the file cannot be matched to one tree: those rows are
  refused (with file and line numbers) unless the user imports them as separate new trees;
- trees missing from the file are counted, never deleted;
- changes go through the change log, all in one transaction with the new trees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from bomenplan.services.import_batch import ImportBatch
from bomenplan.services.importing.blank_cells import blank_rows

POSITION_TOLERANCE_M = 0.01
MATCH_RADIUS_M = 0.5  # repeated keys: the same tree when within this distance
KEY_FIELDS = ("boomnummer", "straat", "eigenaar", "opmerkingen")  # tree texts usable as key
_ALWAYS_MAPPED = ("x", "y")
_DERIVED = {"species_name": ("species_name", "dutch_name"), "species_id": ("species_name", "dutch_name"),
            "stamdiameter_cm": ("stamdiameter_cm", "stamomtrek_cm"), "status": ("status", "beheertype"),
            "nvtb_waarde_cent": ("nvtb_waarde_eur",)}
_NUMERIC = ("plantjaar", "stamdiameter_cm", "kroondiameter_m", "nvtb_waarde_cent", "species_id", "x", "y")
_COMPARABLE = ("species_name", "species_id", "plantjaar", "hoogteklasse", "stamdiameter_cm",
               "kroondiameter_m", "boomveiligheidsklasse", "beheertype", "status", "beleidsstatus",
               "omgevingsrisicoklasse", "eigenaar", "beheerder", "straat", "wijk", "buurt",
               "opmerkingen", "nvtb_waarde_cent", "x", "y")


@dataclass
class UpdatePlan:
    key: str
    new_rows: np.ndarray  # batch indices that become new trees
    changed_rows: np.ndarray  # batch indices matched to a tree with at least one difference
    changed_ids: np.ndarray  # the matched trees' ids, same order
    changed_site_ids: np.ndarray
    unchanged: int = 0
    duplicates: dict[str, list[int]] = field(default_factory=dict)  # key → file lines
    copies: dict[int, int] = field(default_factory=dict)  # batch row → earlier row, same key+place
    duplicates_as_new: bool = False
    missing_from_file: int = 0
    field_changes: dict[str, int] = field(default_factory=dict)  # field → changed trees
    fields: tuple[str, ...] = ()
    log: list[tuple] = field(default_factory=list)  # ("tree", id, field, old, new)
    values: dict[str, np.ndarray] = field(default_factory=dict)  # field → value per changed row
    blanks_ignored: int = 0  # empty cells that kept a different stored value

    @property
    def duplicate_rows(self) -> int:
        return sum(len(lines) for lines in self.duplicates.values())

    def summary_lines(self, source_name: str = "") -> list[str]:
        copy_fate = "als aparte nieuwe bomen toegevoegd" if self.duplicates_as_new else "geweigerd"
        lines = [f"bijwerken op sleutel: {self.key}",
                 f"nieuw: {len(self.new_rows)}",
                 f"gewijzigd: {len(self.changed_rows)}"
                 + (" (" + ", ".join(f"{k}: {v}" for k, v in self.field_changes.items()) + ")"
                    if self.field_changes else ""),
                 f"ongewijzigd: {self.unchanged}",
                 f"dubbel in bestand: {self.duplicate_rows} rijen delen {len(self.duplicates)} "
                 f"{self.key}s (gekoppeld op nummer en plaats); op dezelfde plaats herhaald: "
                 f"{len(self.copies)} ({copy_fate})",
                 f"niet in bestand: {self.missing_from_file} bomen (blijven staan)",
                 f"{self.blanks_ignored} lege cellen genegeerd (opgeslagen waarde blijft; "
                 "'<leeg>' in een cel of 'lege cel wist' wist een waarde)"]
        lines += duplicate_lines(self.duplicates, source_name, self.key)
        return lines


def duplicate_lines(duplicates: dict[str, list[int]], source_name: str, key: str,
                    limit: int = 5) -> list[str]:
    """Dutch lines naming file and line numbers of the first duplicate keys."""
    out = [f"  {source_name}: {key} {value!r} staat op regels "
           + ", ".join(str(n) for n in lines[:10]) + (" …" if len(lines) > 10 else "")
           for value, lines in list(duplicates.items())[:limit]]
    if len(duplicates) > limit:
        out.append(f"  … en nog {len(duplicates) - limit} dubbele {key}s")
    return out


def compared_fields(mapping_fields: dict[str, str | None]) -> tuple[str, ...]:
    """The register fields the file really provides (unmapped fields keep their stored value)."""
    out = []
    for name in _COMPARABLE:
        sources = _DERIVED.get(name, (name,))
        if name in _ALWAYS_MAPPED or any(mapping_fields.get(s) for s in sources):
            out.append(name)
    return tuple(out)


def find_duplicates(keys: list[str], lines: np.ndarray) -> dict[str, list[int]]:
    """Keys that occur more than once, with the file lines of every occurrence."""
    first: dict[str, int] = {}
    dupes: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        j = first.setdefault(k, i)
        if j != i:
            dupes.setdefault(k, [int(lines[j])]).append(int(lines[i]))
    return dupes


def _groups(keys: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        out.setdefault(k, []).append(i)
    return out


def match_rows(keys: list[str], x: np.ndarray, y: np.ndarray, register_keys: list[str],
               rx: np.ndarray, ry: np.ndarray) -> tuple[list[int], list[int], list[int], dict]:
    """(matched file rows, their register rows, new rows, copies: row → row it repeats).

    A key found once in the file and at most once in the register matches directly (a moved
    tree is a change). Keys repeated on either side match by place: each row takes the
    nearest tree with that key within MATCH_RADIUS_M. A repeated key at the same place as an
    earlier row of the file is a copy (a true duplicate)."""
    register = _groups(register_keys)
    matched_i, matched_j, new, copies = [], [], [], {}
    for key, rows in _groups(keys).items():
        trees = register.get(key, [])
        if len(rows) == 1 and len(trees) <= 1:
            if trees:
                matched_i.append(rows[0])
                matched_j.append(trees[0])
            else:
                new.append(rows[0])
            continue
        free = list(trees)
        kept: list[int] = []
        for i in rows:
            twin = next((k for k in kept if _near(x[i], y[i], x[k], y[k])), None)
            if twin is not None:
                copies[i] = twin
                continue
            kept.append(i)
            dist = [np.hypot(rx[j] - x[i], ry[j] - y[i]) for j in free]
            best = int(np.argmin(dist)) if dist else -1
            if best >= 0 and dist[best] <= MATCH_RADIUS_M:
                matched_i.append(i)
                matched_j.append(free.pop(best))
            else:
                new.append(i)
    return matched_i, matched_j, sorted(new), copies


def _near(xa, ya, xb, yb) -> bool:
    return bool(np.hypot(xa - xb, ya - yb) <= MATCH_RADIUS_M)


def plan_update(batch: ImportBatch, current: dict[str, np.ndarray], key: str,
                fields: tuple[str, ...], duplicates_as_new: bool = False,
                clear_empty: bool = False) -> UpdatePlan:
    """Compare the batch to the register's `current` columns (id, site_id, key, x, y, fields).
    An empty cell keeps the stored value unless `clear_empty` (blank_cells.py)."""
    keys = batch.text[key]
    lines = batch.lines if batch.lines is not None else np.arange(2, len(keys) + 2)
    rx = np.asarray(current["x"], dtype=float)
    ry = np.asarray(current["y"], dtype=float)
    matched_i, matched_j, new, copies = match_rows(keys, batch.x, batch.y,
                                                   current[key].tolist(), rx, ry)
    if duplicates_as_new:
        new = sorted(new + list(copies))
    missing = len(current["id"]) - len(matched_j)
    mi, mj = np.array(matched_i, dtype=np.int64), np.array(matched_j, dtype=np.int64)
    changed_any = np.zeros(len(mi), dtype=bool)
    per_field: dict[str, np.ndarray] = {}
    values: dict[str, np.ndarray] = {}
    ignored = 0
    for name in fields:
        new_values = _batch_column(batch, name)[mi]
        old_values = current[name][mj]
        differs = _differs(old_values, new_values, name in _NUMERIC)
        if not clear_empty and name not in _ALWAYS_MAPPED:
            keep = blank_rows(batch.blank, _DERIVED.get(name, (name,)), len(batch))[mi]
            ignored += int(np.count_nonzero(keep & differs))
            new_values[keep] = old_values[keep]
            differs &= ~keep
        values[name] = new_values
        if name in ("x", "y"):
            continue_ = per_field.setdefault("positie", np.zeros(len(mi), dtype=bool))
            continue_ |= differs
        elif differs.any():
            per_field[name] = differs
        changed_any |= differs
    log = []
    for name, differs in per_field.items():
        rows = np.flatnonzero(differs)
        ids = current["id"][mj[rows]].tolist()
        if name == "positie":
            old = [f"{a:.2f}, {b:.2f}" for a, b in zip(current["x"][mj[rows]], current["y"][mj[rows]],
                                                      strict=True)]
            new_text = [f"{a:.2f}, {b:.2f}" for a, b in zip(batch.x[mi[rows]], batch.y[mi[rows]],
                                                           strict=True)]
        else:
            old = [_text(v) for v in current[name][mj[rows]]]
            new_text = [_text(v) for v in values[name][rows]]
        log += [("tree", i, name, o, n) for i, o, n in zip(ids, old, new_text, strict=True)]
    rows = np.flatnonzero(changed_any)
    return UpdatePlan(
        key=key, new_rows=np.array(new, dtype=np.int64), changed_rows=mi[rows],
        changed_ids=current["id"][mj[rows]].astype(np.int64),
        changed_site_ids=current["site_id"][mj[rows]].astype(np.int64),
        unchanged=int(len(mi) - len(rows)), duplicates=find_duplicates(keys, lines), copies=copies,
        duplicates_as_new=duplicates_as_new, missing_from_file=missing,
        field_changes={k: int(v.sum()) for k, v in per_field.items() if v.any()},
        fields=fields, log=log, values={k: v[rows] for k, v in values.items()},
        blanks_ignored=ignored)


def _batch_column(batch: ImportBatch, name: str) -> np.ndarray:
    if name in ("x", "y"):
        return getattr(batch, name)
    values = batch.text[name] if name in batch.text else batch.numbers[name]
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


def _differs(old: np.ndarray, new: np.ndarray, numeric: bool) -> np.ndarray:
    if not numeric:
        return np.array([a != b for a, b in zip(old.tolist(), new.tolist(), strict=True)], dtype=bool)
    a = np.array([np.nan if v is None else v for v in old.tolist()], dtype=float)
    b = np.array([np.nan if v is None else v for v in new.tolist()], dtype=float)
    both_missing = np.isnan(a) & np.isnan(b)
    with np.errstate(invalid="ignore"):
        close = np.abs(a - b) < POSITION_TOLERANCE_M
    return ~(both_missing | close)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
