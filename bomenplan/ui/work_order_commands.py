"""Undoable work-order actions: toewijzen, starten, gereed melden, vervallen.

The service calls run on the main window's serial write pool. A job captures plain data only (the
uow factory, the order as a frozen dataclass, values, a plain dict `box` carrying the stored
version from redo to undo); the stored order comes back on the GUI thread through `on_change`.
undo() puts the fields from before back (the stored version guards against someone else's edit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.work_orders import WorkOrder
from bomenplan.services import work_orders as svc


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

    def __init__(self, kind: str, order: WorkOrder, values: dict, uow_factory: Callable,
                 run_task: Callable, on_change: Callable[[object], None], user: str = ""):
        super().__init__(_tr(self.TEXTS[kind]).replace("%1", str(order.id)))
        self.before = order
        self.step = _action(kind, dict(values))
        self.box = {"current": order}
        self.uow_factory, self.run_task, self.on_change, self.user = (uow_factory, run_task,
                                                                       on_change, user)

    def redo(self) -> None:
        self.run_task(_job(self.uow_factory, self.step, self.box, self.user), self.on_change,
                      self.text())

    def undo(self) -> None:
        before = self.before
        if self.box["current"] is before:  # redo was refused: nothing to put back
            return

        def back(uow, current, user):
            return svc.restore_work_order(uow, current, before, user)
        self.run_task(_job(self.uow_factory, back, self.box, self.user), self.on_change,
                      _tr("ongedaan maken: ") + self.text())
