"""Issue 16 §6: "Genus sp./spec./species" names the genus only; matching and suggestions never
cross genera ("Malus species" was suggested as Alnus × spaethii)."""

import pytest

from bomenplan.domain.ecology import CatalogueEntry, EcoProfile
from bomenplan.domain.species import Species
from bomenplan.domain.species_names import NameResolver
from bomenplan.services.species_register import CatalogueLookup

CATALOGUE = [Species(1, "Malus", "Appel"), Species(2, "Malus domestica", "Appel"),
             Species(3, "Prunus spinosa", "Sleedoorn"), Species(4, "Alnus × spaethii", "Spaethse els"),
             Species(5, "Alnus glutinosa", "Zwarte els")]


@pytest.mark.parametrize("name", ["Malus species", "Malus sp.", "Malus spec.", "Malus spp.",
                                  "malus SP"])
def test_genus_only_names_map_to_the_genus(name):
    assert NameResolver(CATALOGUE).resolve(name).id == 1


@pytest.mark.parametrize("name", ["Prunus sp.", "Prunus spec.", "Alnus species"])
def test_genus_only_never_becomes_a_species(name):
    """No genus entry for Prunus / Alnus: no match — not Prunus spinosa, whose epithet starts
    with "sp", nor Alnus × spaethii."""
    assert NameResolver(CATALOGUE).resolve(name) is None


def _lookup():
    return CatalogueLookup([CatalogueEntry(s, EcoProfile()) for s in CATALOGUE], {}, synonyms={})


def test_suggestions_stay_within_the_genus():
    lookup = _lookup()
    assert lookup.suggest("Malus species") is None
    assert lookup.suggest("Pyrus spaethii") is None  # close to Alnus × spaethii, other genus
    assert lookup.suggest("Alnus glutinsa").species.id == 5  # a typo within the genus
