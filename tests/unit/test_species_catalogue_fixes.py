"""Catalogue values corrected after the arborist's review, each against its source:
- Aesculus hippocastanum: conkers are toxic, not fruit for people (NVIC);
- Larix: Southwood 1961's 17 for Larix spp. is already an introduced genus's count (no × 0.1);
- introduced oaks do not get the native oaks' 423 (Kennedy & Southwood 1984): Q. cerris
  423 × 0.1 ≈ 42; North American oaks at most Q. rubra's ~12 (Groenvisie Assen 2040 §3.6);
- Prunus cerasifera (SL2020: naturalised 1950–75) does not get Prunus spinosa's 153: ≈ 15;
- hybrids with a non-native parent in SL2020 are ingeburgerd (P. alba 2a; S. euxina 2a).
"""

import pytest

from bomenplan.domain.ecology import NativeStatus
from bomenplan.domain.hardiness import frost_cap
from bomenplan.services.species_csv import load_resource_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return {e.species.full_name: e.profile for e in load_resource_catalogue()}


def test_horse_chestnut_fruit_is_not_for_people(catalogue):
    assert catalogue["Aesculus hippocastanum"].fruit_people is False
    assert "giftig" in catalogue["Aesculus hippocastanum"].source("wildlife")


@pytest.mark.parametrize("name", ["Larix decidua", "Larix kaempferi"])
def test_larch_keeps_southwoods_own_count(catalogue, name):
    assert catalogue[name].insect_species == 17


@pytest.mark.parametrize(("name", "count"), [
    ("Quercus robur", 423), ("Quercus petraea", 423),  # the native oaks counted
    ("Quercus cerris", 42),  # 423 × 0.1
    ("Quercus rubra", 12), ("Quercus palustris", 12),  # North American red oaks
    ("Prunus cerasifera", 15), ("Prunus cerasifera 'Nigra'", 15),  # 153 × 0.1, cultivar too
])
def test_introduced_species_do_not_inherit_native_counts(catalogue, name, count):
    assert catalogue[name].insect_species == count


@pytest.mark.parametrize("name", ["Populus × canescens", "Salix × fragilis"])
def test_hybrids_with_a_naturalised_parent_are_ingeburgerd(catalogue, name):
    assert catalogue[name].native_status is NativeStatus.INGEBURGERD
    assert "SL2020" in catalogue[name].source("native")


def test_every_hardiness_zone_caps_the_stored_climate_classes(catalogue):
    zoned = {n: p for n, p in catalogue.items() if p.hardiness_zone}
    assert {"Celtis australis", "Quercus ilex", "Cercis siliquastrum"} <= set(zoned)
    for name, p in zoned.items():
        cap = frost_cap(p.hardiness_zone)
        for value in (p.climate_now, p.climate_2050):
            assert cap is None or value is None or value <= cap, name
    assert catalogue["Celtis australis"].climate_2050 == 1  # 6b vs 7b: marginal
