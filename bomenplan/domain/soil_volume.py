"""Soil-volume check: rootable volume needed for the final crown versus the volume available.

Default rule of thumb [V, simonstuinenboomzorg.nl]: 0.75 m³ rootable soil per m² of final crown
projection (DOMAIN.md §3). Licensed norms (e.g. the Norminstituut Bomen Boommonitor table) may be
entered by the user in a `SoilNormTable`; the app ships none.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.species import normalize_name

SOIL_M3_PER_CROWN_M2 = 0.75
RULE_OF_THUMB = "0,75 m³ per m² kroonprojectie (simonstuinenboomzorg.nl)"


@dataclass(frozen=True)
class SoilNormTable:
    """User-entered norms: required m³ per species name (or per grootteklasse code: '1a', '2' …)."""

    name: str = ""
    source: str = ""
    required_m3: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self):
        for key, value in self.required_m3.items():
            if not (math.isfinite(value) and value > 0):
                raise ValidationError("bodemvolume_norm", f"{key}: {value} m³ moet groter dan 0 zijn")
        if self.required_m3 and not self.source.strip():
            raise ValidationError("bron", "een normtabel heeft een bron nodig")

    def lookup(self, species_name: str, grootteklasse: str = "") -> float | None:
        by_name = {normalize_name(k): v for k, v in self.required_m3.items()}
        value = by_name.get(normalize_name(species_name)) if species_name else None
        if value is None and grootteklasse:
            value = self.required_m3.get(grootteklasse)
        return value


NO_NORMS = SoilNormTable()
NORM_COLUMNS = ("sleutel", "nodig_m3")


def parse_norm_rows(rows: list[dict[str, str]], name: str, source: str, file: str = "normen") -> SoilNormTable:
    """CSV rows (sleutel = soortnaam of grootteklasse, nodig_m3) → a norm table; errors name file, line, field."""
    values: dict[str, float] = {}
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        key = (row.get("sleutel") or "").strip()
        if not key:
            raise ValidationError("sleutel", f"{file}, regel {line}: sleutel ontbreekt")
        text = (row.get("nodig_m3") or "").strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise ValidationError("nodig_m3", f"{file}, regel {line}: '{text}' is geen getal") from None
        if not (math.isfinite(value) and value > 0):
            raise ValidationError("nodig_m3", f"{file}, regel {line}: {value} m³ moet groter dan 0 zijn")
        if key in values:
            raise ValidationError("sleutel", f"{file}, regel {line}: '{key}' staat er twee keer in")
        values[key] = value
    return SoilNormTable(name, source, values)


def crown_projection_m2(crown_diameter_m: float) -> float:
    return math.pi * (crown_diameter_m / 2.0) ** 2


def required_volume_m3(final_crown_diameter_m: float | None, species_name: str = "", grootteklasse: str = "",
                       norms: SoilNormTable = NO_NORMS) -> tuple[float | None, str]:
    """(required m³, which rule); a user norm wins over the rule of thumb; None when unknown."""
    norm = norms.lookup(species_name, grootteklasse)
    if norm is not None:
        return norm, norms.name or norms.source
    if final_crown_diameter_m is None or not final_crown_diameter_m > 0:
        return None, "kroondiameter onbekend"
    return SOIL_M3_PER_CROWN_M2 * crown_projection_m2(final_crown_diameter_m), RULE_OF_THUMB


def required_by_register_name(register_species: list[tuple[str, int | None]],
                              catalogue: list[tuple[int, str, str, float | None]],
                              norms: SoilNormTable = NO_NORMS) -> dict[str, float]:
    """Required m³ per species name as written in the register.

    `register_species`: (name, matched catalogue id or None); `catalogue`: (id, name, grootteklasse,
    final crown Ø m). An unmatched name is looked up by its normalized name; unknown ones are left out."""
    by_id = {row[0]: row for row in catalogue}
    by_name = {normalize_name(row[1]): row for row in catalogue}
    out = {}
    for name, species_id in register_species:
        row = by_id.get(species_id) or by_name.get(normalize_name(name or ""))
        crown, klasse = (row[3], row[2]) if row else (None, "")
        value, _rule = required_volume_m3(crown, name or "", klasse, norms)
        if value is None and row is not None:
            value, _rule = required_volume_m3(crown, row[1], klasse, norms)
        if value is not None:
            out[name] = value
    return out


@dataclass(frozen=True)
class SoilCheck:
    available_m3: float | None
    required_m3: float | None

    @property
    def known(self) -> bool:
        return self.available_m3 is not None and self.required_m3 is not None

    @property
    def shortage_m3(self) -> float | None:
        """Missing volume (0 when enough); None when either side is unknown."""
        if not self.known:
            return None
        return max(0.0, self.required_m3 - self.available_m3)

    @property
    def short(self) -> bool | None:
        return None if not self.known else self.shortage_m3 > 0


@dataclass(frozen=True)
class ShortageSummary:
    key: str  # wijk, laan or boomnummer
    n_trees: int
    n_known: int  # available and required both known
    n_short: int
    shortage_m3: float  # summed over the trees with a shortage


def summarize_shortages(keys: np.ndarray, available: np.ndarray, required: np.ndarray) -> list[ShortageSummary]:
    """Group per key (NaN = unknown), vectorised."""
    keys = np.asarray(keys, dtype=object)
    available = np.asarray(available, dtype=float)
    required = np.asarray(required, dtype=float)
    known = np.isfinite(available) & np.isfinite(required)
    shortage = np.where(known, np.clip(required - available, 0.0, None), 0.0)
    uniq, inverse = np.unique(keys.astype(str), return_inverse=True)
    n = len(uniq)
    counts = np.bincount(inverse, minlength=n)
    n_known = np.bincount(inverse, weights=known, minlength=n)
    n_short = np.bincount(inverse, weights=shortage > 0, minlength=n)
    total = np.bincount(inverse, weights=shortage, minlength=n)
    return [ShortageSummary(str(uniq[i]), int(counts[i]), int(n_known[i]), int(n_short[i]), float(total[i]))
            for i in range(n)]
