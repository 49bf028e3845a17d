"""Use cases of the transplantiefonds: bookings, the statement per year, herplantplicht."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bomenplan.domain.fund_ledger import (
    LedgerEntry,
    Obligation,
    ObligationStatus,
    YearBalance,
    year_balance,
)
from bomenplan.domain.roles import Permission
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize


@dataclass(frozen=True)
class FundStatement:
    year: int
    balance: YearBalance
    entries: list[LedgerEntry]  # the year's bookings, by date
    obligations: list[Obligation]  # all herplantplichten (open ones first)


def add_entry(uow, entry: LedgerEntry) -> LedgerEntry:
    with uow:
        authorize(uow, Permission.FUND)
        stored = uow.ledger.add(entry)
        log_change(uow, "fonds", stored.id, "boeking", "", f"{stored.datum} {stored.kind} € {stored.amount}")
        uow.commit()
        return stored


def remove_entry(uow, entry_id: int) -> None:
    with uow:
        authorize(uow, Permission.FUND)
        uow.ledger.remove(entry_id)
        log_change(uow, "fonds", entry_id, "boeking verwijderd")
        uow.commit()


def entries(uow) -> list[LedgerEntry]:
    with uow:
        return uow.ledger.list()


def statement(uow, year: int) -> FundStatement:
    with uow:
        all_entries = uow.ledger.list()
        duties = uow.obligations.list()
    duties.sort(key=lambda d: (d.status is not ObligationStatus.OPEN, d.due))
    return FundStatement(year, year_balance(all_entries, year),
                         [e for e in all_entries if e.datum.year == year], duties)


def add_obligation(uow, duty: Obligation) -> Obligation:
    with uow:
        authorize(uow, Permission.FUND)
        stored = uow.obligations.add(duty)
        log_change(uow, "plicht", stored.id, "herplantplicht", "",
                   f"{stored.location}: {stored.n_trees} bomen uiterlijk {stored.due}")
        uow.commit()
        return stored


def settle_obligation(uow, duty: Obligation, status: ObligationStatus, on: date, note: str = "") -> Obligation:
    """Mark a herplantplicht fulfilled (vervuld) or bought off (afgekocht)."""
    with uow:
        authorize(uow, Permission.FUND)
        stored = uow.obligations.update(duty.__class__(
            duty.id, duty.felled_on, duty.location, duty.n_trees, status, on, duty.felled_tree_id,
            note or duty.note))
        log_change(uow, "plicht", duty.id, "status", duty.status, f"{status} {on}", "", note)
        uow.commit()
        return stored


def obligations(uow) -> list[Obligation]:
    with uow:
        return uow.obligations.list()
