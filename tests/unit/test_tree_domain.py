import math

import pytest
from shapely.geometry import Point

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.species import Species, SpeciesMatcher, normalize_name, split_cultivar
from bomenplan.domain.tree import Site, SiteHistory, Tree, circumference_to_diameter_cm
from bomenplan.domain.values import Hoogteklasse, TreeStatus, height_class_from_metres

P = Point(233000, 557000)


def tree(**kw):
    return Tree(**{"id": 1, "boomnummer": "A", "site_id": 1, "position": P,
                   "species_name": "Quercus robur", **kw})


@pytest.mark.parametrize("field,value", [
    ("plantjaar", 1200), ("plantjaar", 3000), ("stamdiameter_cm", -1),
    ("stamdiameter_cm", 900), ("kroondiameter_m", 0), ("boomnummer", " "),
    ("position", Point(4.88, 52.35)), ("position", Point(float("nan"), 1)),
])
def test_invalid_values_name_their_field(field, value):
    with pytest.raises(ValidationError) as err:
        tree(**{field: value})
    expected = "positie" if field == "position" else field
    assert err.value.field == expected


def test_living_tree_needs_species_but_stump_does_not():
    with pytest.raises(ValidationError):
        tree(species_name="")
    assert tree(species_name="", status=TreeStatus.STOBBE).status is TreeStatus.STOBBE


def test_circumference_to_diameter():
    assert math.isclose(circumference_to_diameter_cm(math.pi * 40), 40)


@pytest.mark.parametrize("height,klasse", [(None, Hoogteklasse.ONBEKEND), (3, Hoogteklasse.H0_6),
                                           (6, Hoogteklasse.H6_9), (23.9, Hoogteklasse.H18_24),
                                           (30, Hoogteklasse.H24_PLUS)])
def test_height_classes(height, klasse):
    assert height_class_from_metres(height) is klasse


def test_site_history_current_and_empty():
    site = Site(1, P)
    felled = tree(status=TreeStatus.GEKAPT)
    assert SiteHistory(site, (felled,)).is_empty
    assert SiteHistory(site, (felled, tree(id=2))).current.id == 2


@pytest.mark.parametrize("name,expected", [
    ("Tilia × europaea 'Pallida'", ("Tilia × europaea", "Pallida")),
    ("Acer platanoides ‘Emerald Queen’", ("Acer platanoides", "Emerald Queen")),
    ("Quercus robur", ("Quercus robur", "")),
])
def test_split_cultivar(name, expected):
    assert split_cultivar(name) == expected


def test_normalize_name_ignores_hybrid_sign_case_and_accents():
    assert normalize_name("Platanus × Hispanica") == normalize_name("platanus x hispanica")
    assert normalize_name("Sorbus intermedia (Zweedse)") == "sorbus intermedia"


CATALOGUE = [
    Species(1, "Tilia × europaea", "Hollandse linde"),
    Species(2, "Tilia × europaea", "Hollandse linde", cultivar="Pallida"),
    Species(3, "Platanus × hispanica", "Gewone plataan"),
]


@pytest.mark.parametrize("name,species_id", [
    ("Tilia x europaea 'Pallida'", 2), ("Tilia × europaea 'Euchlora'", 1), ("Hollandse linde", 1),
    ("Platanus hispanica acerifolia", 3), ("gewone plataan", 3), ("Quercus robur", None), ("", None),
])
def test_species_matching(name, species_id):
    found = SpeciesMatcher(CATALOGUE).match(name)
    assert (found.id if found else None) == species_id


def test_unmatched_names_listed_once():
    names = ["Quercus robur", "Tilia × europaea", "Quercus robur", "Ulmus 'Lobel'"]
    assert SpeciesMatcher(CATALOGUE).unmatched(names) == ["Quercus robur", "Ulmus 'Lobel'"]


def test_register_columns_row_update_and_append():
    cols = RegisterColumns.from_trees([tree(), tree(id=2, plantjaar=1950)])
    assert list(cols.plantjaar) == [0, 1950] and list(cols.genus) == ["Quercus", "Quercus"]
    cols.set_row(0, tree(species_name="Tilia cordata", plantjaar=2000))
    assert cols.genus[0] == "Tilia" and cols.plantjaar[0] == 2000
    assert cols.append(tree(id=3)) == 2 and cols.index_of(3) == 2
