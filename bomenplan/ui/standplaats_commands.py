"""Undoable standplaats edits: the record of a site and its problems.

redo() calls the service with the new values, undo() with the old ones. The record's save is
version checked both ways: its first save resolves a conflict through `resolve_conflict` (the
ConflictDialog: merge or reload), undo and redo refuse to overwrite a later change by someone else.
A service error makes the command obsolete.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.errors import BomenplanError, ConcurrentEditError
from bomenplan.domain.standplaats import Standplaats, StandplaatsProblem
from bomenplan.services.conflict_targets import standplaats_target, standplaats_values
from bomenplan.services.edit_conflicts import CANCELLED, RELOADED, save_resolving
from bomenplan.services.standplaats import retract_problem, save_problem


def _tr(text: str) -> str:
    return QCoreApplication.translate("standplaats_commands", text)


class _Command(QUndoCommand):
    def __init__(self, text: str, uow_factory: Callable, on_change: Callable[[], None],
                 on_error: Callable[[str], None], user: str = ""):
        super().__init__(text)
        self.uow_factory, self.on_change, self.on_error, self.user = uow_factory, on_change, on_error, user

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except BomenplanError as exc:
            self.setObsolete(True)
            self.on_error(str(exc))
            return
        self.on_change()


class SaveStandplaatsCommand(_Command):
    """`before` is the record as the user opened it (its version is the one expected).
    `on_resolved(base, values)` hears a conflict's outcome when nothing of mine was stored, to
    open the record again: cancelled → my values on the version I opened (nothing lost; saving
    again meets the conflict again), reloaded → the stored record."""

    def __init__(self, before: Standplaats, after: Standplaats, resolve_conflict: Callable | None = None,
                 on_resolved: Callable | None = None, title: str = "", **kw):
        super().__init__(_tr("Standplaats wijzigen"), **kw)
        self.before_record, self.after_record = before, after
        values, mine = standplaats_values(before), standplaats_values(after)
        self.before = {k: v for k, v in values.items() if mine[k] != v}
        self.after = {k: mine[k] for k in self.before}
        self.version = before.version
        self.resolve_conflict, self.on_resolved = resolve_conflict, on_resolved
        self.title = title or _tr("standplaats {0}").format(before.site_id)
        self.saved = False

    def _target(self):
        return standplaats_target(self.uow_factory, self.before_record.site_id, self.title, self.user)

    def _first_save(self) -> None:
        ask = self.resolve_conflict or (lambda conflict: _refuse(conflict))
        outcome = save_resolving(self.uow_factory, self._target(), standplaats_values(self.before_record),
                                 standplaats_values(self.after_record), self.version, ask, self.user)
        if outcome.status in (CANCELLED, RELOADED) or not outcome.after:
            self.setObsolete(True)
            if self.on_resolved is not None and outcome.status == CANCELLED:
                self.on_resolved(self.before_record, self.after_record)
            elif self.on_resolved is not None and outcome.status == RELOADED:
                self.on_resolved(outcome.stored, outcome.stored)
            return
        self.before, self.after, self.version = outcome.before, outcome.after, outcome.stored.version

    def _write(self, values: dict) -> None:
        self.version = self._target().write(values, self.version).version

    def redo(self) -> None:
        self._run(self._first_save if not self.saved else lambda: self._write(self.after))
        self.saved = True

    def undo(self) -> None:
        self._run(lambda: self._write(self.before))


def _refuse(conflict):
    raise ConcurrentEditError(_tr("{0} is intussen door {1} gewijzigd").format(
        conflict.title, ", ".join(conflict.editors()) or _tr("een ander")))


class AddProblemCommand(_Command):
    def __init__(self, problem: StandplaatsProblem, **kw):
        super().__init__(_tr("Standplaatsprobleem vastleggen"), **kw)
        self.problem = problem
        self.stored_id: int | None = None

    def redo(self) -> None:
        def add():
            self.stored_id = save_problem(self.uow_factory(), self.problem.with_changes(id=None, version=0),
                                          self.user).id
        self._run(add)

    def undo(self) -> None:
        self._run(lambda: retract_problem(self.uow_factory(), self.stored_id, self.user))


class ChangeProblemCommand(_Command):
    """Version checked: `before.version` is the one the user saw; a problem someone else changed
    meanwhile is not overwritten (reported), neither by the change nor by its undo."""

    def __init__(self, before: StandplaatsProblem, after: StandplaatsProblem, **kw):
        super().__init__(_tr("Standplaatsprobleem wijzigen"), **kw)
        self.before, self.after = before, after
        self.version = before.version

    def _store(self, problem: StandplaatsProblem) -> None:
        self.version = save_problem(self.uow_factory(), problem.with_changes(version=self.version), self.user).version

    def redo(self) -> None:
        self._run(lambda: self._store(self.after))

    def undo(self) -> None:
        self._run(lambda: self._store(self.before))
