"""Species catalogue on a real SQLite file: loading, editing with change log, import/export,
unmatched register names and mapping."""

import csv

import pytest
from shapely.geometry import Point

from bomenplan.domain.ecology import DEFAULT_WEIGHTS, EcoWeights
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.species import Species
from bomenplan.domain.tree import Tree
from bomenplan.services import species_catalogue as cat
from bomenplan.services import species_register as reg
from bomenplan.services.register import add_tree, load_register
from bomenplan.services.species_csv import RESOURCE

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def _by_name(uow_factory, full_name):
    return next(e for e in cat.list_entries(uow_factory()) if e.species.full_name == full_name)


def test_catalogue_is_loaded_once_with_default_weights(uow_factory):
    added = cat.ensure_catalogue(uow_factory())
    with RESOURCE.open(encoding="utf-8") as f:
        rows = sum(1 for _ in csv.DictReader(f))
    assert added == rows >= 150
    assert cat.ensure_catalogue(uow_factory()) == 0
    assert cat.current_weights(uow_factory()) == DEFAULT_WEIGHTS
    entries = cat.list_entries(uow_factory())
    assert len(entries) == rows
    oak = _by_name(uow_factory, "Quercus robur")
    assert oak.profile.insect_species == 423 and "Southwood" in oak.profile.source("insects")


def test_edit_value_logs_change_and_changes_score(uow_factory):
    cat.ensure_catalogue(uow_factory())
    kanzan = _by_name(uow_factory, "Prunus serrulata 'Kanzan'")
    _entry, before = cat.get_with_score(uow_factory(), kanzan.species.id)
    cat.edit_value(uow_factory(), kanzan.species.id, "nectar", "3", "eigen waarneming 2026", "anna")
    entry, after = cat.get_with_score(uow_factory(), kanzan.species.id)
    assert entry.profile.nectar == 3 and entry.profile.source("bees") == "eigen waarneming 2026"
    assert after.total == pytest.approx(before.total + DEFAULT_WEIGHTS.weights["nectar"] * 3 / 5)
    with uow_factory() as uow:
        log = uow.changes.for_entity("species", kanzan.species.id)
    assert (log[0].field, log[0].old, log[0].new, log[0].user) == ("nectar", "0", "3", "anna")
    with pytest.raises(ValidationError):
        cat.edit_value(uow_factory(), kanzan.species.id, "nectar", "3", "")


def test_new_weights_version_is_used(uow_factory):
    cat.ensure_catalogue(uow_factory())
    w = EcoWeights("test-2", dict(DEFAULT_WEIGHTS.weights,
                                  insects=DEFAULT_WEIGHTS.weights["insects"] + 10.0,
                                  climate_2050=DEFAULT_WEIGHTS.weights["climate_2050"] - 10.0))
    cat.save_weights(uow_factory(), w)
    oak = _by_name(uow_factory, "Quercus robur")
    _e, score = cat.get_with_score(uow_factory(), oak.species.id)
    assert score.weights_version == "test-2"
    with pytest.raises(ValidationError):
        cat.save_weights(uow_factory(), w)


def test_add_species_rejects_duplicates(uow_factory):
    cat.ensure_catalogue(uow_factory())
    new = cat.add_species(uow_factory(), Species(None, "Tilia × europaea", cultivar="Zwarte Linde",
                                                 genus="Tilia", family="Malvaceae"))
    assert new.species.id is not None
    with pytest.raises(ValidationError):
        cat.add_species(uow_factory(), Species(None, "Tilia x europaea", cultivar="zwarte linde"))


def test_export_then_import_round_trip(uow_factory, tmp_path):
    cat.ensure_catalogue(uow_factory())
    out = tmp_path / "species.csv"
    n = cat.export_catalogue(uow_factory(), out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == n
    oak = next(r for r in rows if r["scientific_name"] == "Quercus robur" and not r["cultivar"])
    parts = sum(float(oak[f"{c}_points"]) for c in
                ("insects", "nectar", "pollen", "waardboom", "fruit", "native", "not_invasive",
                 "climate_2050"))
    assert parts == pytest.approx(float(oak["eco_score"]), abs=0.05)
    oak["nectar"] = "2"
    rows.append({**oak, "cultivar": "Nieuw", "parent": "Quercus robur"})
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, rows[0].keys())
        w.writeheader()
        w.writerows(rows)
    summary = cat.import_catalogue(uow_factory(), out)
    assert (summary.added, summary.updated) == (1, 1)
    assert _by_name(uow_factory, "Quercus robur").profile.nectar == 2


