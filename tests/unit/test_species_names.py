"""NameResolver: real register spellings resolved to catalogue species."""

import pytest

from bomenplan.domain.species import Species
from bomenplan.domain.species_names import NameResolver

CATALOGUE = [Species(1, "Tilia × europaea", genus="Tilia"),
             Species(2, "Tilia × europaea", cultivar="Pallida", genus="Tilia"),
             Species(3, "Carpinus betulus", genus="Carpinus"),
             Species(4, "Carpinus betulus", cultivar="Fastigiata", genus="Carpinus"),
             Species(5, "Acer platanoides", genus="Acer"),
             Species(6, "Acer pseudoplatanus", genus="Acer"),
             Species(7, "Ulmus × hollandica", cultivar="Columella", genus="Ulmus"),
             Species(8, "Platanus × hispanica", genus="Platanus")]
SYNONYMS = {"Tilia vulgaris": "Tilia × europaea", "Platanus acerifolia": "Platanus × hispanica"}


@pytest.mark.parametrize(("recorded", "expected"), [
    ("Tilia x europaea 'Pallida'", 2),
    ("Tilia vulgaris", 1),
    ("Tilia vulg. 'pallida'", 2),
    ("Carpinus bet. fastigiata", 4),
    ("Acer plat. 'Crimson King'", 5),  # unknown cultivar → its species
    ("Platanus acerifolia", 8),
    ("Ulmus 'Columella'", 7),
])
def test_resolves_real_register_spellings(recorded, expected):
    assert NameResolver(CATALOGUE, SYNONYMS).resolve(recorded).id == expected


@pytest.mark.parametrize("recorded", ["Acer p.", "Niet opgenomen", "", "Quercus robur",
                                      "Ulmus 'Lobel'"])
def test_ambiguous_or_unknown_names_stay_unresolved(recorded):
    assert NameResolver(CATALOGUE, SYNONYMS).resolve(recorded) is None
