"""Undoable standplaats edits: the record of a site and its problems.

redo() calls the service with the new values, undo() with the old ones (the stored version is
read again, so undo works after a redo bumped it). A service error makes the command obsolete.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.standplaats import Standplaats, StandplaatsProblem
from bomenplan.services.standplaats import (
    get_standplaats,
    problems,
    retract_problem,
    save_problem,
    save_standplaats,
)


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
    def __init__(self, before: Standplaats, after: Standplaats, **kw):
        super().__init__(_tr("Standplaats wijzigen"), **kw)
        self.before, self.after = before, after

    def _store(self, record: Standplaats) -> None:
        current = get_standplaats(self.uow_factory(), record.site_id)
        save_standplaats(self.uow_factory(), record.with_changes(version=current.version), self.user)

    def redo(self) -> None:
        self._run(lambda: self._store(self.after))

    def undo(self) -> None:
        self._run(lambda: self._store(self.before))


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
    def __init__(self, before: StandplaatsProblem, after: StandplaatsProblem, **kw):
        super().__init__(_tr("Standplaatsprobleem wijzigen"), **kw)
        self.before, self.after = before, after

    def _store(self, problem: StandplaatsProblem) -> None:
        current = next(p for p in problems(self.uow_factory(), problem.site_id) if p.id == problem.id)
        save_problem(self.uow_factory(), problem.with_changes(version=current.version), self.user)

    def redo(self) -> None:
        self._run(lambda: self._store(self.after))

    def undo(self) -> None:
        self._run(lambda: self._store(self.before))
