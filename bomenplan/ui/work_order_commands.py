"""Undoable work-order actions: toewijzen, starten, gereed melden, vervallen.

The service calls run on the main window's serial write pool. A job captures plain data only (the
uow factory, the order as a frozen dataclass, values, a plain dict `box` carrying the stored
version from redo to undo); the stored order comes back on the GUI thread through `on_change`.
undo() puts the fields from before back (the stored version guards against someone else's edit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.work_orders import WorkOrder
from bomenplan.services import work_orders as svc
from bomenplan.services.edit_conflicts import MERGED, SAVED, SaveOutcome
from bomenplan.services.record_conflict_targets import work_order_target, work_order_values
from bomenplan.ui.conflict_saving import save_resolving_later


def _tr(text: str) -> str:
    return QCoreApplication.translate("work_order_commands", text)


def _action(kind: str, values: dict) -> Callable:
    """The service call for `kind`, given the uow, the order as read, and the user."""
    if kind == "assign":
        return lambda uow, order, user: svc.assign_contractor(uow, order, values["aannemer"],
                                                              values.get("due_date"), user)
    if kind == "start":
        return lambda uow, order, user: svc.start_work_order(uow, order, user)
    if kind == "close":
        return lambda uow, order, user: svc.close_work_order(uow, order, values["on"],
                                                             values["remark"], user)
    if kind == "cancel":
        return lambda uow, order, user: svc.cancel_work_order(uow, order, values["reason"], user,
                                                              values.get("on"))
    raise ValueError(kind)


def _intended(kind: str, values: dict, order: WorkOrder) -> WorkOrder:
    """The order as the step leaves it (the domain rules, no database): what the first save writes."""
    if kind == "assign":
        return order.assigned(values["aannemer"], values.get("due_date"))
    if kind == "start":
        return order.started()
    if kind == "close":
        return order.closed(values["on"], values["remark"], date.today())
    return order.cancelled(values.get("on") or date.today(), values["reason"])


def _job(factory: Callable, step: Callable, box: dict, user: str):
    """`step` on the order as this command last left it. Other commands of the same stack may
    have bumped its version since (undo of a later step); that is accepted as long as the stored
    fields are still the ones this command expects, otherwise someone else changed the order."""
    def job(_progress, _cancelled):
        expected = box["current"]
        try:
            stored = svc.get_work_order(factory(), expected.id)
            if replace(stored, version=0) != replace(expected, version=0):
                return _tr("werkorder %1 is intussen door een ander gewijzigd; ververs de lijst"
                           ).replace("%1", str(expected.id))
            box["current"] = step(factory(), stored, user)
        except BomenplanError as exc:
            return str(exc)
        return box["current"]
    return job


class WorkOrderCommand(QUndoCommand):
    TEXTS = {"assign": "werkorder %1 toewijzen", "start": "werkorder %1 starten",
             "close": "werkorder %1 gereed melden", "cancel": "werkorder %1 laten vervallen"}
    REASONS = {"assign": "werkorder toegewezen", "start": "werkorder gestart",
               "close": "werkorder gereed gemeld", "cancel": "werkorder vervallen"}

    def __init__(self, kind: str, order: WorkOrder, values: dict, uow_factory: Callable,
                 run_task: Callable, on_change: Callable[[object], None], user: str = "",
                 resolve_conflict: Callable | None = None):
        super().__init__(_tr(self.TEXTS[kind]).replace("%1", str(order.id)))
        self.before = order
        self.kind, self.values, self.resolve_conflict = kind, dict(values), resolve_conflict
        self.step = _action(kind, dict(values))
        self.box = {"current": order}
        self.saving = self.undo_when_saved = False  # first save in the background; undo waits for it
        self.uow_factory, self.run_task, self.on_change, self.user = (uow_factory, run_task,
                                                                       on_change, user)

    def redo(self) -> None:
        if self.resolve_conflict is not None:  # the first save: merge / reload on a conflict
            self._first_save()
            self.resolve_conflict = None
            return
        self.run_task(_job(self.uow_factory, self.step, self.box, self.user), self.on_change,
                      self.text())

    def _first_save(self) -> None:
        order = self.before
        try:
            intended = _intended(self.kind, self.values, order)
        except BomenplanError as exc:
            self.on_change(str(exc))
            return
        target = work_order_target(self.uow_factory, order.id, _tr("werkorder %1").replace("%1", str(order.id)),
                                   self.user, self.REASONS[self.kind])
        self.saving = True
        save_resolving_later(self.run_task, self.uow_factory, target, work_order_values(order),
                             work_order_values(intended), order.version, self.resolve_conflict,
                             self._first_saved, self.text(), self.user)

    def _first_saved(self, outcome) -> None:
        """Saved or merged: undo puts back the fields this save changed; reloaded or cancelled:
        nothing of mine was stored, undo does nothing (the box keeps the order as opened).
        An undo asked while the save was still running is carried out now."""
        self.saving = False
        if not isinstance(outcome, SaveOutcome):
            self.on_change(outcome)
        else:
            if outcome.status in (SAVED, MERGED) and outcome.stored is not None:
                self.before = replace(outcome.stored, **outcome.before)
                self.box["current"] = outcome.stored
            self.on_change(outcome.stored)
        if self.undo_when_saved:
            self.undo_when_saved = False
            self.undo()

    def undo(self) -> None:
        if self.saving:  # the first save has not come back yet: undo it once it has
            self.undo_when_saved = True
            return
        before = self.before
        if self.box["current"] is before:  # redo was refused: nothing to put back
            return

        def back(uow, current, user):
            return svc.restore_work_order(uow, current, before, user)
        self.run_task(_job(self.uow_factory, back, self.box, self.user), self.on_change,
                      _tr("ongedaan maken: ") + self.text())
