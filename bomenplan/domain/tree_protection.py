"""Protection of crown and roots at redevelopment: zones around a tree and the measures they need.

- Kwetsbare boomzone = crown projection radius + 1.5 m; inside it no digging, storage or driving
  without an approved work plan, and a fixed fence of at least 2 m [V, soest.nl; utrecht.nl].
- Root protection area (RPA) radius = 12 × stem Ø at 1.5 m, area capped at 707 m² (r ≈ 15 m)
  [V, BS 5837:2012].
- Minimum digging distance from the stem centre: the Soest table, linear between its stem
  diameters, normal or one-sided roots / leaning [V, soest.nl].
- Monumental and valuable trees need a Boom Effect Analyse (Richtlijn BEA, Bomenstichting + CROW 2019).
"""

from __future__ import annotations

import math
from enum import StrEnum

import numpy as np

KWETSBARE_ZONE_MARGIN_M = 1.5
RPA_STEM_FACTOR = 12.0
RPA_MAX_AREA_M2 = 707.0
RPA_MAX_RADIUS_M = math.sqrt(RPA_MAX_AREA_M2 / math.pi)  # 15.0 m
FENCE_MIN_HEIGHT_M = 2.0

# Soest minimum digging distance (m) by stem Ø (cm).
SOEST_STEM_CM = (20.0, 40.0, 60.0, 80.0, 100.0, 150.0)
SOEST_NORMAL_M = (1.15, 1.50, 1.75, 2.25, 2.50, 3.50)
SOEST_ONE_SIDED_M = (2.0, 2.5, 3.0, 3.5, 4.0, 5.0)


class Zone(StrEnum):
    KWETSBARE_BOOMZONE = "kwetsbare boomzone"
    RPA = "RPA"
    GRAAFAFSTAND = "graafafstand"
    ONBEKEND = "afmetingen onbekend"


class Measure(StrEnum):
    BEA = "BEA verplicht (Richtlijn BEA 2019)"
    WERKPLAN = "goedgekeurd werkplan"
    HEKWERK = "vast hekwerk van minstens 2 m rond de kwetsbare boomzone"
    GRAAFAFSTAND = "minimale graafafstand aanhouden"
    VERPLANTEN = "verplantkandidaat → bomenbank"
    BEOORDELEN = "kroon en stam ter plaatse meten en beoordelen"


def kwetsbare_boomzone_radius_m(crown_diameter_m: float) -> float:
    """Crown projection radius + 1.5 m."""
    return crown_diameter_m / 2.0 + KWETSBARE_ZONE_MARGIN_M


def rpa_radius_m(stem_diameter_cm: float) -> float:
    """12 × stem Ø, with the area capped at 707 m²."""
    return min(RPA_STEM_FACTOR * stem_diameter_cm / 100.0, RPA_MAX_RADIUS_M)


def digging_distance_m(stem_diameter_cm: float, one_sided: bool = False) -> float:
    """Soest table, linear in between; below 20 cm the 20-cm value, above 150 cm the 150-cm value."""
    table = SOEST_ONE_SIDED_M if one_sided else SOEST_NORMAL_M
    return float(np.interp(stem_diameter_cm, SOEST_STEM_CM, table))


def zone_radii(crown_diameter_m: np.ndarray, stem_diameter_cm: np.ndarray,
               one_sided: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised radii (kwetsbare boomzone, RPA, graafafstand); NaN where the input is unknown."""
    crown = np.asarray(crown_diameter_m, dtype=float)
    stem = np.asarray(stem_diameter_cm, dtype=float)
    kz = crown / 2.0 + KWETSBARE_ZONE_MARGIN_M
    rpa = np.minimum(RPA_STEM_FACTOR * stem / 100.0, RPA_MAX_RADIUS_M)
    dig = np.interp(stem, SOEST_STEM_CM, SOEST_NORMAL_M)
    if one_sided is not None:
        dig = np.where(one_sided, np.interp(stem, SOEST_STEM_CM, SOEST_ONE_SIDED_M), dig)
    dig = np.where(np.isfinite(stem), dig, np.nan)
    return kz, rpa, dig


def required_measures(zones: tuple[Zone, ...], distance_m: float, beleidsstatus: str,
                      verplantbaar: bool) -> tuple[Measure, ...]:
    """Measures for one affected tree (empty when no zone is touched)."""
    if not zones:
        return ()
    out = []
    if beleidsstatus in ("monumentaal", "waardevol"):
        out.append(Measure.BEA)
    if Zone.ONBEKEND in zones:
        out.append(Measure.BEOORDELEN)
    if Zone.KWETSBARE_BOOMZONE in zones or Zone.RPA in zones or Zone.ONBEKEND in zones:
        out += [Measure.WERKPLAN, Measure.HEKWERK]
    if Zone.GRAAFAFSTAND in zones:
        out.append(Measure.GRAAFAFSTAND)
    if distance_m == 0.0 and verplantbaar:
        out.append(Measure.VERPLANTEN)
    return tuple(out)
