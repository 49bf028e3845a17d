"""Species services on in-memory fakes: catalogue loading, edit with change log, unmatched
register names with counts and mapping, diversity per wijk and what-if."""

from dataclasses import replace

import numpy as np
import pytest
from fakes import FakeUnitOfWork

from bomenplan.domain.ecology import CatalogueEntry, EcoProfile, NativeStatus
from bomenplan.domain.errors import NotFound, ValidationError
from bomenplan.domain.register_columns import COLUMN_TYPES, RegisterColumns
from bomenplan.domain.species import Species
from bomenplan.services import species_catalogue as cat
from bomenplan.services import species_register as reg


class FakeCatalogue:
    def __init__(self, names=None):
        self.rows: dict[int, CatalogueEntry] = {}
        self.weights = []
        self.mappings: dict[str, int] = {}
        self.names = names or {}
        self.links: dict[str, int] = {}

    def count(self):
        return len(self.rows)

    def entries(self):
        return list(self.rows.values())

    def get(self, species_id):
        if species_id not in self.rows:
            raise NotFound(species_id)
        return self.rows[species_id]

    def add(self, entry):
        sid = len(self.rows) + 1
        stored = CatalogueEntry(replace(entry.species, id=sid), entry.profile)
        self.rows[sid] = stored
        return stored

    def add_many(self, entries):
        for e in entries:
            self.add(e)
        return len(entries)

    def update(self, entry, expected_version=None):
        self.rows[entry.species.id] = entry
        return entry

    def active_weights(self):
        return self.weights[-1] if self.weights else None

    def weight_versions(self):
        return list(self.weights)

    def save_weights(self, w):
        self.weights.append(w)

    def name_mappings(self):
        return dict(self.mappings)

    def map_name(self, name, species_id, user=""):
        self.mappings[name] = species_id

    def register_name_counts(self):
        return dict(self.names)

    def link_trees(self, name, species_id):
        self.links[name] = species_id
        return self.names.get(name, 0)


def entry(name, genus, family, cultivar="", status=NativeStatus.INHEEMS):
    return CatalogueEntry(Species(None, name, "", cultivar, genus, family),
                          EcoProfile(native_status=status, insect_species=50))


CATALOGUE = [entry("Tilia × europaea", "Tilia", "Malvaceae"),
             entry("Tilia × europaea", "Tilia", "Malvaceae", "Pallida"),
             entry("Quercus robur", "Quercus", "Fagaceae"),
             entry("Ulmus × hollandica", "Ulmus", "Ulmaceae", "Columella"),
             entry("Gleditsia triacanthos", "Gleditsia", "Fabaceae", status=NativeStatus.EXOOT)]


@pytest.fixture
def uow():
    u = FakeUnitOfWork()
    u.catalogue = FakeCatalogue({"Tilia × europaea 'Pallida'": 4, "Linde Brink": 7,
                                 "Gleditsia triacantos": 2, "Ulmus 'Columella'": 1,
                                 "Quercus robur": 9})
    cat.ensure_catalogue(u, loader=lambda: CATALOGUE)
    return u


def test_ensure_catalogue_loads_once(uow):
    assert uow.catalogue.count() == 5 and uow.committed
    assert cat.ensure_catalogue(uow, loader=lambda: CATALOGUE) == 0
    assert len(uow.catalogue.weights) == 1


def test_edit_value_is_logged_with_source(uow):
    cat.edit_value(uow, 3, "nectar", "2", "Imkerpedia", "piet")
    (change,) = uow.changes.entries
    assert (change.entity, change.entity_id, change.field, change.old, change.new, change.reason) \
        == ("species", 3, "nectar", "", "2", "bron: Imkerpedia")
    with pytest.raises(ValidationError):
        cat.edit_value(uow, 3, "scientific_name", "X", "bron")


