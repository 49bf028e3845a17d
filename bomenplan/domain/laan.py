"""Lanen (avenues): one or two rows of trees along a street or path (Groenvisie §3.6, §4.1).

A laan is described by the centre line of each tree row (RD New metres), its intended spacing
and species, and how it is to be replanted. Detection proposes lanen (status voorstel); the
planner accepts, edits or rejects them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from shapely.geometry import LineString, MultiLineString

from bomenplan.domain.errors import ValidationError


class LaanType(StrEnum):
    HOOFDBOMENSTRUCTUUR = "hoofdbomenstructuur"
    WIJKONTSLUITING = "wijkontsluiting"
    WOONSTRAAT = "woonstraat"
    PARKWEG = "parkweg"
    SINGEL = "singel"


class Herplantstrategie(StrEnum):
    ZELFDE_SOORT = "zelfde soort"
    UNIFORM = "uniform"  # one species of the laan's character on every spot (statigheid)
    GEMENGD = "gemengd"


class LaanStatus(StrEnum):
    VOORSTEL = "voorstel"
    GEACCEPTEERD = "geaccepteerd"
    AFGEWEZEN = "afgewezen"


MIN_SPACING_M = 2.0  # both bounds are valid spacings
MAX_SPACING_M = 40.0


def spacing_is_valid(spacing_m: float) -> bool:
    """The one spacing rule, shared by the Laan check and the detector (never proposes less)."""
    return MIN_SPACING_M <= spacing_m <= MAX_SPACING_M


@dataclass(frozen=True)
class Laan:
    id: int | None
    name: str
    rows: tuple[LineString, ...]  # one centre line per tree row; two-sided lanen have two
    spacing_m: float  # intended distance between trees within a row
    straat: str = ""
    laan_type: LaanType = LaanType.WOONSTRAAT
    intended_species: str = ""
    herplantstrategie: Herplantstrategie = Herplantstrategie.ZELFDE_SOORT
    hoofdbomenstructuur: bool = False
    status: LaanStatus = LaanStatus.VOORSTEL
    version: int = 0
    tree_ids: tuple[int, ...] = field(default=(), compare=False)  # trees seen at detection

    def __post_init__(self):
        if not self.rows:
            raise ValidationError("rijen", "een laan heeft minstens één bomenrij")
        for i, row in enumerate(self.rows):
            if not isinstance(row, LineString) or row.is_empty or row.length <= 0:
                raise ValidationError("rijen", f"rij {i + 1} is geen lijn met lengte")
        if not spacing_is_valid(self.spacing_m):
            raise ValidationError(
                "plantafstand", f"{self.spacing_m:g} m ligt niet tussen {MIN_SPACING_M:g} "
                f"en {MAX_SPACING_M:g} m")

    @property
    def two_sided(self) -> bool:
        return len(self.rows) >= 2

    @property
    def length_m(self) -> float:
        return max(row.length for row in self.rows)

    @property
    def geometry(self) -> MultiLineString:
        return MultiLineString(list(self.rows))

    def with_changes(self, **changes) -> Laan:
        return replace(self, **changes)


@dataclass(frozen=True)
class LaanChoice:
    """A planner's replanting decision for a laan (or one gap of it), with its rationale."""

    id: int | None
    laan_id: int
    strategy: Herplantstrategie
    species: tuple[str, ...]
    pattern: str
    planting_size: str
    rationale: str
    decided_at: str  # ISO timestamp
    user: str = ""
    gap_index: int | None = None  # None = the whole laan

    def __post_init__(self):
        if not self.species:
            raise ValidationError("soort", "kies minstens één soort")
        if not self.rationale.strip():
            raise ValidationError("motivering", "leg de keuze kort uit")
