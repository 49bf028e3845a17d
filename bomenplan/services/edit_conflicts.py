"""Save conflicts (issue 15 §2): a save that meets a newer version is not lost and does not
overwrite the other user's work. It shows what the other user changed (change log entries since
the editor's version, and the row as stored now) and lets the user reload or merge field by field
(domain/edit_merge.py); a merged save can meet a newer version again, so saving loops.

The UI passes `ask(conflict) -> Resolution | None` (a dialog); None means cancel: nothing is
written and the editor keeps its values. Everything here is plain data, so it is tested without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from bomenplan.domain.edit_merge import MergeResult, resolve, three_way_merge
from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.tree import FieldChange
from bomenplan.services.clock import now_text

MERGE, RELOAD = "merge", "reload"
SAVED, MERGED, RELOADED, CANCELLED = "saved", "merged", "reloaded", "cancelled"
REJECTED_REASON = "samenvoegen: eigen waarde {0} niet opgeslagen, opgeslagen waarde behouden"


def plain_text(value: Any) -> str:
    """A value as the change log writes it."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return "; ".join(plain_text(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class ConflictTarget:
    """How to read, compare and write one entity; `write(changes, version)` stores `changes` on top
    of the stored row and raises ConcurrentEditError when the stored version is not `version`."""

    entity: str
    entity_id: int
    title: str  # "boom 12-034" as the dialog names it
    read: Callable[[Any], Any]  # uow (entered) → the stored domain object
    values: Callable[[Any], dict]  # domain object → {field: value}
    write: Callable[[dict, int], Any]
    text: Callable[[Any], str] = plain_text
    log_fields: Mapping[str, str] = field(default_factory=dict)  # value name → change log field name


@dataclass(frozen=True)
class EditConflict:
    entity: str
    entity_id: int
    title: str
    base_version: int
    current_version: int
    base: dict  # what the editor started from
    mine: dict  # what the editor wants
    theirs: dict  # what is stored now
    merge: MergeResult
    their_changes: tuple[FieldChange, ...]  # change log since base_version, oldest first
    current: Any  # the stored domain object
    log_fields: Mapping[str, str] = field(default_factory=dict)

    def changed_by_them(self) -> tuple[str, ...]:
        """Fields whose stored value differs from the editor's starting value."""
        return tuple(k for k in self.theirs if self.base.get(k) != self.theirs[k])

    def last_change(self, name: str) -> FieldChange | None:
        """The newest change log entry of `name` since the editor's version (who, when)."""
        logged = self.log_fields.get(name, name)
        return next((c for c in reversed(self.their_changes) if c.field == logged), None)

    def editors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.user or "onbekend" for c in self.their_changes))


@dataclass(frozen=True)
class Resolution:
    action: str  # MERGE or RELOAD
    choices: Mapping[str, str] = field(default_factory=dict)  # conflicting field → "mine"/"theirs"


@dataclass(frozen=True)
class SaveOutcome:
    status: str  # SAVED, MERGED, RELOADED or CANCELLED
    stored: Any  # the domain object as stored now (None when cancelled)
    before: dict = field(default_factory=dict)  # written fields just before this save (for undo)
    after: dict = field(default_factory=dict)  # the values written


def changes_since(uow, entity: str, entity_id: int, version: int) -> list[FieldChange]:
    """Change log entries of one entity made after `version`, oldest first."""
    with uow:
        return uow.changes.since_version(entity, entity_id, version)


def describe_conflict(uow, target: ConflictTarget, base: Mapping, mine: Mapping,
                      base_version: int) -> EditConflict:
    with uow:
        current = target.read(uow)
        their_changes = tuple(uow.changes.since_version(target.entity, target.entity_id, base_version))
    stored = target.values(current)
    names = [k for k in stored if k in base or k in mine]
    theirs = {k: stored[k] for k in names}
    return EditConflict(target.entity, target.entity_id, target.title, base_version, current.version,
                        dict(base), dict(mine), theirs, three_way_merge(base, mine, theirs),
                        their_changes, current, target.log_fields)


def record_rejected(uow, target: ConflictTarget, conflict: EditConflict, choices: Mapping[str, str],
                    user: str = "") -> list[FieldChange]:
    """Where the user kept the stored value over their own, the change log keeps their value:
    field, their own value → the stored value, with the reason. Nothing is silently lost."""
    log = [FieldChange(target.entity, target.entity_id, c.field, target.text(c.mine), target.text(c.theirs),
                       now_text(), user, REJECTED_REASON.format(target.text(c.mine)),
                       conflict.current_version)
           for c in conflict.merge.conflicts if choices.get(c.field) == "theirs"]
    if log:
        with uow:
            uow.changes.record(log)
            uow.commit()
    return log


def save_resolving(uow_factory: Callable, target: ConflictTarget, base: Mapping, mine: Mapping,
                   version: int, ask: Callable[[EditConflict], Resolution | None],
                   user: str = "") -> SaveOutcome:
    """Write the fields where `mine` differs from `base`, expecting `version`. When someone else
    saved first: ask; reload gives the stored object, merge writes my changes on top of theirs
    (choices for fields both changed) and tries again with the new version; cancel writes nothing."""
    status, current = SAVED, None
    base, mine = dict(base), dict(mine)
    while True:
        changes = {k: v for k, v in mine.items() if base.get(k) != v}
        try:
            if not changes:  # e.g. a merge that kept every stored value: nothing left to write
                return SaveOutcome(status, current if current is not None else target.write({}, version))
            stored = target.write(changes, version)
            return SaveOutcome(status, stored, {k: base.get(k) for k in changes}, changes)
        except ConcurrentEditError:
            conflict = describe_conflict(uow_factory(), target, base, mine, version)
        resolution = ask(conflict)
        if resolution is None:
            return SaveOutcome(CANCELLED, None)
        if resolution.action == RELOAD:
            return SaveOutcome(RELOADED, conflict.current)
        merged = resolve(conflict.merge, resolution.choices)
        record_rejected(uow_factory(), target, conflict, resolution.choices, user)
        status, current, version = MERGED, conflict.current, conflict.current_version
        base, mine = dict(conflict.theirs), {**conflict.theirs, **merged}
