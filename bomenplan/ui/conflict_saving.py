"""A save that may meet a newer version, run on the window's serial database pool (bomenbank
trees, work orders). The job captures plain data only (the conflict target: factory, id, user);
a conflict comes back as plain data and the ConflictDialog is asked on the GUI thread; a merge
runs the next save on the pool again (services/edit_conflicts.py does the same synchronously)."""

from __future__ import annotations

from collections.abc import Callable

from bomenplan.domain.edit_merge import resolve
from bomenplan.domain.errors import BomenplanError, ConcurrentEditError
from bomenplan.services.edit_conflicts import (
    CANCELLED,
    MERGED,
    RELOAD,
    RELOADED,
    SAVED,
    ConflictTarget,
    EditConflict,
    SaveOutcome,
    describe_conflict,
    record_rejected,
)


def _attempt(uow_factory: Callable, target: ConflictTarget, base: dict, mine: dict, version: int,
             status: str, current, rejected: tuple | None, user: str):
    def job(_progress, _cancelled):
        try:
            if rejected is not None:
                record_rejected(uow_factory(), target, rejected[0], rejected[1], user)
            changes = {k: v for k, v in mine.items() if base.get(k) != v}
            if not changes:  # a merge that kept every stored value
                return SaveOutcome(status, current)
            stored = target.write(changes, version)
            return SaveOutcome(status, stored, {k: base.get(k) for k in changes}, changes)
        except ConcurrentEditError:
            return describe_conflict(uow_factory(), target, base, mine, version)
        except BomenplanError as exc:
            return str(exc)
    return job


def save_resolving_later(run_task: Callable, uow_factory: Callable, target: ConflictTarget, base: dict,
                         mine: dict, version: int, ask: Callable, on_done: Callable, label: str,
                         user: str = "", status: str = SAVED, current=None, rejected: tuple | None = None) -> None:
    """Write what `mine` changed from `base`, expecting `version`; on a conflict `ask(conflict)`
    (on the GUI thread). `on_done` gets a SaveOutcome, or the Dutch message of a refused save."""
    def done(result) -> None:
        if not isinstance(result, EditConflict):
            on_done(result)
            return
        resolution = ask(result)
        if resolution is None:
            on_done(SaveOutcome(CANCELLED, None))
        elif resolution.action == RELOAD:
            on_done(SaveOutcome(RELOADED, result.current))
        else:
            merged = resolve(result.merge, resolution.choices)
            save_resolving_later(run_task, uow_factory, target, dict(result.theirs), {**result.theirs, **merged},
                                 result.current_version, ask, on_done, label, user, MERGED, result.current,
                                 (result, dict(resolution.choices)))

    run_task(_attempt(uow_factory, target, dict(base), dict(mine), version, status, current, rejected, user),
             done, label)