def test_bad_import_names_line_and_stores_nothing(uow_factory, tmp_path):
    cat.ensure_catalogue(uow_factory())
    bad = tmp_path / "bad.csv"
    bad.write_text("scientific_name,nectar\nAcer novum,2\nAcer slecht,9\n", encoding="utf-8")
    before = len(cat.list_entries(uow_factory()))
    with pytest.raises(ValidationError, match="regel 3"):
        cat.import_catalogue(uow_factory(), bad)
    assert len(cat.list_entries(uow_factory())) == before


def _tree(uow_factory, name, n, wijk="Centrum"):
    for i in range(n):
        add_tree(uow_factory(), Tree(None, f"{name[:3]}{wijk}{i}", None, Point(233000 + i, 557000),
                                     species_name=name, wijk=wijk, straat="Brink"))


def test_unmatched_names_listed_with_counts_and_mapped(uow_factory):
    cat.ensure_catalogue(uow_factory())
    _tree(uow_factory, "Tilia × europaea 'Pallida'", 2)
    _tree(uow_factory, "Linde Brink", 3)
    _tree(uow_factory, "Gleditsia triacantos", 1)
    unmatched = reg.unmatched_register_species(uow_factory())
    assert [(u.name, u.trees) for u in unmatched] == [("Linde Brink", 3),
                                                      ("Gleditsia triacantos", 1)]
    assert unmatched[1].suggestion.species.scientific_name == "Gleditsia triacanthos"
    lime = _by_name(uow_factory, "Tilia × europaea")
    assert reg.map_register_name(uow_factory(), "Linde Brink", lime.species.id, "anna") == 3
    assert [u.name for u in reg.unmatched_register_species(uow_factory())] == ["Gleditsia triacantos"]
    assert reg.link_register(uow_factory()) == 2  # the 'Pallida' trees
    found = reg.lookup(uow_factory())
    result = reg.diversity(load_register(uow_factory()), found, by="wijk")
    (centrum,) = result
    assert centrum.largest("species").taxon == "Tilia × europaea"
    assert centrum.largest("species").count == 5 and centrum.largest("species").percent == 500 / 6


def test_diversity_per_laan_uses_stored_lanen(uow_factory):
    from shapely.geometry import LineString

    from bomenplan.domain.laan import Laan

    cat.ensure_catalogue(uow_factory())
    for i in range(6):  # a row of 4 oaks and 2 limes along y = 557000, one stray tree far off
        name = "Quercus robur" if i < 4 else "Tilia cordata"
        add_tree(uow_factory(), Tree(None, f"L{i}", None, Point(233000 + 10 * i, 557000),
                                     species_name=name, wijk="Centrum", straat="Torenlaan"))
    add_tree(uow_factory(), Tree(None, "X1", None, Point(240000, 560000),
                                 species_name="Quercus robur", wijk="Centrum"))
    with uow_factory() as uow:
        uow.lanen.add(Laan(None, "Torenlaan", (LineString([(232995, 557000), (233055, 557000)]),),
                           spacing_m=10.0, straat="Torenlaan"))
        uow.commit()
    columns = load_register(uow_factory())
    groups = reg.laan_groups(uow_factory(), columns)
    assert sorted(groups.tolist()).count("Torenlaan") == 6
    (laan,) = reg.diversity(columns, reg.lookup(uow_factory()), groups)
    assert laan.group == "Torenlaan" and laan.trees == 6
    oak = laan.largest("species")
    assert (oak.taxon, oak.count, oak.total) == ("Quercus robur", 4, 6)
    result = reg.what_if(columns, reg.lookup(uow_factory()), groups, "Torenlaan", 2,
                         _by_name(uow_factory, "Tilia cordata").species.id)
    assert result.share_change("species") == (pytest.approx(100 / 3), 50.0)
