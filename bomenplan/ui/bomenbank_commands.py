"""Undoable planting from the bomenbank. The service calls run on the serial database pool:
the worker function captures plain data only (factory, ids, the target, a plain dict that
carries the PlantResult from redo to undo); results come back to the GUI thread by signal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.errors import BomenplanError
from bomenplan.services import bomenbank as svc


def _tr(text: str) -> str:
    return QCoreApplication.translate("bomenbank_commands", text)


def _plant_job(factory, bank_id: int, target: svc.PlantTarget, on: date, user: str, box: dict,
               reserved: bool = False):
    plant = svc.plant if reserved else svc.reserve_and_plant

    def job(_progress, _cancelled):
        try:
            box["result"] = plant(factory(), bank_id, target, on, user)
        except BomenplanError as exc:
            box.pop("result", None)
            return str(exc)
        return None
    return job


def _undo_job(factory, user: str, box: dict):
    def job(_progress, _cancelled):
        result = box.pop("result", None)
        if result is None:
            return None
        try:
            svc.undo_plant(factory(), result, user)
        except BomenplanError as exc:
            box["result"] = result
            return str(exc)
        return None
    return job


def _reserve_job(factory, bank_id: int, target: svc.PlantTarget | None, user: str):
    def job(_progress, _cancelled):
        try:
            if target is None:
                svc.release(factory(), bank_id, user)
            else:
                svc.reserve(factory(), bank_id, target, user)
        except BomenplanError as exc:
            return str(exc)
        return None
    return job


class ReserveBankTreeCommand(QUndoCommand):
    """Reserve a bank tree for a gap position; undo releases it."""

    def __init__(self, uow_factory: Callable, run_task: Callable, bank_code: str, bank_id: int,
                 target: svc.PlantTarget, on_change: Callable[[str | None], None], user: str = ""):
        super().__init__(_tr("Bankboom %1 reserveren").replace("%1", bank_code))
        self.uow_factory, self.run_task, self.on_change = uow_factory, run_task, on_change
        self.bank_id, self.target, self.user = bank_id, target, user

    def redo(self) -> None:
        self.run_task(_reserve_job(self.uow_factory, self.bank_id, self.target, self.user), self.on_change,
                      _tr("Reserveren in de bomenbank"))

    def undo(self) -> None:
        self.run_task(_reserve_job(self.uow_factory, self.bank_id, None, self.user), self.on_change,
                      _tr("Reservering ongedaan maken"))


class PlantFromBankCommand(QUndoCommand):
    """Plant a bank tree at a gap position: reserve and plant in one transaction, or plant a tree
    already reserved (`reserved=True`); undo restores all."""

    def __init__(self, uow_factory: Callable, run_task: Callable, bank_code: str, bank_id: int,
                 target: svc.PlantTarget, on: date, on_change: Callable[[str | None], None], user: str = "",
                 reserved: bool = False):
        super().__init__(_tr("Bankboom %1 planten").replace("%1", bank_code))
        self.uow_factory, self.run_task, self.on_change = uow_factory, run_task, on_change
        self.bank_id, self.target, self.on, self.user = bank_id, target, on, user
        self.reserved = reserved
        self.box: dict = {}  # plain data shared by the worker jobs of redo and undo

    def redo(self) -> None:
        self.run_task(_plant_job(self.uow_factory, self.bank_id, self.target, self.on, self.user, self.box,
                                 self.reserved), self.on_change, _tr("Planten uit de bomenbank"))

    def undo(self) -> None:
        self.run_task(_undo_job(self.uow_factory, self.user, self.box), self.on_change,
                      _tr("Planten ongedaan maken"))

    @property
    def result(self) -> svc.PlantResult | None:
        return self.box.get("result")
