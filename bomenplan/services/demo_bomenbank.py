"""The demo municipality's bomenbank and transplantiefonds: about 40 trees at a nursery and a
holding site (many fit the Hoofdlaan: beech and oak of large sizes), four years of bookings and a
handful of herplantplichten, one of them overdue. All names are demo names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import numpy as np

from bomenplan.domain.bomenbank import (
    BankCondition,
    BankSource,
    BankStatus,
    BankTree,
    PaspoortEntry,
)
from bomenplan.domain.fund_ledger import (
    EntryKind,
    LedgerEntry,
    Obligation,
    ObligationStatus,
    VvogFactors,
    vvog_value,
)
from bomenplan.domain.values import TreeStatus
from bomenplan.services.clock import now_text

NURSERY = ("Kwekerij Bomenstad-Zuid (demo)", 236400.0, 552100.0)
CAMPING = ("Bomencamping Asserbos (demo)", 233700.0, 554500.0)
# species, count, stem circumference range (cm)
STOCK = (("Fagus sylvatica", 10, (60, 160)), ("Quercus robur", 10, (60, 160)),
         ("Tilia × europaea", 6, (40, 90)), ("Acer pseudoplatanus", 4, (40, 80)),
         ("Carpinus betulus", 4, (30, 60)), ("Quercus rubra", 3, (50, 100)),
         ("Platanus × hispanica", 3, (50, 100)))
DEMO_VVOG = VvogFactors(Decimal("1.50"), location=Decimal("0.8"), condition=Decimal("0.8"),
                        planting_form=Decimal("0.8"))  # demo unit price per cm², not a tariff


def add_demo_bomenbank(uow_factory: Callable, seed: int, today: date) -> int:
    """Fill bank, ledger and obligations in one transaction; returns the number of bank trees."""
    rng = np.random.default_rng(seed + 13)
    uow = uow_factory()
    with uow:
        bank = [uow.bank.add(t) for t in _bank_trees(rng, today)]
        for t in bank:
            uow.bank.record(PaspoortEntry(t.id, now_text(), "opgenomen", f"{t.source}, {t.location}", "demo"))
        felled = _felled_trees(uow.trees.columns(), rng)
        for entry in _ledger(bank, felled, rng, today):
            uow.ledger.add(entry)
        for duty in _obligations(felled, today):
            uow.obligations.add(duty)
        uow.commit()
    return len(bank)


def _bank_trees(rng, today: date) -> list[BankTree]:
    trees, k = [], 0
    for species, count, (low, high) in STOCK:
        for _ in range(count):
            k += 1
            name, x0, y0 = NURSERY if k % 2 else CAMPING
            source = BankSource.KWEKERIJ if k % 2 else BankSource.BOMENCAMPING
            omtrek = float(rng.integers(low // 5, high // 5 + 1) * 5)
            start = today + timedelta(days=int(rng.integers(-300, 240)))
            until = start + timedelta(days=730) if source is BankSource.BOMENCAMPING else None
            status = BankStatus.VERVALLEN if k in (7, 29) else BankStatus.BESCHIKBAAR
            trees.append(BankTree(
                id=None, code=f"{'KW' if k % 2 else 'BC'}-{k:03d}", source=source, species_name=species,
                stamomtrek_cm=omtrek, x=x0 + float(rng.uniform(-60, 60)), y=y0 + float(rng.uniform(-60, 60)),
                location=name, hoogte_m=round(omtrek / 12 + 3, 1), kluit=f"kluit {int(omtrek // 10 * 10 + 60)} cm"
                if source is BankSource.KWEKERIJ else "container 1500 l",
                plantjaar=today.year - int(omtrek // 6), available_from=start, available_until=until,
                cost=(Decimal(int(omtrek)) * Decimal("22.50")).quantize(Decimal("0.01")),
                condition=(BankCondition.GOED, BankCondition.REDELIJK)[int(rng.random() < 0.2)],
                status=status, min_soil_volume_m3=round(omtrek / 5, 0) if k % 3 == 0 else None))
    return trees


def _felled_trees(cols, rng) -> list[tuple[int, str, float]]:
    """A few felled register trees (id, street, circumference) to book compensation for."""
    idx = np.flatnonzero((cols.status == str(TreeStatus.GEKAPT)) & np.isfinite(cols.stamdiameter_cm)
                         & (cols.stamdiameter_cm > 0))
    pick = rng.choice(idx, size=min(6, len(idx)), replace=False) if len(idx) else []
    return [(int(cols.id[i]), str(cols.straat[i]) or "onbekend", float(cols.stamdiameter_cm[i]) * np.pi)
            for i in sorted(pick)]


def _ledger(bank: list[BankTree], felled, rng, today: date) -> list[LedgerEntry]:
    entries = []
    for year in range(today.year - 3, today.year + 1):
        entries.append(LedgerEntry(None, date(year, 1, 15), EntryKind.BUDGET, Decimal("25000.00"),
                                   f"begroting {year}"))
    for k, (tree_id, straat, omtrek) in enumerate(felled):
        day = date(today.year - 3 + k % 4, 3 + k, 10)
        entries.append(LedgerEntry(None, day, EntryKind.COMPENSATIE, vvog_value(omtrek, DEMO_VVOG),
                                   f"compensatie kap {straat} (VVOG)", tree_id=tree_id))
    entries.append(LedgerEntry(None, date(today.year - 1, 9, 1), EntryKind.AFKOOP, Decimal("4800.00"),
                               "afkoop herplantplicht 2 bomen (demo)"))
    for k, t in enumerate(bank[:10]):  # purchases of nursery stock, linked to the bank tree
        day = (date(today.year - 1, 10, 1) if k < 8 else date(today.year, 1, 20)) + timedelta(
            days=int(rng.integers(0, 60)))
        entries.append(LedgerEntry(None, day, EntryKind.AANKOOP, t.cost, f"aankoop {t.code} {t.species_name}",
                                   bank_tree_id=t.id))
    return entries


def _obligations(felled, today: date) -> list[Obligation]:
    where = [s for _, s, _ in felled] + ["Hoofdlaan", "Nobellaan", "Brink", "Rolderstraat", "Asserbos"]
    return [Obligation(None, date(today.year - 3, today.month, 1) - timedelta(days=60), where[0], 3,
                       note="termijn verstreken"),
            Obligation(None, date(today.year - 2, 4, 15), where[1], 2),
            Obligation(None, date(today.year - 1, 11, 1), "Hoofdlaan", 5, note="rij van meer dan 20 bomen"),
            Obligation(None, date(today.year - 3, 2, 1), where[2], 1, ObligationStatus.VERVULD,
                       date(today.year - 1, 11, 20)),
            Obligation(None, date(today.year - 2, 1, 10), where[3], 2, ObligationStatus.AFGEKOCHT,
                       date(today.year - 1, 9, 1), note="afgekocht, zie fonds")]
