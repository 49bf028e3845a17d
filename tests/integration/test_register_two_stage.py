"""Two-stage register read on a real SQLite file: stage 1 carries what the map and the first
table screen need, placeholders elsewhere; stage 2 (the full read) fills in the rest."""

import math

import numpy as np
from shapely.geometry import Point

from bomenplan.domain.register_columns import FirstStageColumns
from bomenplan.domain.tree import Tree
from bomenplan.domain.values import TreeStatus
from bomenplan.services import register

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

TREES = [  # boomnummer, species, status, x, y, plantjaar, diameter, wijk
    ("AS-1", "Quercus robur", TreeStatus.LEVEND, 233000.0, 557000.0, 1950, 60.0, "Centrum"),
    ("AS-2", "Tilia cordata", TreeStatus.GEKAPT, 233010.5, 557001.5, 1980, 35.0, "Noord"),
    ("AS-3", "Quercus rubra", TreeStatus.LEVEND, 233020.0, 557002.0, 2001, None, "Oost"),
    ("AS-4", "Tilia cordata", TreeStatus.LEVEND, 233030.0, 557003.0, None, 20.0, "Centrum"),
]


def fill(uow_factory) -> list[int]:
    ids = []
    for nummer, species, status, x, y, year, diameter, wijk in TREES:
        tree = register.add_tree(uow_factory(), Tree(
            id=None, boomnummer=nummer, site_id=None, position=Point(x, y), species_name=species,
            status=status, plantjaar=year, stamdiameter_cm=diameter, straat="Hoofdlaan", wijk=wijk))
        ids.append(tree.id)
    return ids


def test_first_stage_has_map_fields_of_all_and_everything_of_the_head(uow_factory):
    ids = fill(uow_factory)
    with uow_factory() as uow:
        first = uow.trees.first_stage_columns(head_rows=2)
    assert isinstance(first, FirstStageColumns)
    assert first.id.tolist() == ids
    assert first.x.tolist() == [233000.0, 233010.5, 233020.0, 233030.0]
    assert first.y.tolist() == [557000.0, 557001.5, 557002.0, 557003.0]
    assert first.species_name.tolist() == [t[1] for t in TREES]
    assert first.genus.tolist() == ["Quercus", "Tilia", "Quercus", "Tilia"]
    assert first.status.tolist() == ["levend", "gekapt", "levend", "levend"]
    # the first two rows (the first table screen) are complete …
    assert first.boomnummer.tolist() == ["AS-1", "AS-2", "", ""]
    assert first.wijk.tolist() == ["Centrum", "Noord", "", ""]
    assert first.plantjaar.tolist() == [1950, 1980, 0, 0]
    # … the rest are placeholders until stage 2: no value is invented
    assert first.stamdiameter_cm[:2].tolist() == [60.0, 35.0]
    assert all(math.isnan(v) for v in first.stamdiameter_cm[2:])


def test_stage_codes_decode_to_the_columns(uow_factory):
    fill(uow_factory)
    with uow_factory() as uow:
        first = uow.trees.first_stage_columns()
    for key in ("species_name", "genus", "status"):
        codes, distinct = first.stage_codes[key]
        assert [distinct[c] for c in codes] == getattr(first, key).tolist()
    codes, distinct = first.stage_codes["genus"]
    assert sorted(set(distinct)) == ["Quercus", "Tilia"]


def test_full_read_agrees_with_the_first_stage_and_fills_the_rest(uow_factory):
    fill(uow_factory)
    with uow_factory() as uow:
        first = uow.trees.first_stage_columns(head_rows=1)
    full = register.load_register(uow_factory())
    for key in ("id", "site_id", "x", "y", "species_name", "genus", "status"):
        assert np.array_equal(getattr(first, key), getattr(full, key)), key
    assert full.boomnummer.tolist() == ["AS-1", "AS-2", "AS-3", "AS-4"]
    assert full.plantjaar.tolist() == [1950, 1980, 2001, 0]


def test_empty_register_reads_empty(uow_factory):
    with uow_factory() as uow:
        first = uow.trees.first_stage_columns()
    assert len(first) == 0 and first.stage_codes["species_name"][1] == []


def test_rest_read_brings_the_fields_stage_one_left_out(uow_factory):
    ids = fill(uow_factory)
    rest = register.load_register_rest(uow_factory())
    assert rest["id"].tolist() == ids
    assert rest["boomnummer"].tolist() == ["AS-1", "AS-2", "AS-3", "AS-4"]
    assert rest["wijk"].tolist() == ["Centrum", "Noord", "Oost", "Centrum"]
    assert rest["straat"].tolist() == ["Hoofdlaan"] * 4
    assert rest["plantjaar"].tolist() == [1950, 1980, 2001, 0]
    assert math.isnan(rest["stamdiameter_cm"][2]) and rest["stamdiameter_cm"][3] == 20.0
    assert "x" not in rest and "species_name" not in rest  # stage 1 has them already
