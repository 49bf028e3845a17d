"""Check-in of offline field work (issue 15 §4): what to do with one checked-out row.

For every row the field worker changed, `plan_row` merges field by field (`edit_merge`):
base = the values at checkout, mine = the field file now, theirs = the server now. Changes only
the field made are written; changes only the office made are kept (and come back to the field
file); both changed one field differently → a conflict that keeps the server value until someone
chooses. A tree that was removed, or felled (gekapt, stobbe …), on the server meanwhile is never
silently brought back: each field change to it is a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bomenplan.domain.edit_merge import FieldConflict, three_way_merge

MINE, THEIRS = "mine", "theirs"
LIVING_STATUS = "levend"


@dataclass(frozen=True)
class FieldScope:
    """What goes out: a wijk, a buurt, a rectangle (x0, y0, x1, y1 in RD New) or tree ids."""

    wijk: str = ""
    buurt: str = ""
    area: tuple[float, float, float, float] | None = None
    tree_ids: tuple[int, ...] = ()

    def describe(self) -> str:
        if self.tree_ids:
            return f"{len(self.tree_ids)} gekozen bomen"
        if self.area:
            return "gebied " + ", ".join(f"{v:.0f}" for v in self.area)
        return f"wijk {self.wijk}" if self.wijk else f"buurt {self.buurt}"


@dataclass(frozen=True)
class CheckoutResult:
    path: str
    trees: int
    inspections: int
    map_features: int


@dataclass(frozen=True)
class ConflictLine:
    boomnummer: str
    entity: str
    entity_id: int
    field: str
    base: Any
    mine: Any
    theirs: Any
    removed: bool = False  # the row no longer exists on the server


@dataclass
class CheckinResult:
    checkin_id: str = ""
    rows_written: int = 0
    fields_written: int = 0
    inspections: int = 0
    problems: int = 0  # standplaats problems added in the field
    trees_added: int = 0  # trees added in the field, now on the server
    conflicts: list[ConflictLine] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (field boomnummer, server's)
    removed_in_field: list[ConflictLine] = field(default_factory=list)  # kept on the server
    retried: bool = False  # a version clash midway: read and merged again once
    recovered: str = ""  # id of an interrupted check-in whose field-file part was completed now


@dataclass(frozen=True)
class RowPlan:
    entity: str
    entity_id: int
    writes: dict[str, Any]  # to write on top of the server's row
    conflicts: tuple[FieldConflict, ...]  # still unresolved; the server value stays
    final: dict[str, Any]  # the value of every settled field after the write
    on_server: bool = True

    @property
    def settled(self) -> bool:
        return not self.conflicts


def local_changes(base: Mapping[str, Any], mine: Mapping[str, Any]) -> dict[str, Any]:
    """Fields whose field-file value differs from the checked-out value."""
    return {name: value for name, value in mine.items() if base.get(name) != value}


def _felled_meanwhile(entity: str, base: Mapping[str, Any], theirs: Mapping[str, Any]) -> bool:
    return (entity == "tree" and theirs.get("status") != base.get("status")
            and theirs.get("status") != LIVING_STATUS)


def plan_row(entity: str, entity_id: int, base: Mapping[str, Any], mine: Mapping[str, Any],
             theirs: Mapping[str, Any] | None,
             choices: Mapping[str, str] | None = None) -> RowPlan:
    """Plan one row's check-in; `choices` maps a conflicting field to MINE or THEIRS."""
    choices = choices or {}
    if theirs is None:
        return _removed_on_server(entity, entity_id, base, mine, choices)
    result = three_way_merge(base, mine, theirs)
    conflicts = list(result.conflicts)
    applied = set(result.mine_applied)
    if _felled_meanwhile(entity, base, theirs):
        for name in sorted(applied):
            conflicts.append(FieldConflict(name, base.get(name), mine[name], theirs.get(name)))
        applied.clear()
        if "status" not in {c.field for c in conflicts} and local_changes(base, mine):
            conflicts.append(FieldConflict("status", base.get("status"), mine.get("status"),
                                           theirs.get("status")))
    writes = {name: result.merged[name] for name in applied}
    open_conflicts = []
    for conflict in conflicts:
        choice = choices.get(conflict.field)
        if choice == MINE:
            writes[conflict.field] = conflict.mine
        elif choice != THEIRS:
            open_conflicts.append(conflict)
    open_names = {c.field for c in open_conflicts}
    final = {name: writes.get(name, value) for name, value in theirs.items()
             if name not in open_names}
    return RowPlan(entity, entity_id, writes, tuple(open_conflicts), final)


def _removed_on_server(entity: str, entity_id: int, base: Mapping[str, Any],
                       mine: Mapping[str, Any], choices: Mapping[str, str]) -> RowPlan:
    """The row is gone from the server: nothing can be written; choosing THEIRS drops the
    field change (the field file takes the checked-out value back)."""
    open_conflicts, final = [], {}
    for name, value in sorted(local_changes(base, mine).items()):
        if choices.get(name) == THEIRS:
            final[name] = base.get(name)
        else:
            open_conflicts.append(FieldConflict(name, base.get(name), value, None))
    return RowPlan(entity, entity_id, {}, tuple(open_conflicts), final, on_server=False)
