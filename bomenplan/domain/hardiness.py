"""Frost test for climate robustness: a species' USDA hardiness zone against the site's.

The niche margins (heat, drought) say nothing about winter cold, so a Mediterranean species can
look "very robust" while its young shoots freeze back (Celtis australis: zone ~6b, vdberk nursery
data). The site zone of Assen is ~7b [I: the USDA zone maps put NE Netherlands in 7b and the
west in 8a; 7b is the colder, safer choice]. Margin rules are [I], see resources/species/METHOD.md.
"""

from __future__ import annotations

import re

ASSEN_HARDINESS_ZONE = "7b"
_ZONE = re.compile(r"^(1[0-3]|[1-9])([ab]?)$")


def zone_value(zone: str) -> float:
    """'6b' → 6.5, '7a' and '7' → 7.0; raises ValueError for anything else."""
    match = _ZONE.match(zone.strip().lower())
    if not match:
        raise ValueError(zone)
    return int(match.group(1)) + (0.5 if match.group(2) == "b" else 0.0)


def frost_cap(species_zone: str, site_zone: str = ASSEN_HARDINESS_ZONE) -> int | None:
    """Highest climate class (0–3) a species may get at the site, or None for no cap.

    Margin m = site zone − species zone, in whole zones (one zone ≈ 5.6 °C of yearly minimum):
    m < 0 → 0 (not hardy); m ≤ 1 → 1 (marginal: a nursery zone is for established trees, young
    plantings and shoots freeze at the limit, and winters scatter about a zone around the mean);
    m ≤ 1.5 → 2 (robust, not very robust); larger margins → no cap.
    """
    if not species_zone.strip():
        return None
    margin = zone_value(site_zone) - zone_value(species_zone)
    if margin < 0:
        return 0
    if margin <= 1:
        return 1
    if margin <= 1.5:
        return 2
    return None


def capped_class(climate_class: int | None, species_zone: str,
                 site_zone: str = ASSEN_HARDINESS_ZONE) -> int | None:
    """The niche class limited by the frost cap; unknown stays unknown unless the cap is 0/1."""
    cap = frost_cap(species_zone, site_zone)
    if cap is None:
        return climate_class
    if climate_class is None:
        return cap if cap <= 1 else None
    return min(climate_class, cap)
