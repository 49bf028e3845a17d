"""Guessing column mappings, mapping files, and source words → IMBOR codes."""

import json

import pytest

from bomenplan.services.importing import (
    ColumnMapping,
    guess_mapping,
    load_mapping_file,
    read_source,
)
from bomenplan.services.importing.codes import (
    beheertype_and_status,
    beleidsstatus_code,
    hoogteklasse_code,
)
from bomenplan.services.importing.species_match import clean_species_name


def _source(tmp_path, header, row):
    path = tmp_path / "s.csv"
    path.write_text(header + "\n" + row + "\n", encoding="utf-8")
    return read_source(path)


def test_amsterdam_headers(tmp_path):
    src = _source(tmp_path, "id,latitude,longitude,soortnaam,soortnaamtop,jaarvanaanleg,typeobject,"
                  "typeeigenaarplus,typebeheerderplus,boomhoogteklasseactueel",
                  "1,4.86,52.32,Prunus padus,Kers (Prunus),1983,Stobbe,Gemeente,R&E,a. tot 6 m.")
    m = guess_mapping(src)
    assert m.fields["boomnummer"] == "id"
    assert (m.fields["x"], m.fields["y"]) == ("longitude", "latitude")
    assert m.fields["plantjaar"] == "jaarvanaanleg"
    assert m.fields["beheertype"] == "typeobject"
    assert m.fields["eigenaar"] == "typeeigenaarplus"
    assert m.fields["hoogteklasse"] == "boomhoogteklasseactueel"
    assert m.crs == "EPSG:4326"


def test_german_headers_and_gauss_krueger_zone_3(tmp_path):
    src = _source(tmp_path, '"baumnummer,C,20","hochwert,N,19,11","rechtswert,N,19,11","ga_lang,C,80",STRASSE',
                  '" 20",6074377.33,3530082.72,"Alnus glutinosa, Schwarz-Erle",Alsterbogen')
    m = guess_mapping(src)
    assert (m.fields["x"], m.fields["y"]) == ("rechtswert", "hochwert")
    assert m.fields["species_name"] == "ga_lang" and m.fields["straat"] == "STRASSE"
    assert m.crs == "EPSG:31467"  # Flensburg: rechtswert 3.53e6 (zone 3), hochwert 6.07e6


@pytest.mark.parametrize(("x", "y", "crs"), [
    ("3530082.7", "6074377.3", "EPSG:31467"),   # Gauss-Krüger zone 3 (Flensburg)
    ("2580000.0", "5700000.0", "EPSG:31466"),   # zone 2
    ("4450000.0", "5800000.0", "EPSG:31468"),   # zone 4
    ("530000.0", "6070000.0", "EPSG:25832"),    # UTM 32N
    ("183630.4", "579873.3", "EPSG:28992"),     # RD New
    ("6.56", "52.99", "EPSG:4326"),             # degrees
    ("1530000.0", "6070000.0", None),           # millions, but no German zone
    ("3530000.0", "4000000.0", None),           # zone-3 x with a y outside Germany
    ("900000.0", "900000.0", None),             # outside NL, not degrees: ask, never RD New
])
def test_crs_guess_from_coordinate_medians(tmp_path, x, y, crs):
    m = guess_mapping(_source(tmp_path, "nr,x,y", f"1,{x},{y}"))
    assert m.crs == crs


def test_rd_values_give_rd_new_and_status_words_go_to_beleidsstatus(tmp_path):
    src = _source(tmp_path, "ELEMENTNR,BOOMSOORT,PLANTJAAR,STATUS,X,Y",
                  "1080,Populus canadensis,1925,monumentale boom,183630.4,579873.3")
    m = guess_mapping(src)
    assert m.crs == "EPSG:28992"
    assert m.fields["beleidsstatus"] == "STATUS" and m.fields["status"] is None
    assert m.fields["boomnummer"] == "ELEMENTNR"


def test_mapping_file_overrides_guess(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"boomnummer": "nr", "x": None, "crs": "EPSG:31467"}))
    m = load_mapping_file(path, base=ColumnMapping().updated({"x": "a", "y": "b"}))
    assert m.fields["boomnummer"] == "nr" and m.fields["x"] is None and m.fields["y"] == "b"
    assert m.crs == "EPSG:31467"
    path.write_text(json.dumps({"hoogte": "h"}))
    with pytest.raises(ValueError, match="hoogte"):
        load_mapping_file(path)


@pytest.mark.parametrize("text, code", [
    ("c. 9 tot 12 m.", "9-12 m"), ("a. tot 6 m.", "0-6 m"), ("tot 6 m.", "0-6 m"),
    ("g. 24 m. en hoger", ">= 24 m"), ("12-15 m", "12-15 m"), ("q. Niet van toepassing", "onbekend"),
    ("ZZ_Vervallen 12 tot 18 m.", "onbekend"), ("f. 18 tot 24 m.", "18-24 m"),
])
def test_height_classes(text, code):
    assert hoogteklasse_code(text) == code


@pytest.mark.parametrize("text, expected", [
    ("Boom niet vrij uitgroeiend", ("niet vrij uitgroeiend", None)),
    ("Boom vrij uitgroeiend", ("vrij uitgroeiend", None)), ("Knotboom", ("knot", None)),
    ("Leiboom", ("lei", None)), ("Vormboom", ("vorm", None)),
    ("Gekandelaberde boom", ("gekandelaberd", None)), ("Stobbe", (None, "stobbe")),
    ("Fruitboom", ("fruit", None)), ("Boomstam-algemeen", (None, None)),
])
def test_typeobject(text, expected):
    assert beheertype_and_status(text) == expected


def test_beleidsstatus_and_species_cleaning():
    assert beleidsstatus_code("monumentale boom") == "monumentaal"
    assert beleidsstatus_code("waardevolle boom") == "waardevol"
    assert beleidsstatus_code("gedenkboom") == "gedenkboom"
    assert beleidsstatus_code("iets anders") == "geen"
    assert clean_species_name("Alnus glutinosa, Schwarz-Erle") == "Alnus glutinosa"
    assert clean_species_name("Sophora japonica 'Regent' – Honingboom") == "Sophora japonica 'Regent'"
    assert clean_species_name("Ulmus `Dodoens`") == "Ulmus 'Dodoens'"
