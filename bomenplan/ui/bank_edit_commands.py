"""Undoable hand edits of the bomenbank and the transplantiefonds. Like the planting commands,
the service calls run on the window's serial database pool; the jobs capture plain data only (the
unit-of-work factory, domain values, a plain dict carrying ids from redo to undo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.bomenbank import BankTree
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.fund_ledger import LedgerEntry, Obligation
from bomenplan.services import bank_edits as edits
from bomenplan.services import bomenbank as svc

Step = Callable[[dict], None]  # a service call; reads and writes the plain box


def _tr(text: str) -> str:
    return QCoreApplication.translate("bank_edit_commands", text)


def _job(step: Step, box: dict):
    def job(_progress, _cancelled):
        try:
            step(box)
        except BomenplanError as exc:
            return str(exc)
        return None
    return job


class ServiceCommand(QUndoCommand):
    """redo runs `do`, undo runs `undo`, each on the pool; `on_change(error or None)` follows.
    With `done=True` the first redo is skipped: the step already ran (a refusable delete)."""

    def __init__(self, text: str, run_task: Callable, do: Step, undo: Step,
                 on_change: Callable[[str | None], None], box: dict | None = None, done: bool = False):
        super().__init__(text)
        self.run_task, self.do, self.undo_step, self.on_change = run_task, do, undo, on_change
        self.box, self.skip_redo = box if box is not None else {}, done

    def redo(self) -> None:
        if self.skip_redo:
            self.skip_redo = False
            return
        self.run_task(_job(self.do, self.box), self.on_change, self.text())

    def undo(self) -> None:
        self.run_task(_job(self.undo_step, self.box), self.on_change, _tr("Ongedaan maken: ") + self.text())


def add_bank_tree(factory, run_task, draft: BankTree, on_change, user: str = "") -> ServiceCommand:
    def do(box):
        box["id"] = svc.add_bank_tree(factory(), draft, user).id

    def undo(box):
        svc.delete_bank_tree(factory(), box.pop("id"))
    return ServiceCommand(_tr("Bankboom %1 toevoegen").replace("%1", draft.code), run_task, do, undo, on_change)


def saved_bank_edit(factory, run_task, outcome, on_change, user: str = "") -> ServiceCommand:
    """Pushed after a first save that resolved a conflict (ui/conflict_saving.py): redo writes the
    stored values again, undo puts back the fields this save changed."""
    after = outcome.stored
    before = replace(after, **outcome.before)

    def do(_box):
        edits.edit_bank_tree(factory(), after, user)

    def undo(_box):
        edits.restore_bank_tree(factory(), before, user)
    return ServiceCommand(_tr("Bankboom %1 wijzigen").replace("%1", after.code), run_task, do, undo,
                          on_change, done=True)


def set_bank_status(factory, run_task, tree: BankTree, expire: bool, on_change, user: str = "") -> ServiceCommand:
    def do(box):
        box["before"] = _get(factory, tree.id)
        if expire:
            svc.set_expired(factory(), tree.id, user)
        else:
            edits.set_available(factory(), tree.id, user)

    def undo(box):
        edits.restore_bank_tree(factory(), box["before"], user)
    text = _tr("Bankboom %1 vervallen") if expire else _tr("Bankboom %1 weer beschikbaar")
    return ServiceCommand(text.replace("%1", tree.code), run_task, do, undo, on_change)


def _get(factory, bank_id: int) -> BankTree:
    uow = factory()
    with uow:
        return uow.bank.get(bank_id)


def delete_job(factory, bank_id: int, box: dict):
    """The first delete, run before the command is pushed: refused → the Dutch message."""
    def step(b):
        b["tree"] = _get(factory, bank_id)
        svc.delete_bank_tree(factory(), bank_id)
    return _job(step, box)


def deleted_bank_tree(factory, run_task, box: dict, on_change) -> ServiceCommand:
    """Pushed after delete_job succeeded; undo brings the tree back (with a new id)."""
    def do(b):
        svc.delete_bank_tree(factory(), b["tree"].id)

    def undo(b):
        b["tree"] = svc.add_bank_tree(factory(), replace(b["tree"], id=None, version=0))
    return ServiceCommand(_tr("Bankboom %1 verwijderen").replace("%1", box["tree"].code), run_task, do, undo,
                          on_change, box, done=True)


def book(factory, run_task, entry: LedgerEntry, on_change, user: str = "") -> ServiceCommand:
    def do(box):
        box["id"] = edits.book(factory(), entry, user).id

    def undo(box):
        edits.unbook(factory(), box.pop("id"), user)
    return ServiceCommand(_tr("Boeking %1 € %2").replace("%1", str(entry.kind)).replace("%2", str(entry.amount)),
                          run_task, do, undo, on_change)


def add_obligation(factory, run_task, duty: Obligation, on_change, user: str = "") -> ServiceCommand:
    def do(box):
        box["id"] = edits.add_obligation(factory(), duty, user).id

    def undo(box):
        edits.remove_obligation(factory(), box.pop("id"), user)
    return ServiceCommand(_tr("Herplantplicht %1").replace("%1", duty.location), run_task, do, undo, on_change)


def fulfil_obligation(factory, run_task, duty: Obligation, on: date, on_change, user: str = "") -> ServiceCommand:
    def do(_box):
        edits.set_obligation(factory(), edits.fulfilled(duty, on), user)

    def undo(_box):
        edits.set_obligation(factory(), duty, user)
    return ServiceCommand(_tr("Herplantplicht %1 vervuld").replace("%1", duty.location), run_task, do, undo,
                          on_change)
