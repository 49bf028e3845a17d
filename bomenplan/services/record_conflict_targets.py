"""Save-conflict targets (services/edit_conflicts.py) of bomenbank trees and work orders: read the
stored row, list its editable values, and write changes on top of it with the version check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bomenplan.services import bank_edits
from bomenplan.services import work_orders as orders
from bomenplan.services.edit_conflicts import ConflictTarget

BANK_FIELDS = bank_edits.EDITABLE
WORK_ORDER_FIELDS = ("status", "aannemer", "due_date", "closed_on", "remark", "urgent", "omschrijving")


def bank_values(tree) -> dict:
    return {name: getattr(tree, name) for name in BANK_FIELDS}


def work_order_values(order) -> dict:
    return {name: getattr(order, name) for name in WORK_ORDER_FIELDS}


def bank_target(uow_factory: Callable, bank_id: int, title: str, user: str = "") -> ConflictTarget:
    def read(uow):
        return uow.bank.get(bank_id)

    def write(changes: dict, version: int):
        with uow_factory() as uow:
            current = uow.bank.get(bank_id)
        return bank_edits.edit_bank_tree(uow_factory(), replace(current, **changes), user,
                                         expected_version=version)[1]

    return ConflictTarget("bomenbank", bank_id, title, read, bank_values, write)


def work_order_target(uow_factory: Callable, order_id: int, title: str, user: str = "",
                      reason: str = "werkorder gewijzigd") -> ConflictTarget:
    def write(changes: dict, version: int):
        return orders.save_work_order_fields(uow_factory(), order_id, changes, version, user, reason)

    return ConflictTarget("werkorder", order_id, title, lambda uow: uow.work_orders.get(order_id),
                          work_order_values, write)
