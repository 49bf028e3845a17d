"""Hand edits of the bomenbank and the transplantiefonds, each with its inverse for undo.
Every step goes into the bomenpaspoort (bank trees) or the change log (fund, 'fonds'/'plicht')."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from bomenplan.domain import bomenbank as bank_rules
from bomenplan.domain.bomenbank import BankStatus, BankTree, PaspoortEntry
from bomenplan.domain.fund_ledger import LedgerEntry, Obligation, ObligationStatus
from bomenplan.domain.roles import Permission
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text

EDITABLE = ("code", "source", "species_name", "stamomtrek_cm", "hoogte_m", "kluit", "plantjaar", "x", "y",
            "location", "available_from", "available_until", "cost", "condition")


def _log_bank(uow, bank_id: int, event: str, detail: str, user: str) -> None:
    uow.bank.record(PaspoortEntry(bank_id, now_text(), event, detail, user))
    log_change(uow, "bomenbank", bank_id, event, "", detail, user)


def _log(uow, entity: str, entity_id: int, field: str, old: str, new: str, user: str) -> None:
    log_change(uow, entity, entity_id, field, old, new, user)


def edit_bank_tree(uow, changed: BankTree, user: str = "",
                   expected_version: int | None = None) -> tuple[BankTree, BankTree]:
    """Store the hand-edited fields of a bank tree (not its status); returns (before, after).
    Refused for a planted tree: it stays as the provenance of the register tree. With
    `expected_version` a tree someone else saved since raises ConcurrentEditError."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        before = uow.bank.get(changed.id)
        if before.status is BankStatus.GEPLANT:
            raise bank_rules.BankRefused(f"Boom {before.code} is geplant en kan niet meer worden gewijzigd.")
        version = before.version if expected_version is None else expected_version
        after = uow.bank.update(replace(before, **{f: getattr(changed, f) for f in EDITABLE}, version=version))
        diffs = [f"{f}: {getattr(before, f)} → {getattr(after, f)}" for f in EDITABLE
                 if getattr(before, f) != getattr(after, f)]
        _log_bank(uow, after.id, "gewijzigd", "; ".join(diffs), user)
        uow.commit()
        return before, after


def restore_bank_tree(uow, before: BankTree, user: str = "") -> BankTree:
    """Undo of an edit or a status change: the earlier fields and status come back."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        current = uow.bank.get(before.id)
        stored = uow.bank.update(replace(before, version=current.version))
        _log_bank(uow, before.id, "wijziging ongedaan", "", user)
        uow.commit()
        return stored


def set_available(uow, bank_id: int, user: str = "") -> BankTree:
    """A vervallen bank tree becomes beschikbaar again."""
    with uow:
        authorize(uow, Permission.BOMENBANK)
        tree = uow.bank.get(bank_id)
        if tree.status is not BankStatus.VERVALLEN:
            raise bank_rules.BankRefused(f"Boom {tree.code} is {tree.status}, niet vervallen.")
        stored = uow.bank.update(tree.with_changes(status=BankStatus.BESCHIKBAAR))
        _log_bank(uow, bank_id, "weer beschikbaar", "", user)
        uow.commit()
        return stored


def book(uow, entry: LedgerEntry, user: str = "") -> LedgerEntry:
    with uow:
        authorize(uow, Permission.FUND)
        stored = uow.ledger.add(entry)
        _log(uow, "fonds", stored.id, "boeking", "", f"{stored.datum} {stored.kind} € {stored.amount}", user)
        uow.commit()
        return stored


def unbook(uow, entry_id: int, user: str = "") -> None:
    with uow:
        authorize(uow, Permission.FUND)
        uow.ledger.remove(entry_id)
        _log(uow, "fonds", entry_id, "boeking verwijderd", "", "", user)
        uow.commit()


def add_obligation(uow, duty: Obligation, user: str = "") -> Obligation:
    with uow:
        authorize(uow, Permission.FUND)
        stored = uow.obligations.add(duty)
        _log(uow, "plicht", stored.id, "herplantplicht", "",
             f"{stored.location}: {stored.n_trees} bomen uiterlijk {stored.due}", user)
        uow.commit()
        return stored


def remove_obligation(uow, duty_id: int, user: str = "") -> None:
    with uow:
        authorize(uow, Permission.FUND)
        uow.obligations.remove(duty_id)
        _log(uow, "plicht", duty_id, "herplantplicht verwijderd", "", "", user)
        uow.commit()


def set_obligation(uow, duty: Obligation, user: str = "") -> Obligation:
    """Store a herplantplicht's status as given (fulfilment, or its undo back to open)."""
    with uow:
        authorize(uow, Permission.FUND)
        stored = uow.obligations.update(duty)
        _log(uow, "plicht", duty.id, "status", "", f"{duty.status} {duty.fulfilled_on or ''}".strip(), user)
        uow.commit()
        return stored


def fulfilled(duty: Obligation, on: date) -> Obligation:
    if duty.status is not ObligationStatus.OPEN:
        raise bank_rules.BankRefused(f"Herplantplicht {duty.location} is al {duty.status}.")
    return replace(duty, status=ObligationStatus.VERVULD, fulfilled_on=on)


def circumference_of(stamdiameter_cm: float | None) -> float | None:
    """Stem circumference (cm) of a register tree from its diameter, for the VVOG formula."""
    return None if not stamdiameter_cm else round(math.pi * stamdiameter_cm, 1)
