"""Ecological profile of a species and its explainable ecological score (Groenvisie Assen §3.6).

The score is a sum of components; each component shows its raw value, weight, points and source,
so a planner can see why a species scores what it scores. Weights are versioned settings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.hardiness import capped_class, zone_value
from bomenplan.domain.species import Species


class NativeStatus(StrEnum):
    INHEEMS = "inheems"
    INGEBURGERD = "ingeburgerd"
    EXOOT = "exoot"


# Field name → (kind, source group). kind: "int", "float", "bool", "str", "status".
ECO_FIELDS: dict[str, tuple[str, str]] = {
    "crown_diameter_m": ("float", "size"), "life_expectancy_years": ("int", "size"),
    "insect_species": ("int", "insects"), "insect_basis": ("str", "insects"),
    "nectar": ("int", "bees"), "pollen": ("int", "bees"), "flowering_months": ("str", "bees"),
    "waardboom_vlinders": ("bool", "wildlife"), "waardboom_vogels": ("bool", "wildlife"),
    "fruit_people": ("bool", "wildlife"), "fruit_birds": ("bool", "wildlife"),
    "epr_host": ("bool", "wildlife"), "allergenic_pollen": ("bool", "wildlife"),
    "native_status": ("status", "native"), "invasive": ("bool", "native"),
    "tol_drought": ("int", "tolerance"), "tol_heat": ("int", "tolerance"),
    "tol_paving": ("int", "tolerance"), "tol_salt": ("int", "tolerance"),
    "tol_wet": ("int", "tolerance"),
    "thermal_margin_now_c": ("float", "climate"), "thermal_margin_2050_c": ("float", "climate"),
    "hydraulic_margin_now_mm": ("float", "climate"), "hydraulic_margin_2050_mm": ("float", "climate"),
    "climate_now": ("int", "climate"), "climate_2050": ("int", "climate"),
    "hardiness_zone": ("zone", "climate"),
    "note": ("str", "names"),
}
SOURCE_GROUPS = ("names", "size", "insects", "bees", "wildlife", "native", "tolerance", "climate")
_RANGES = {"nectar": (0, 5), "pollen": (0, 5), "climate_now": (0, 3), "climate_2050": (0, 3),
           **{f"tol_{t}": (0, 3) for t in ("drought", "heat", "paving", "salt", "wet")}}


@dataclass(frozen=True)
class EcoProfile:
    """Ecological and planning facts of one catalogue species (None = unknown)."""

    crown_diameter_m: float | None = None
    life_expectancy_years: int | None = None
    insect_species: int | None = None
    insect_basis: str = ""
    nectar: int | None = None
    pollen: int | None = None
    flowering_months: str = ""
    waardboom_vlinders: bool = False
    waardboom_vogels: bool = False
    fruit_people: bool = False
    fruit_birds: bool = False
    epr_host: bool = False
    allergenic_pollen: bool = False
    native_status: NativeStatus = NativeStatus.EXOOT
    invasive: bool = False
    tol_drought: int | None = None
    tol_heat: int | None = None
    tol_paving: int | None = None
    tol_salt: int | None = None
    tol_wet: int | None = None
    thermal_margin_now_c: float | None = None
    thermal_margin_2050_c: float | None = None
    hydraulic_margin_now_mm: float | None = None
    hydraulic_margin_2050_mm: float | None = None
    climate_now: int | None = None
    climate_2050: int | None = None
    hardiness_zone: str = ""  # USDA zone, e.g. "6b"; caps climate robustness (domain.hardiness)
    note: str = ""
    sources: dict[str, str] = field(default_factory=dict, compare=True, hash=False)

    def source(self, group: str) -> str:
        return self.sources.get(group, "")

    def with_value(self, name: str, value, source: str) -> EcoProfile:
        """A copy with one value changed (parsed and checked) and its group's source set."""
        if name not in ECO_FIELDS:
            raise ValidationError(name, "onbekend veld")
        if not source.strip():
            raise ValidationError(name, "bron is verplicht")
        parsed = parse_value(name, value)
        group = ECO_FIELDS[name][1]
        return replace(self, **{name: parsed}, sources={**self.sources, group: source.strip()})


def parse_value(name: str, value):
    """Text or native value → the field's type; raises ValidationError naming the field."""
    kind = ECO_FIELDS[name][0]
    text = value.strip() if isinstance(value, str) else value
    if text == "" or text is None:
        if kind in ("int", "float"):
            return None
        if kind in ("str", "zone"):
            return ""
        raise ValidationError(name, "waarde ontbreekt")
    try:
        if kind == "int":
            parsed = int(float(text))
            low, high = _RANGES.get(name, (0, 100_000))
            if not low <= parsed <= high:
                raise ValidationError(name, f"{parsed} ligt buiten {low}–{high}")
            return parsed
        if kind == "float":
            return float(str(text).replace(",", "."))
        if kind == "bool":
            return _parse_bool(text)
        if kind == "status":
            return NativeStatus(str(text).strip().lower())
        if kind == "zone":
            zone_value(str(text))
            return str(text).strip().lower()
    except ValueError as exc:
        raise ValidationError(name, f"ongeldige waarde {value!r}") from exc
    return str(text)


def _parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "ja", "j", "true", "waar", "yes", "y"):
        return True
    if text in ("0", "nee", "n", "false", "onwaar", "no"):
        return False
    raise ValueError(text)


def profile_from_values(values: dict, sources: dict[str, str]) -> EcoProfile:
    """Build a profile from text values keyed by field name (missing → default)."""
    parsed = {}
    for f in fields(EcoProfile):
        if f.name in values and f.name in ECO_FIELDS:
            parsed[f.name] = parse_value(f.name, values[f.name])
    return EcoProfile(**parsed, sources=dict(sources))


