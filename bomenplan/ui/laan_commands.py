"""Undoable lanen decisions: accept / reject a proposal, record a replanting choice.

Each command calls a service in redo() and its inverse in undo(); `on_change()` lets the
lanen screen refresh. A service error is reported and makes the command obsolete. A laan edit or
status decision that meets a newer version asks `resolve_conflict` (the ConflictDialog: merge or
reload); `on_resolved(before, mine)` hears a cancelled one, so the edit can be opened again.
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
from bomenplan.services.conflict_targets import laan_target, laan_values
from bomenplan.services.edit_conflicts import CANCELLED, RELOADED, SaveOutcome, save_resolving
from bomenplan.services.laan_sites import set_laan_site
from bomenplan.services.lanen import edit_laan, record_choice, retract_choice, set_status


def _tr(text: str) -> str:
    return QCoreApplication.translate("laan_commands", text)


class _LaanCommand(QUndoCommand):
    def __init__(self, text: str, uow_factory: Callable, on_change: Callable[[], None],
                 on_error: Callable[[str], None], user: str = "",
                 on_stored: Callable[[Laan], None] | None = None, resolve_conflict: Callable | None = None,
                 on_resolved: Callable | None = None):
        super().__init__(text)
        self.resolve_conflict, self.on_resolved = resolve_conflict, on_resolved
        self.saved = False
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

    def _save_resolving(self, laan_id: int, base: dict, mine: dict, version: int, name: str = "") -> SaveOutcome:
        """The first save: merge or reload on a conflict; obsolete when nothing of mine was stored."""
        target = laan_target(self.uow_factory, laan_id, _tr("laan {0}").format(name or laan_id), self.user)
        outcome = save_resolving(self.uow_factory, target, base, mine, version, self.resolve_conflict, self.user)
        if outcome.stored is not None:
            self.on_stored(outcome.stored)
        if outcome.status in (CANCELLED, RELOADED) or not outcome.after:
            self.setObsolete(True)
        return outcome


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

    def _first_set(self) -> None:
        outcome = self._save_resolving(self.laan_id, {"status": self.old}, {"status": self.new}, self.version)
        if not self.isObsolete():
            self.old, self.version = outcome.before["status"], outcome.stored.version

    def redo(self) -> None:
        first = not self.saved and self.resolve_conflict is not None and self.version is not None
        self._run(self._first_set if first else lambda: self._set(self.new))
        self.saved = True

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

    def _first_store(self) -> None:
        outcome = self._save_resolving(self.before.id, laan_values(self.before), laan_values(self.after),
                                       self.version, self.before.name)
        if outcome.status == CANCELLED and self.on_resolved is not None:
            self.on_resolved(self.before, self.after)
        if self.isObsolete():
            return
        self.before = replace(outcome.stored, **outcome.before)  # what was stored just before my save
        self.after, self.version = outcome.stored, outcome.stored.version

    def redo(self) -> None:
        first = not self.saved and self.resolve_conflict is not None
        self._run(self._first_store if first else lambda: self._store(self.after))
        self.saved = True

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
