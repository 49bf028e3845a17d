"""Frost test: USDA zone margin against Assen (7b) caps climate robustness (rules in METHOD.md).
Zones: 7b = 7.5, 6b = 6.5, 6a = 6.0, 5b = 5.5; margin = 7.5 − species zone."""

import pytest

from bomenplan.domain.ecology import EcoProfile, climate_class_2050, parse_value
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.hardiness import capped_class, frost_cap, zone_value


@pytest.mark.parametrize(("zone", "value"), [("6b", 6.5), ("7a", 7.0), ("7", 7.0), ("10b", 10.5)])
def test_zone_value(zone, value):
    assert zone_value(zone) == value


@pytest.mark.parametrize(("zone", "cap"), [
    ("8a", 0),  # margin −0.5: not hardy in Assen
    ("7b", 1),  # margin 0: at the limit
    ("6b", 1),  # margin 1: Celtis australis — shoots freeze back, marginal
    ("6a", 2),  # margin 1.5: robust, not very robust
    ("5b", None),  # margin 2: no cap
    ("", None),  # no zone recorded
])
def test_frost_cap_by_margin(zone, cap):
    assert frost_cap(zone) == cap


def test_celtis_australis_is_not_very_robust_in_assen():
    niche_says_very_robust = EcoProfile(climate_2050=3, hardiness_zone="6b")
    assert climate_class_2050(niche_says_very_robust) == 1


def test_cap_never_raises_a_class_and_unknown_stays_unknown_above_marginal():
    assert capped_class(0, "5b") == 0
    assert capped_class(2, "6a") == 2
    assert capped_class(None, "6a") is None
    assert capped_class(None, "6b") == 1


def test_bad_zone_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as err:
        parse_value("hardiness_zone", "zone 6")
    assert err.value.field == "hardiness_zone"