def test_unmatched_lists_names_with_counts_and_suggestions(uow):
    unmatched = reg.unmatched_register_species(uow)
    assert [(u.name, u.trees) for u in unmatched] == [("Linde Brink", 7),
                                                      ("Gleditsia triacantos", 2)]
    assert unmatched[1].suggestion.species.scientific_name == "Gleditsia triacanthos"
    assert reg.map_register_name(uow, "Linde Brink", 1) == 7
    assert uow.catalogue.links == {"Linde Brink": 1}
    assert [u.name for u in reg.unmatched_register_species(uow)] == ["Gleditsia triacantos"]


def test_genus_plus_cultivar_matches_the_unique_cultivar(uow):
    found = reg.lookup(uow)
    assert found.match("Ulmus 'Columella'").species.full_name == "Ulmus × hollandica 'Columella'"
    assert found.match("Tilia × europaea 'Pallida'").species.cultivar == "Pallida"


def columns(rows):
    data = {k: [] for k in COLUMN_TYPES}
    for i, (name, wijk) in enumerate(rows):
        values = dict(id=i + 1, site_id=i + 1, x=0.0, y=0.0, boomnummer=str(i), species_name=name,
                      genus=name.split()[0], plantjaar=0, hoogteklasse="onbekend",
                      stamdiameter_cm=None, boomveiligheidsklasse="onbekend", beheertype="",
                      status="levend", beleidsstatus="geen", eigenaar="", straat="", wijk=wijk,
                      buurt="", boomgroep="onbekend")
        for k in COLUMN_TYPES:
            data[k].append(values[k])
    return RegisterColumns.from_lists(data)


def test_diversity_counts_cultivars_as_their_species(uow):
    cols = columns([("Tilia × europaea 'Pallida'", "A"), ("Tilia × europaea", "A"),
                    ("Quercus robur", "A"), ("Quercus robur", "B")])
    result = {r.group: r for r in reg.diversity(cols, reg.lookup(uow), by="wijk")}
    a = result["A"].largest("species")
    assert (a.taxon, a.count, a.total) == ("Tilia × europaea", 2, 3)
    assert result["A"].largest("family").taxon == "Malvaceae"
    with pytest.raises(ValidationError):
        reg.diversity(cols, reg.lookup(uow), by="kleur")


def test_unknown_names_count_at_genus_and_family_through_the_catalogue(uow):
    # "Tilia sp." is a genus-only record: no species; genus Tilia; family from the catalogue's
    # Tilia entries (Malvaceae). 2 of 4 trees are Tilia → genus and family 50 %.
    cols = columns([("Tilia sp.", "A"), ("Tilia × europaea 'Pallida'", "A"), ("Quercus robur", "A"),
                    ("Quercus robur", "A")])
    a = reg.diversity(cols, reg.lookup(uow), by="wijk")[0]
    assert (a.largest("genus").taxon, a.largest("genus").count) in (("Tilia", 2), ("Quercus", 2))
    assert {s.taxon: s.count for s in a.top["family"]} == {"Malvaceae": 2, "Fagaceae": 2}
    assert a.unknown["species"] == 1 and a.unknown["family"] == 0


def test_diversity_warnings_name_the_recorded_disease_risk():
    assert reg.disease_risk("Fraxinus excelsior").startswith("hoog: essentaksterfte")
    assert reg.disease_risk("Fraxinus").startswith("matig: essentaksterfte")  # genus share
    assert reg.disease_risk("Aesculus hippocastanum").startswith("hoog: kastanjebloedingsziekte")
    assert reg.disease_risk("Tilia cordata") == ""  # nothing recorded


def test_what_if_and_eco_columns(uow):
    cols = columns([("Quercus robur", "A")] * 3 + [("Onbekend boompje", "A")])
    result = reg.what_if(cols, reg.lookup(uow), "wijk", "A", 4, 5)
    assert result.share_change("species") == (0.0, 50.0)
    score, native = reg.eco_columns(cols, reg.lookup(uow))
    assert np.isnan(score[3]) and native[3] == "" and native[0] == "inheems"
