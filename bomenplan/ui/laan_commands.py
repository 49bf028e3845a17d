"""Undoable lanen decisions: accept / reject a proposal, record a replanting choice.

Each command calls a service in redo() and its inverse in undo(); `on_change()` lets the
lanen screen refresh. A service error is reported and makes the command obsolete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.laan import Laan, LaanStatus
from bomenplan.domain.replant_criteria import LaanSite
from bomenplan.domain.replanting import ReplantOption
from bomenplan.services.laan_sites import set_laan_site
from bomenplan.services.lanen import edit_laan, record_choice, retract_choice, set_status


def _tr(text: str) -> str:
    return QCoreApplication.translate("laan_commands", text)


class _LaanCommand(QUndoCommand):
    def __init__(self, text: str, uow_factory: Callable, on_change: Callable[[], None],
                 on_error: Callable[[str], None], user: str = "",
                 on_stored: Callable[[Laan], None] | None = None):
        super().__init__(text)
        self.uow_factory = uow_factory
        self.on_change = on_change
        self.on_error = on_error
        self.user = user  # goes with every change into the change log
        self.on_stored = on_stored or (lambda _laan: None)  # the laan as stored (new version)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except BomenplanError as exc:
            self.setObsolete(True)
            self.on_error(str(exc))
            return
        self.on_change()


class SetLaanStatusCommand(_LaanCommand):
    """`version` is the laan's version as the user saw it: a laan someone else changed
    meanwhile is not overwritten (ConcurrentEditError, reported)."""

    def __init__(self, laan_id: int, old: LaanStatus, new: LaanStatus, version: int | None = None,
                 **kw):
        label = {LaanStatus.GEACCEPTEERD: _tr("Laan accepteren"),
                 LaanStatus.AFGEWEZEN: _tr("Laan afwijzen")}.get(new, _tr("Laanstatus wijzigen"))
        super().__init__(label, **kw)
        self.laan_id, self.old, self.new = laan_id, old, new
        self.version = version

    def _set(self, status: LaanStatus) -> None:
        stored = set_status(self.uow_factory(), self.laan_id, status, self.user,
                            expected_version=self.version)
        self.version = stored.version
        self.on_stored(stored)

    def redo(self) -> None:
        self._run(lambda: self._set(self.new))

    def undo(self) -> None:
        self._run(lambda: self._set(self.old))


class RecordChoiceCommand(_LaanCommand):
    def __init__(self, laan_id: int, option: ReplantOption, rationale: str,
                 gap_index: int | None = None, **kw):
        super().__init__(_tr("Herplantkeuze vastleggen"), **kw)
        self.laan_id, self.option, self.rationale = laan_id, option, rationale
        self.gap_index = gap_index
        self.choice = None

    def redo(self) -> None:
        def step():
            self.choice = record_choice(self.uow_factory(), self.laan_id, self.option,
                                        self.rationale, self.user, self.gap_index)
        self._run(step)

    def undo(self) -> None:
        if self.choice is not None:
            self._run(lambda: retract_choice(self.uow_factory(), self.choice, self.user))


class EditLaanCommand(_LaanCommand):
    """Change a laan's attributes or row lines; undo restores the previous laan."""

    def __init__(self, before: Laan, after: Laan, text: str | None = None, **kw):
        super().__init__(text or _tr("Laan wijzigen"), **kw)
        self.before, self.after = before, after
        self.version = before.version

    def _store(self, laan: Laan) -> None:
        stored = edit_laan(self.uow_factory(), replace(laan, version=self.version), self.user)
        self.version = stored.version
        self.on_stored(stored)

    def redo(self) -> None:
        self._run(lambda: self._store(self.after))

    def undo(self) -> None:
        self._run(lambda: self._store(self.before))


class SetLaanSiteCommand(_LaanCommand):
    """Mark a laan monumental or near a play area/school; undo restores the previous facts."""

    def __init__(self, before: LaanSite, after: LaanSite, **kw):
        super().__init__(_tr("Locatie van de laan wijzigen"), **kw)
        self.before, self.after = before, after

    def redo(self) -> None:
        self._run(lambda: set_laan_site(self.uow_factory(), self.after))

    def undo(self) -> None:
        self._run(lambda: set_laan_site(self.uow_factory(), self.before))