COMPONENTS = ("insects", "nectar", "pollen", "waardboom", "fruit", "native", "not_invasive",
              "climate_2050")


INSECT_SCALES = ("log", "sqrt")


@dataclass(frozen=True)
class EcoWeights:
    """A named, versioned set of component weights (points when the component is maximal) and
    the scale of the insect count ("log" up to eco-2026.1, "sqrt" from eco-2026.2)."""

    version: str
    weights: dict[str, float]
    insect_scale: str = "sqrt"

    def __post_init__(self):
        if self.insect_scale not in INSECT_SCALES:
            raise ValidationError("insect_scale", f"onbekende schaal {self.insect_scale!r}")
        missing = set(COMPONENTS) - set(self.weights)
        if missing:
            raise ValidationError("weights", f"ontbrekende componenten: {sorted(missing)}")
        if any(w < 0 for w in self.weights.values()):
            raise ValidationError("weights", "gewichten moeten ≥ 0 zijn")
        if not math.isclose(sum(self.weights[c] for c in COMPONENTS), 100.0, abs_tol=1e-9):
            raise ValidationError("weights", "gewichten moeten samen 100 zijn")


# The first shipped version: kept loadable (saved catalogues may use it). See METHOD.md.
WEIGHTS_2026_1 = EcoWeights("eco-2026.1", {
    "insects": 30.0, "nectar": 10.0, "pollen": 10.0, "waardboom": 5.0, "fruit": 10.0,
    "native": 15.0, "not_invasive": 10.0, "climate_2050": 10.0,
}, insect_scale="log")
# eco-2026.2: insect count on a square-root scale and weighted 40; nectar + pollen 10 together.
DEFAULT_WEIGHTS = EcoWeights("eco-2026.2", {
    "insects": 40.0, "nectar": 5.0, "pollen": 5.0, "waardboom": 5.0, "fruit": 10.0,
    "native": 15.0, "not_invasive": 10.0, "climate_2050": 10.0,
}, insect_scale="sqrt")
SHIPPED_WEIGHTS = (WEIGHTS_2026_1, DEFAULT_WEIGHTS)
INSECT_REFERENCE = 450  # Salix spp., Kennedy & Southwood 1984: the maximum in the table
_NATIVE_FRACTION = {NativeStatus.INHEEMS: 1.0, NativeStatus.INGEBURGERD: 0.5, NativeStatus.EXOOT: 0.0}


@dataclass(frozen=True)
class EcoComponent:
    name: str  # code from COMPONENTS; the UI words it
    raw: str  # the value the component is computed from, as shown
    weight: float
    fraction: float  # 0..1
    points: float  # weight × fraction
    source: str


@dataclass(frozen=True)
class EcoScore:
    total: float  # exactly the sum of the components' points, 0..100
    components: tuple[EcoComponent, ...]
    weights_version: str


def insect_fraction(n: int | None, scale: str = "sqrt") -> float:
    """Insect species supported → 0..1 against the Salix maximum (450)."""
    if n is None:
        return 0.0
    count = min(max(n, 0), INSECT_REFERENCE)
    if scale == "log":
        return math.log1p(count) / math.log1p(INSECT_REFERENCE)
    return math.sqrt(count / INSECT_REFERENCE)


def climate_class_2050(p: EcoProfile) -> int | None:
    """The 2050 climate class after the frost test (domain.hardiness)."""
    return capped_class(p.climate_2050, p.hardiness_zone)


def _fractions(p: EcoProfile, scale: str) -> dict[str, tuple[str, float, str]]:
    """component → (raw value text, fraction 0..1, source group)."""
    n = p.insect_species
    insects = insect_fraction(n, scale)
    fruit = (0.7 if p.fruit_birds else 0.0) + (0.3 if p.fruit_people else 0.0)
    climate_class = climate_class_2050(p)
    climate = 0.5 if climate_class is None else climate_class / 3
    return {
        "insects": ("onbekend" if n is None else str(n), insects, "insects"),
        "nectar": (_num(p.nectar), (p.nectar or 0) / 5, "bees"),
        "pollen": (_num(p.pollen), (p.pollen or 0) / 5, "bees"),
        "waardboom": (_flags(vlinders=p.waardboom_vlinders, vogels=p.waardboom_vogels),
                      (p.waardboom_vlinders + p.waardboom_vogels) / 2, "wildlife"),
        "fruit": (_flags(vogels=p.fruit_birds, mensen=p.fruit_people), fruit, "wildlife"),
        "native": (str(p.native_status), _NATIVE_FRACTION[p.native_status], "native"),
        "not_invasive": ("invasief" if p.invasive else "niet invasief",
                         0.0 if p.invasive else 1.0, "native"),
        "climate_2050": (_num(climate_class), climate, "climate"),
    }


def ecological_score(profile: EcoProfile, weights: EcoWeights = DEFAULT_WEIGHTS) -> EcoScore:
    parts = []
    for name, (raw, fraction, group) in _fractions(profile, weights.insect_scale).items():
        weight = weights.weights[name]
        parts.append(EcoComponent(name, raw, weight, fraction, weight * fraction,
                                  profile.source(group)))
    total = 0.0
    for part in parts:
        total += part.points
    return EcoScore(total, tuple(parts), weights.version)


def _num(value) -> str:
    return "onbekend" if value is None else str(value)


def _flags(**flags: bool) -> str:
    on = [name for name, is_on in flags.items() if is_on]
    return ", ".join(on) if on else "geen"


@dataclass(frozen=True)
class CatalogueEntry:
    """A catalogue species (or cultivar) with its ecological profile."""

    species: Species
    profile: EcoProfile

    def score(self, weights: EcoWeights = DEFAULT_WEIGHTS) -> EcoScore:
        return ecological_score(self.profile, weights)
