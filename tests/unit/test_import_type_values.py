"""Type-object and boomgroep values are stored as what they say, and the import report lists
every source value with what it became and for how many trees."""

import pytest
from test_import_run import FakeUnitOfWork, _csv

from bomenplan.services.importing import guess_mapping, import_trees
from bomenplan.services.importing.codes import boomgroep_code
from bomenplan.services.importing.report import ValueMapping

# Assen, lon/lat in the Amsterdam order (columns swapped), the Amsterdam type-object words.
TYPES = (
    "id,latitude,longitude,soortnaam,typeobject,plantwijze\n"
    "1,6.56,53.00,Tilia cordata,Boom niet vrij uitgroeiend,in rij\n"
    "2,6.56,53.00,Tilia cordata,Boom niet vrij uitgroeiend,laanboom\n"
    "3,6.57,53.00,Tilia cordata,Boom vrij uitgroeiend,Solitair\n"
    "4,6.57,53.00,,Stobbe,in groep\n"
    "5,6.58,53.01,Tilia cordata,Fruitboom,boomweide\n"
    "6,6.58,53.01,Tilia cordata,Boomstam-algemeen,\n"
    "7,6.58,53.01,Tilia cordata,Knotboom,langs de sloot\n"
)


@pytest.mark.parametrize("text, code", [
    ("in rij", "laanboom"), ("Laanboom", "laanboom"), ("solitair", "solitair"),
    ("In  groep", "boomweide"), ("boomweide", "boomweide"), ("", "onbekend"), ("langs de sloot", "onbekend"),
])
def test_boomgroep_words(text, code):
    assert boomgroep_code(text) == code


def test_plantwijze_column_feeds_boomgroep(tmp_path):
    assert guess_mapping(_csv(tmp_path, TYPES)).fields["boomgroep"] == "plantwijze"


def test_type_object_and_boomgroep_values_stored_faithfully(tmp_path):
    src = _csv(tmp_path, TYPES)
    uow = FakeUnitOfWork()
    report = import_trees(uow, src, guess_mapping(src))
    assert report.rows_accepted == 7
    batch = uow.trees.batches[0]
    assert batch.text["beheertype"] == ["niet vrij uitgroeiend", "niet vrij uitgroeiend",
                                        "vrij uitgroeiend", "onbekend", "fruit", "onbekend", "knot"]
    assert batch.text["status"][3] == "stobbe"
    assert batch.text["boomgroep"] == ["laanboom", "laanboom", "solitair", "boomweide", "boomweide",
                                       "onbekend", "onbekend"]


def test_report_lists_each_source_value_with_what_it_became(tmp_path):
    src = _csv(tmp_path, TYPES)
    report = import_trees(FakeUnitOfWork(), src, guess_mapping(src))
    beheer = [m for m in report.value_mappings if m.field == "beheertype"]
    assert beheer[0] == ValueMapping("beheertype", "Boom niet vrij uitgroeiend", "niet vrij uitgroeiend", 2)
    assert set(beheer[1:]) == {
        ValueMapping("beheertype", "Boom vrij uitgroeiend", "vrij uitgroeiend", 1),
        ValueMapping("beheertype", "Stobbe", "onbekend (status stobbe)", 1),
        ValueMapping("beheertype", "Fruitboom", "fruit", 1),
        ValueMapping("beheertype", "Boomstam-algemeen", "onbekend", 1),
        ValueMapping("beheertype", "Knotboom", "knot", 1)}
    groups = {(m.source, m.stored, m.count) for m in report.value_mappings if m.field == "boomgroep"}
    assert groups == {("in rij", "laanboom", 1), ("laanboom", "laanboom", 1), ("Solitair", "solitair", 1),
                      ("in groep", "boomweide", 1), ("boomweide", "boomweide", 1),
                      ("", "onbekend", 1), ("langs de sloot", "onbekend", 1)}
    lines = report.summary_lines()
    assert "  beheertype: 'Boom niet vrij uitgroeiend' → niet vrij uitgroeiend: 2" in lines


def test_without_a_boomgroep_column_it_stays_unknown(tmp_path):
    src = _csv(tmp_path, "id,latitude,longitude,soortnaam\n1,6.56,53.00,Tilia cordata\n")
    uow = FakeUnitOfWork()
    report = import_trees(uow, src, guess_mapping(src))
    assert uow.trees.batches[0].text["boomgroep"] == ["onbekend"]
    assert report.value_mappings == []
