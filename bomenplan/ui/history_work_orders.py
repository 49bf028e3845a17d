"""Geschiedenis ▸ Controles ▸ Als werkorder aanmaken: an order for the measure of the tree's
latest risicoboom controle (services/inspection_work_orders.py), in a worker; WORK_ORDERS right."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from bomenplan.domain.roles import Permission
from bomenplan.services.inspection_work_orders import create_work_order_for_risicoboom
from bomenplan.ui.access import guard_writes
from bomenplan.ui.user_identity import window_user


def _job(factory, tree_id: int, user: str):
    def job(_progress, _cancelled):
        return create_work_order_for_risicoboom(factory(), tree_id, user, date.today())
    return job


def connect(window, history) -> None:
    guard_writes(window, Permission.WORK_ORDERS, history.work_order_button)

    def done(result) -> None:
        window.statusBar().showMessage(result.summary(), 10_000)
        history.refresh()
        orders = getattr(window, "work_orders_feature", None)
        if orders is not None:
            orders.refresh()

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(window, window.tr("Werkorder"), str(exc))

    history.work_order_requested.connect(lambda tree_id: window.run_task(
        _job(window.uow_factory, tree_id, window_user(window)), done,
        window.tr("Werkorder aanmaken"), on_failed=failed))
