"""Export → import gives the same trees (CSV, Excel CSV, GeoJSON in WGS84, GeoPackage in RD New)."""

import json

import pytest

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.exporting import export_trees
from bomenplan.services.importing import guess_mapping, import_trees, read_source

BOTH_BACKENDS = True  # exported from SQLite and from PostgreSQL (tests/integration/conftest.py)

SOURCE = (
    "boomnummer;soortnaam;x;y;plantjaar;stamdiameter;kroondiameter;typeobject;beleidsstatus;"
    "eigenaar;straat;wijk;opmerkingen\n"
    "A1;Tilia cordata 'Greenspire';233000.25;557000.75;1990;31,5;6;Knotboom;monumentaal;"
    "Gemeente Assen;Kerkstraat;Centrum;holte\n"
    "A2;Quercus robur;233100;557050;;;;Stobbe;;Gemeente Assen;Kerkstraat;Centrum;\n"
    "A3;Fagus sylvatica;233200.5;557100.5;1875;;12,5;Boom vrij uitgroeiend;waardevol;"
    "Particulier;Brink;Centrum;\"met ; en \"\"quotes\"\"\"\n"
)
FIELDS = ("boomnummer", "species_name", "plantjaar", "stamdiameter_cm", "kroondiameter_m",
          "beheertype", "status", "beleidsstatus", "eigenaar", "straat", "wijk", "opmerkingen")


def _trees(factory):
    with factory() as uow:
        cols = uow.trees.columns()
        return [uow.trees.get(int(i)) for i in cols.id]


@pytest.fixture
def register(uow_factory, tmp_path):
    path = tmp_path / "bron.csv"
    path.write_text(SOURCE, encoding="utf-8")
    src = read_source(path)
    assert import_trees(uow_factory(), src, guess_mapping(src)).rows_accepted == 3
    return uow_factory


@pytest.mark.parametrize("name, excel, tolerance", [
    ("out.csv", False, 1e-6), ("out_excel.csv", True, 1e-6), ("out.geojson", False, 0.01),
    ("out.gpkg", False, 1e-6)])
def test_round_trip(register, tmp_path, name, excel, tolerance):
    out = tmp_path / name
    assert export_trees(register(), out, excel=excel) == 3
    engine, sessions = open_database(tmp_path / "copy.sqlite")
    copy = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    src = read_source(out)
    report = import_trees(copy(), src, guess_mapping(src))
    assert (report.rows_read, report.rows_accepted) == (3, 3)
    original, again = _trees(register), _trees(copy)
    for a, b in zip(original, again, strict=True):
        assert {f: getattr(a, f) for f in FIELDS} == {f: getattr(b, f) for f in FIELDS}
        assert a.position.distance(b.position) < tolerance
    engine.dispose()


def test_excel_csv_and_geojson_formats(register, tmp_path):
    export_trees(register(), tmp_path / "x.csv", excel=True)
    raw = (tmp_path / "x.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    first = raw.decode("utf-8-sig").splitlines()[1].split(";")
    assert "233000,25" in first and "31,5" in first
    export_trees(register(), tmp_path / "g.geojson")
    doc = json.loads((tmp_path / "g.geojson").read_text(encoding="utf-8"))
    lon, lat = doc["features"][0]["geometry"]["coordinates"]
    assert 6.4 < lon < 6.7 and 52.9 < lat < 53.1  # Assen, WGS84 longitude first (RFC 7946)
    assert "crs" not in doc


def test_unknown_suffix_is_refused(register, tmp_path):
    with pytest.raises(ValueError, match="exportformaat"):
        export_trees(register(), tmp_path / "out.xlsx")
