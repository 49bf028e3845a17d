"""The register: planting sites (plantvakken), trees and inspections.

A site (plantvak / standplaats) exists with or without a tree and keeps the history of the
trees that stood on it, as OpenTreeMap separates Plot and Tree. A tree's position is the
position of its site. Coordinates are RD New (EPSG:28992) metres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from shapely.geometry import Point

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.values import (
    Beheertype,
    Beleidsstatus,
    Boomgroep,
    Boomveiligheidsklasse,
    Hoogteklasse,
    Omgevingsrisicoklasse,
    TreeStatus,
)

RD_NEW = "EPSG:28992"
# Bounding box of the Netherlands in RD New (with margin): where positions are expected; used
# to guess a file's CRS and to warn about points outside NL.
RD_BOUNDS = (-7000.0, 289000.0, 300000.0, 629000.0)
# Where the register accepts positions at all: the Low Countries and their neighbours (north-west
# Germany up to the Danish border, e.g. Flensburg at RD (417 km, 765 km)). The lower y limit
# keeps degrees or Gauss-Krüger metres mistaken for RD New out.
RD_WORKING_BOUNDS = (-300000.0, 250000.0, 700000.0, 1000000.0)
MIN_PLANTJAAR = 1500
MAX_NVTB_EUR = Decimal("10000000")  # far above any appraised tree (monumental trees: tens of thousands)


def circumference_to_diameter_cm(stamomtrek_cm: float) -> float:
    """Stem circumference (stamomtrek) to diameter, both in cm."""
    return stamomtrek_cm / math.pi


def check_rd_position(x: float, y: float) -> None:
    xmin, ymin, xmax, ymax = RD_WORKING_BOUNDS
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValidationError("positie", "coördinaat ontbreekt")
    if not (xmin <= x <= xmax and ymin <= y <= ymax):
        raise ValidationError("positie", f"({x:.1f}, {y:.1f}) ligt buiten het werkgebied van RD New")


@dataclass(frozen=True)
class Site:
    """A planting site (plantvak / standplaats)."""

    id: int | None
    position: Point
    straat: str = ""
    wijk: str = ""
    buurt: str = ""
    version: int = 0

    def __post_init__(self):
        check_rd_position(self.position.x, self.position.y)


@dataclass(frozen=True)
class Tree:
    id: int | None
    boomnummer: str
    site_id: int | None
    position: Point
    species_name: str = ""  # as recorded (scientific name with cultivar)
    species_id: int | None = None  # matched catalogue species, if any
    plantjaar: int | None = None
    hoogteklasse: Hoogteklasse = Hoogteklasse.ONBEKEND
    stamdiameter_cm: float | None = None
    kroondiameter_m: float | None = None
    boomveiligheidsklasse: Boomveiligheidsklasse = Boomveiligheidsklasse.ONBEKEND
    beheertype: Beheertype = Beheertype.VRIJ_UITGROEIEND
    status: TreeStatus = TreeStatus.LEVEND
    beleidsstatus: Beleidsstatus = Beleidsstatus.GEEN
    boomgroep: Boomgroep = Boomgroep.ONBEKEND
    omgevingsrisicoklasse: Omgevingsrisicoklasse = Omgevingsrisicoklasse.ONBEKEND
    eigenaar: str = ""
    beheerder: str = ""
    straat: str = ""
    wijk: str = ""
    buurt: str = ""
    verplantbaar: bool = False
    opmerkingen: str = ""
    version: int = 0
    nvtb_waarde_eur: Decimal | None = None  # appraised NVTB value (DOMAIN.md §2); None = not appraised

    def __post_init__(self):
        validate_tree(self)

    def with_changes(self, **changes) -> Tree:
        return replace(self, **changes)

    def age(self, year: int) -> int | None:
        return None if self.plantjaar is None else max(0, year - self.plantjaar)


def validate_tree(tree: Tree, this_year: int | None = None) -> None:
    this_year = this_year or date.today().year
    if not tree.boomnummer.strip():
        raise ValidationError("boomnummer", "is verplicht")
    check_rd_position(tree.position.x, tree.position.y)
    if tree.plantjaar is not None and not (MIN_PLANTJAAR <= tree.plantjaar <= this_year + 1):
        raise ValidationError("plantjaar", f"{tree.plantjaar} ligt niet tussen {MIN_PLANTJAAR} en {this_year + 1}")
    if tree.stamdiameter_cm is not None and not (0 < tree.stamdiameter_cm <= 500):
        raise ValidationError("stamdiameter_cm", f"{tree.stamdiameter_cm} cm is onmogelijk (0–500)")
    if tree.kroondiameter_m is not None and not (0 < tree.kroondiameter_m <= 60):
        raise ValidationError("kroondiameter_m", f"{tree.kroondiameter_m} m is onmogelijk (0–60)")
    if tree.status is TreeStatus.LEVEND and not tree.species_name.strip():
        raise ValidationError("soort", "een levende boom heeft een soort nodig")
    if tree.nvtb_waarde_eur is not None and not (0 <= tree.nvtb_waarde_eur <= MAX_NVTB_EUR):
        raise ValidationError("nvtb_waarde_eur", f"€ {tree.nvtb_waarde_eur} is onmogelijk (0–{MAX_NVTB_EUR})")


# Fields a user may edit through the register (the change log records each of them).
EDITABLE_FIELDS = (
    "boomnummer", "species_name", "plantjaar", "hoogteklasse", "stamdiameter_cm", "kroondiameter_m",
    "boomveiligheidsklasse", "beheertype", "status", "beleidsstatus", "boomgroep",
    "omgevingsrisicoklasse", "eigenaar", "beheerder", "straat", "wijk", "buurt", "verplantbaar", "opmerkingen",
    "nvtb_waarde_eur",
)


@dataclass(frozen=True)
class Inspection:
    """A boomveiligheidscontrole (VTA) of one tree."""

    id: int | None
    tree_id: int
    datum: date
    inspecteur: str
    boomveiligheidsklasse: Boomveiligheidsklasse
    gebreken: tuple[str, ...] = ()
    maatregelen: tuple[str, ...] = ()
    volgende_controle: date | None = None
    opmerkingen: str = ""
    version: int = 0
    maatregel_uiterlijk: date | None = None  # deadline of a risicoboom's measure (CROW 26768)

    def __post_init__(self):
        if not self.inspecteur.strip():
            raise ValidationError("inspecteur", "is verplicht")
        if self.volgende_controle is not None and self.volgende_controle <= self.datum:
            raise ValidationError("volgende_controle", "moet na de controledatum liggen")
        if self.maatregel_uiterlijk is not None and self.maatregel_uiterlijk < self.datum:
            raise ValidationError("maatregel_uiterlijk", "mag niet voor de controledatum liggen")


@dataclass(frozen=True)
class FieldChange:
    """One entry of the change log: a field of an entity went from old to new."""

    entity: str
    entity_id: int
    field: str
    old: str
    new: str
    changed_at: str  # ISO timestamp
    user: str = ""
    reason: str = ""
    version: int | None = None  # the entity's version this change produced (None: not recorded)


@dataclass(frozen=True)
class SiteHistory:
    """The trees that stood on one site, oldest first."""

    site: Site
    trees: tuple[Tree, ...] = field(default_factory=tuple)

    @property
    def current(self) -> Tree | None:
        living = [t for t in self.trees if t.status.is_living]
        return living[-1] if living else None

    @property
    def is_empty(self) -> bool:
        return self.current is None
