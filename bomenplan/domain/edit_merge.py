"""Three-way merge of one record's fields (issue 15): used when a save meets a newer version
(two users on one tree) and when field work comes back (check-in).

`base` is what the editor started from, `mine` what the editor wants, `theirs` what is stored now.
A field only one side changed takes that side's value; a field both changed to the same value is
no conflict; a field both changed to different values is a conflict, and keeps `theirs` in the
merged record until someone chooses. Nothing is silently lost: every conflict is listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    merged: dict[str, Any]
    mine_applied: tuple[str, ...] = ()  # fields where my change goes in
    theirs_kept: tuple[str, ...] = ()  # fields the other side changed (and I did not)
    conflicts: tuple[FieldConflict, ...] = field(default_factory=tuple)

    @property
    def clean(self) -> bool:
        return not self.conflicts

    def my_changes(self) -> dict[str, Any]:
        """What still has to be written on top of `theirs` (without conflicting fields)."""
        return {name: self.merged[name] for name in self.mine_applied}


_MISSING = object()


def three_way_merge(base: Mapping[str, Any], mine: Mapping[str, Any],
                    theirs: Mapping[str, Any]) -> MergeResult:
    """Merge field by field; fields missing from a side count as unchanged on that side."""
    merged: dict[str, Any] = dict(theirs)
    mine_applied: list[str] = []
    theirs_kept: list[str] = []
    conflicts: list[FieldConflict] = []
    for name in sorted(set(base) | set(mine) | set(theirs)):
        old = base.get(name, _MISSING)
        new_mine = mine.get(name, old)
        new_theirs = theirs.get(name, old)
        i_changed = new_mine != old
        they_changed = new_theirs != old
        if i_changed and they_changed:
            if new_mine != new_theirs:
                conflicts.append(FieldConflict(name, _plain(old), new_mine, new_theirs))
            continue
        if i_changed:
            merged[name] = new_mine
            mine_applied.append(name)
        elif they_changed:
            theirs_kept.append(name)
        if merged.get(name, _MISSING) is _MISSING:
            merged.pop(name, None)
    return MergeResult(merged, tuple(mine_applied), tuple(theirs_kept), tuple(conflicts))


def resolve(result: MergeResult, choices: Mapping[str, str]) -> dict[str, Any]:
    """The changes to write on top of `theirs` once every conflict has a choice ("mine" or
    "theirs"); raises KeyError naming an unresolved field."""
    changes = result.my_changes()
    for conflict in result.conflicts:
        choice = choices[conflict.field]
        if choice == "mine":
            changes[conflict.field] = conflict.mine
        elif choice != "theirs":
            raise ValueError(f"{conflict.field}: kies 'mine' of 'theirs', niet {choice!r}")
    return changes


def _plain(value: Any) -> Any:
    return None if value is _MISSING else value
