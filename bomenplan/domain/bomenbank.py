"""The bomenbank: mature trees at hand for transplanting (Groenvisie Assen §3.6; DOMAIN.md §7).

A bank tree comes from the register (a tree marked verplantbaar), a nursery (kwekerij) or a
holding site (bomencamping, containers: Amsterdam keeps them up to 2 years). Its status moves
beschikbaar → gereserveerd → geplant; vervallen when it can no longer be used. Each move is
written to its bomenpaspoort (the history, as bomenmakelaar.nl keeps one). Money is Decimal euros.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from bomenplan.domain.errors import BomenplanError, ValidationError
from bomenplan.domain.tree import check_rd_position


class BankSource(StrEnum):
    REGISTER = "register"
    KWEKERIJ = "kwekerij"
    BOMENCAMPING = "bomencamping"


class BankStatus(StrEnum):
    BESCHIKBAAR = "beschikbaar"
    GERESERVEERD = "gereserveerd"
    GEPLANT = "geplant"
    VERVALLEN = "vervallen"


class BankCondition(StrEnum):
    GOED = "goed"
    REDELIJK = "redelijk"
    MATIG = "matig"


class BankRefused(BomenplanError):
    """A bank action that the tree's status or records do not allow (message in Dutch)."""


def euros(value) -> Decimal:
    """An amount in euros as Decimal with cents; floats are refused (no floats for money)."""
    if isinstance(value, float):
        raise ValidationError("bedrag", f"{value!r} is een kommagetal; geef het bedrag als tekst of Decimal")
    text = str(value).strip().replace("€", "").replace(" ", "")
    if "," in text:  # Dutch notation: 1.234,56
        text = text.replace(".", "").replace(",", ".")
    elif "." in text and len(text.rsplit(".", 1)[1]) == 3:  # 1.234: thousands or decimals?
        raise ValidationError("bedrag", f"'{value}' is dubbelzinnig; schrijf bijv. 1234,00 of 1.234,00")
    try:
        amount = Decimal(text)
    except ArithmeticError:
        raise ValidationError("bedrag", f"'{value}' is geen bedrag in euro's") from None
    if not amount.is_finite():
        raise ValidationError("bedrag", f"'{value}' is geen bedrag in euro's")
    if amount != amount.quantize(Decimal("0.01")):  # 12,345 is Dutch for 12.345: not whole cents
        raise ValidationError("bedrag", f"'{value}' heeft meer dan twee decimalen; een bedrag is in hele centen")
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True)
class BankTree:
    id: int | None
    code: str  # label at the nursery / holding site, e.g. "KW-012"
    source: BankSource
    species_name: str
    stamomtrek_cm: float  # stem circumference at 1.30 m (nursery sizes are circumferences)
    x: float
    y: float
    location: str = ""  # kwekerij or bomencamping name, or the register address
    hoogte_m: float | None = None
    kluit: str = ""  # root ball, e.g. "kluit 120 cm" or "container 750 l"
    plantjaar: int | None = None
    available_from: date | None = None
    available_until: date | None = None
    cost: Decimal = Decimal("0.00")
    condition: BankCondition = BankCondition.GOED
    status: BankStatus = BankStatus.BESCHIKBAAR
    register_tree_id: int | None = None  # source tree when it comes from the register
    min_soil_volume_m3: float | None = None  # entered by the user (Boommonitor is licensed)
    reserved_laan_id: int | None = None  # where it is reserved for: laan and gap position
    reserved_x: float | None = None
    reserved_y: float | None = None
    planted_tree_id: int | None = None  # the register tree it became
    version: int = 0

    def __post_init__(self):
        if not self.code.strip():
            raise ValidationError("code", "is verplicht")
        if not self.species_name.strip():
            raise ValidationError("soort", "is verplicht")
        if not (math.isfinite(self.stamomtrek_cm) and 0 < self.stamomtrek_cm <= 1500):
            raise ValidationError("stamomtrek_cm", f"{self.stamomtrek_cm} cm is onmogelijk (0–1500)")
        if self.hoogte_m is not None and not (0 < self.hoogte_m <= 60):
            raise ValidationError("hoogte_m", f"{self.hoogte_m} m is onmogelijk (0–60)")
        if not isinstance(self.cost, Decimal):
            raise ValidationError("kosten", "bedrag moet een Decimal in euro's zijn")
        if self.cost < 0:
            raise ValidationError("kosten", f"{self.cost} is negatief")
        if self.available_from and self.available_until and self.available_until < self.available_from:
            raise ValidationError("beschikbaar tot", "ligt vóór 'beschikbaar vanaf'")
        check_rd_position(self.x, self.y)

    def with_changes(self, **changes) -> BankTree:
        return replace(self, **changes)

    def age(self, year: int) -> int | None:
        return None if self.plantjaar is None else max(0, year - self.plantjaar)


@dataclass(frozen=True)
class PaspoortEntry:
    """One line of a bank tree's bomenpaspoort."""

    bank_tree_id: int
    datum: str  # ISO time stamp
    event: str  # opgenomen, gereserveerd, geplant, vrijgegeven, …
    detail: str = ""
    user: str = ""


def reserve(tree: BankTree, laan_id: int | None = None, x: float | None = None,
            y: float | None = None) -> BankTree:
    if tree.status is not BankStatus.BESCHIKBAAR:
        raise BankRefused(f"Boom {tree.code} is {tree.status} en kan niet worden gereserveerd.")
    return tree.with_changes(status=BankStatus.GERESERVEERD, reserved_laan_id=laan_id,
                             reserved_x=x, reserved_y=y)


def release(tree: BankTree) -> BankTree:
    """Undo of a reservation."""
    if tree.status is not BankStatus.GERESERVEERD:
        raise BankRefused(f"Boom {tree.code} is {tree.status}, niet gereserveerd.")
    return tree.with_changes(status=BankStatus.BESCHIKBAAR, reserved_laan_id=None, reserved_x=None,
                             reserved_y=None)


def plant(tree: BankTree, register_tree_id: int | None = None) -> BankTree:
    if tree.status is not BankStatus.GERESERVEERD:
        raise BankRefused(f"Boom {tree.code} is {tree.status}; alleen een gereserveerde boom kan "
                          "worden geplant.")
    return tree.with_changes(status=BankStatus.GEPLANT, planted_tree_id=register_tree_id)


def unplant(tree: BankTree) -> BankTree:
    """Undo of planting: the tree is reserved again."""
    if tree.status is not BankStatus.GEPLANT:
        raise BankRefused(f"Boom {tree.code} is {tree.status}, niet geplant.")
    return tree.with_changes(status=BankStatus.GERESERVEERD, planted_tree_id=None)


def check_deletable(tree: BankTree, n_ledger_entries: int) -> None:
    if n_ledger_entries:
        raise BankRefused(f"Boom {tree.code} heeft {n_ledger_entries} boeking(en) in het "
                          "transplantiefonds en kan niet worden verwijderd; zet hem op 'vervallen'.")
    if tree.status is BankStatus.GEPLANT:
        raise BankRefused(f"Boom {tree.code} is geplant en blijft in de bomenbank als herkomst.")


def expired(tree: BankTree, on: date) -> bool:
    return tree.available_until is not None and tree.available_until < on
