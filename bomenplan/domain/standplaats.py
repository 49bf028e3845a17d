"""The standplaats (growing place) of a planting site: conditions and a list of problems.

Groenvisie Assen §3.6: growing conditions must fit the tree's final size, and at works the growing
place is to be improved (bigger boomspiegel, better tree soil, aeration). The record belongs to
the site, not the tree, so it survives felling and replanting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from bomenplan.domain.errors import ValidationError

MAX_ROOTING_DEPTH_M = 5.0
MAX_SOIL_VOLUME_M3 = 10_000.0


class Verharding(StrEnum):
    OPEN = "open"
    HALFOPEN = "half-open"
    GESLOTEN = "gesloten"
    ONBEKEND = "onbekend"


class ProblemType(StrEnum):
    WORTELOPDRUK = "wortelopdruk"
    KLEINE_BOOMSPIEGEL = "te kleine boomspiegel"
    BODEMVOLUME = "te weinig bodemvolume"
    VERDICHTING = "bodemverdichting"
    ZOUT = "zoutschade"
    DRAINAGE = "slechte afwatering"
    KABELS_LEIDINGEN = "kabels en leidingen"
    PARKEERDRUK = "parkeerdruk / aanrijdschade"
    OVERIG = "overig"


class Severity(StrEnum):
    LAAG = "laag"
    MIDDEL = "middel"
    HOOG = "hoog"


class ProblemStatus(StrEnum):
    OPEN = "open"
    IN_UITVOERING = "in uitvoering"
    OPGELOST = "opgelost"


class Maatregel(StrEnum):
    """Improvements of the growing place named in Groenvisie Assen §3.6 and common practice."""

    BOOMSPIEGEL_VERGROTEN = "boomspiegel vergroten"
    BOMENGROND = "bomengrond"
    BELUCHTING = "beluchting"
    GROEIPLAATSCONSTRUCTIE = "ondergrondse groeiplaatsconstructie"
    WORTELSCHERM = "wortelscherm"
    PAALTJES = "paaltjes / aanrijbeveiliging"
    OVERIG = "overig"


def _check_range(field: str, value: float | None, low: float, high: float, unit: str) -> None:
    if value is None:
        return
    if not math.isfinite(value) or not (low < value <= high):
        raise ValidationError(field, f"{value} {unit} ligt niet tussen {low:g} en {high:g}")


@dataclass(frozen=True)
class Standplaats:
    """Conditions at one site. None means unknown, never "fine"."""

    site_id: int
    boomspiegel_m2: float | None = None
    verharding: Verharding = Verharding.ONBEKEND
    bodemvolume_m3: float | None = None  # rootable soil volume as entered
    plantvak_lengte_m: float | None = None
    plantvak_breedte_m: float | None = None
    doorwortelbare_diepte_m: float | None = None
    kabels_leidingen: bool | None = None
    wortelopdruk: bool | None = None
    zout: bool | None = None
    verdichting: bool | None = None
    slechte_drainage: bool | None = None
    parkeerdruk: bool | None = None
    opmerkingen: str = ""
    version: int = 0

    def __post_init__(self):
        _check_range("boomspiegel_m2", self.boomspiegel_m2, 0.0, 10_000.0, "m²")
        if self.bodemvolume_m3 is not None:
            if not math.isfinite(self.bodemvolume_m3) or not 0 <= self.bodemvolume_m3 <= MAX_SOIL_VOLUME_M3:
                raise ValidationError("bodemvolume_m3", f"{self.bodemvolume_m3} m³ ligt niet tussen 0 en "
                                      f"{MAX_SOIL_VOLUME_M3:g}")
        _check_range("plantvak_lengte_m", self.plantvak_lengte_m, 0.0, 1000.0, "m")
        _check_range("plantvak_breedte_m", self.plantvak_breedte_m, 0.0, 1000.0, "m")
        _check_range("doorwortelbare_diepte_m", self.doorwortelbare_diepte_m, 0.0, MAX_ROOTING_DEPTH_M, "m")

    def with_changes(self, **changes) -> Standplaats:
        return replace(self, **changes)

    @property
    def estimated_volume_m3(self) -> float | None:
        """Plantvak length × width × rootable depth, when all three are known."""
        dims = (self.plantvak_lengte_m, self.plantvak_breedte_m, self.doorwortelbare_diepte_m)
        if any(d is None for d in dims):
            return None
        return dims[0] * dims[1] * dims[2]

    @property
    def available_volume_m3(self) -> float | None:
        """The entered volume; otherwise the estimate from the plantvak; otherwise unknown."""
        if self.bodemvolume_m3 is not None:
            return self.bodemvolume_m3
        return self.estimated_volume_m3

    @property
    def volume_source(self) -> str:
        if self.bodemvolume_m3 is not None:
            return "ingevoerd"
        return "geschat uit plantvak" if self.estimated_volume_m3 is not None else "onbekend"


@dataclass(frozen=True)
class StandplaatsProblem:
    id: int | None
    site_id: int
    type: ProblemType
    severity: Severity
    datum: date
    status: ProblemStatus = ProblemStatus.OPEN
    maatregelen: tuple[Maatregel, ...] = ()
    opmerking: str = ""
    version: int = 0

    def __post_init__(self):
        if self.datum > date.today():
            raise ValidationError("datum", f"{self.datum.isoformat()} ligt in de toekomst")
        if self.type is ProblemType.OVERIG and not self.opmerking.strip():
            raise ValidationError("opmerking", "beschrijf het probleem bij type 'overig'")

    def with_changes(self, **changes) -> StandplaatsProblem:
        return replace(self, **changes)

    @property
    def is_open(self) -> bool:
        return self.status is not ProblemStatus.OPGELOST


def parse_maatregelen(text: str) -> tuple[Maatregel, ...]:
    """'bomengrond; beluchting' → measures; an unknown name raises with the field named."""
    out = []
    for part in (p.strip() for p in text.replace(",", ";").split(";")):
        if not part:
            continue
        try:
            out.append(Maatregel(part))
        except ValueError:
            known = ", ".join(m.value for m in Maatregel)
            raise ValidationError("maatregelen", f"'{part}' is onbekend (kies uit: {known})") from None
    return tuple(out)
