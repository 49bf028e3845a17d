"""The transplantiefonds: a ledger in Decimal euros, tree value, herplantplicht obligations.

Deposits: compensation for felled trees (the appraised value, as the Den Haag Bomenfonds asks of
the permit holder, DOMAIN.md §7), buy-offs of a herplantplicht, budget. Withdrawals: transplant
and purchase costs. Tree value: an entered NVTB value (the NVTB tables are licensed), or the open
Flemish VVOG formula (vvog.info, DOMAIN.md §2). Herplantplicht: replant within 3 years after
felling (Bal art. 11.129, formerly Wnb art. 4.3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from bomenplan.domain.bomenbank import euros
from bomenplan.domain.errors import ValidationError

HERPLANT_YEARS = 3  # Bal art. 11.129
CENT = Decimal("0.01")


class EntryKind(StrEnum):
    COMPENSATIE = "compensatie gekapte boom"
    AFKOOP = "afkoop herplantplicht"
    BUDGET = "budget"
    VERPLANTING = "verplantingskosten"
    AANKOOP = "aankoop"


DEPOSITS = frozenset({EntryKind.COMPENSATIE, EntryKind.AFKOOP, EntryKind.BUDGET})


@dataclass(frozen=True)
class LedgerEntry:
    id: int | None
    datum: date
    kind: EntryKind
    amount: Decimal  # always positive; the kind says deposit or withdrawal
    description: str = ""
    bank_tree_id: int | None = None
    tree_id: int | None = None  # the felled or planted register tree

    def __post_init__(self):
        if not isinstance(self.amount, Decimal):
            raise ValidationError("bedrag", "bedrag moet een Decimal in euro's zijn")
        if self.amount <= 0:
            raise ValidationError("bedrag", f"{self.amount} moet groter dan 0 zijn")

    @property
    def is_deposit(self) -> bool:
        return self.kind in DEPOSITS

    @property
    def signed(self) -> Decimal:
        return self.amount if self.is_deposit else -self.amount


@dataclass(frozen=True)
class YearBalance:
    year: int
    opening: Decimal
    deposits: Decimal
    withdrawals: Decimal

    @property
    def closing(self) -> Decimal:
        return self.opening + self.deposits - self.withdrawals


def balance_per_year(entries: list[LedgerEntry], until_year: int | None = None) -> list[YearBalance]:
    """Opening, deposits, withdrawals and closing balance of every year from the first entry."""
    if not entries:
        return []
    first = min(e.datum.year for e in entries)
    last = max([e.datum.year for e in entries] + ([until_year] if until_year else []))
    result, opening = [], Decimal("0.00")
    for year in range(first, last + 1):
        these = [e for e in entries if e.datum.year == year]
        dep = sum((e.amount for e in these if e.is_deposit), Decimal("0.00"))
        wd = sum((e.amount for e in these if not e.is_deposit), Decimal("0.00"))
        result.append(YearBalance(year, opening, dep, wd))
        opening = opening + dep - wd
    return result


def year_balance(entries: list[LedgerEntry], year: int) -> YearBalance:
    for b in balance_per_year(entries, until_year=year):
        if b.year == year:
            return b
    return YearBalance(year, sum((e.signed for e in entries if e.datum.year < year), Decimal("0.00")),
                       Decimal("0.00"), Decimal("0.00"))


@dataclass(frozen=True)
class VvogFactors:
    """Factors of the VVOG formula (vvog.info): value = stem cm² × unit price × species factor ×
    location (1.0 city centre – 0.6 rural) × condition (0–1) × planting form (1 solitary / 0.8 in
    a row) × surplus factor (1–2.5). Unit price per cm² is the municipality's to set."""

    unit_price_per_cm2: Decimal
    species: Decimal = Decimal("1")
    location: Decimal = Decimal("1")
    condition: Decimal = Decimal("1")
    planting_form: Decimal = Decimal("1")
    surplus: Decimal = Decimal("1")

    def __post_init__(self):
        checks = (("standplaatsfactor", self.location, "0.6", "1.0"),
                  ("conditiefactor", self.condition, "0", "1"),
                  ("plantvormfactor", self.planting_form, "0.8", "1"),
                  ("meerwaardefactor", self.surplus, "1", "2.5"))
        for name, value, low, high in checks:
            if not (Decimal(low) <= value <= Decimal(high)):
                raise ValidationError(name, f"{value} ligt niet tussen {low} en {high}")


def stem_area_cm2(stamomtrek_cm: float) -> Decimal:
    """Cross-section of the stem at 1.30 m from its circumference: omtrek² / (4π)."""
    return Decimal(repr(stamomtrek_cm ** 2 / (4 * math.pi))).quantize(CENT, ROUND_HALF_UP)


def vvog_value(stamomtrek_cm: float, f: VvogFactors) -> Decimal:
    value = (stem_area_cm2(stamomtrek_cm) * f.unit_price_per_cm2 * f.species * f.location
             * f.condition * f.planting_form * f.surplus)
    return value.quantize(CENT, ROUND_HALF_UP)


def compensation(stamomtrek_cm: float | None, nvtb_value=None, factors: VvogFactors | None = None) -> Decimal:
    """Compensation for a felled tree: the entered NVTB value wins; else the VVOG formula."""
    if nvtb_value is not None and str(nvtb_value).strip():
        return euros(nvtb_value)
    if stamomtrek_cm is None or factors is None:
        raise ValidationError("boomwaarde", "geef een NVTB-waarde of stamomtrek en VVOG-factoren")
    return vvog_value(stamomtrek_cm, factors)


class ObligationStatus(StrEnum):
    OPEN = "open"
    VERVULD = "vervuld"
    AFGEKOCHT = "afgekocht"


@dataclass(frozen=True)
class Obligation:
    """A herplantplicht: n trees to replant after a felling, within 3 years (Bal art. 11.129)."""

    id: int | None
    felled_on: date
    location: str
    n_trees: int
    status: ObligationStatus = ObligationStatus.OPEN
    fulfilled_on: date | None = None
    felled_tree_id: int | None = None
    note: str = ""

    def __post_init__(self):
        if self.n_trees < 1:
            raise ValidationError("aantal bomen", f"{self.n_trees} moet minstens 1 zijn")
        if self.status is not ObligationStatus.OPEN and self.fulfilled_on is None:
            raise ValidationError("datum afgehandeld", f"verplicht bij status '{self.status}'")

    @property
    def due(self) -> date:
        return add_years(self.felled_on, HERPLANT_YEARS)

    def overdue(self, on: date) -> bool:
        return self.status is ObligationStatus.OPEN and on > self.due


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February → 28 February
        return day.replace(year=day.year + years, day=28)
