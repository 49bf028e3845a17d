"""SQL repositories of the bomenbank (with bomenpaspoort), fund ledger and herplantplicht."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bomenplan.domain.bomenbank import (
    BankCondition,
    BankSource,
    BankStatus,
    BankTree,
    PaspoortEntry,
)
from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry, Obligation, ObligationStatus
from bomenplan.persistence.tables_bomenbank import (
    BankEventRow,
    BankTreeRow,
    FundEntryRow,
    ObligationRow,
)

_BANK_FIELDS = ("code", "species_name", "stamomtrek_cm", "x", "y", "location", "hoogte_m", "kluit",
                "plantjaar", "available_from", "available_until", "register_tree_id",
                "min_soil_volume_m3", "reserved_laan_id", "reserved_x", "reserved_y", "planted_tree_id")


def cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_cents(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(Decimal("0.01"))


def bank_to_domain(row: BankTreeRow) -> BankTree:
    return BankTree(id=row.id, source=BankSource(row.source), cost=from_cents(row.cost_cents),
                    condition=BankCondition(row.condition), status=BankStatus(row.status),
                    version=row.version, **{f: getattr(row, f) for f in _BANK_FIELDS})


def _fill(row: BankTreeRow, tree: BankTree) -> None:
    for f in _BANK_FIELDS:
        setattr(row, f, getattr(tree, f))
    row.source, row.condition, row.status = str(tree.source), str(tree.condition), str(tree.status)
    row.cost_cents = cents(tree.cost)
    row.updated_at = datetime.now()


class SqlBankRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self, status: BankStatus | None = None) -> list[BankTree]:
        query = select(BankTreeRow).order_by(BankTreeRow.id)
        if status is not None:
            query = query.where(BankTreeRow.status == str(status))
        return [bank_to_domain(r) for r in self.session.scalars(query)]

    def _row(self, bank_id: int) -> BankTreeRow:
        row = self.session.get(BankTreeRow, bank_id)
        if row is None:
            raise NotFound(f"bomenbankboom {bank_id}")
        return row

    def get(self, bank_id: int) -> BankTree:
        return bank_to_domain(self._row(bank_id))

    def add(self, tree: BankTree) -> BankTree:
        row = BankTreeRow(version=1)
        _fill(row, tree)
        self.session.add(row)
        self.session.flush()
        return bank_to_domain(row)

    def update(self, tree: BankTree) -> BankTree:
        row = self._row(tree.id)
        if row.version != tree.version:
            raise ConcurrentEditError(f"bomenbankboom {tree.code} is intussen gewijzigd")
        _fill(row, tree)
        row.version += 1
        self.session.flush()
        return bank_to_domain(row)

    def remove(self, bank_id: int) -> None:
        self.session.delete(self._row(bank_id))
        self.session.flush()

    def record(self, entry: PaspoortEntry) -> None:
        self.session.add(BankEventRow(bank_tree_id=entry.bank_tree_id, datum=entry.datum,
                                      event=entry.event, detail=entry.detail, user=entry.user))
        self.session.flush()

    def paspoort(self, bank_id: int) -> list[PaspoortEntry]:
        rows = self.session.scalars(select(BankEventRow).where(BankEventRow.bank_tree_id == bank_id)
                                    .order_by(BankEventRow.id))
        return [PaspoortEntry(r.bank_tree_id, r.datum, r.event, r.detail, r.user) for r in rows]


def entry_to_domain(row: FundEntryRow) -> LedgerEntry:
    return LedgerEntry(row.id, row.datum, EntryKind(row.kind), from_cents(row.amount_cents),
                       row.description, row.bank_tree_id, row.tree_id)


class SqlLedgerRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self) -> list[LedgerEntry]:
        rows = self.session.scalars(select(FundEntryRow).order_by(FundEntryRow.datum, FundEntryRow.id))
        return [entry_to_domain(r) for r in rows]

    def add(self, entry: LedgerEntry) -> LedgerEntry:
        row = FundEntryRow(datum=entry.datum, kind=str(entry.kind), amount_cents=cents(entry.amount),
                           description=entry.description, bank_tree_id=entry.bank_tree_id,
                           tree_id=entry.tree_id)
        self.session.add(row)
        self.session.flush()
        return entry_to_domain(row)

    def remove(self, entry_id: int) -> None:
        row = self.session.get(FundEntryRow, entry_id)
        if row is None:
            raise NotFound(f"boeking {entry_id}")
        self.session.delete(row)
        self.session.flush()

    def count_for_bank_tree(self, bank_id: int) -> int:
        return self.session.scalar(select(func.count()).select_from(FundEntryRow)
                                   .where(FundEntryRow.bank_tree_id == bank_id))


def obligation_to_domain(row: ObligationRow) -> Obligation:
    return Obligation(row.id, row.felled_on, row.location, row.n_trees, ObligationStatus(row.status),
                      row.fulfilled_on, row.felled_tree_id, row.note)


class SqlObligationRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self) -> list[Obligation]:
        rows = self.session.scalars(select(ObligationRow).order_by(ObligationRow.felled_on, ObligationRow.id))
        return [obligation_to_domain(r) for r in rows]

    def add(self, duty: Obligation) -> Obligation:
        row = ObligationRow()
        self._fill(row, duty)
        self.session.add(row)
        self.session.flush()
        return obligation_to_domain(row)

    def update(self, duty: Obligation) -> Obligation:
        row = self.session.get(ObligationRow, duty.id)
        if row is None:
            raise NotFound(f"herplantplicht {duty.id}")
        self._fill(row, duty)
        self.session.flush()
        return obligation_to_domain(row)

    def remove(self, duty_id: int) -> None:
        row = self.session.get(ObligationRow, duty_id)
        if row is None:
            raise NotFound(f"herplantplicht {duty_id}")
        self.session.delete(row)
        self.session.flush()

    @staticmethod
    def _fill(row: ObligationRow, duty: Obligation) -> None:
        row.felled_on, row.location, row.n_trees = duty.felled_on, duty.location, duty.n_trees
        row.status, row.fulfilled_on = str(duty.status), duty.fulfilled_on
        row.felled_tree_id, row.note = duty.felled_tree_id, duty.note


def attach_bomenbank_repositories(uow, session: Session) -> None:
    uow.bank = SqlBankRepository(session)
    uow.ledger = SqlLedgerRepository(session)
    uow.obligations = SqlObligationRepository(session)
