"""Import of the real city files in ../shared/data (skipped when absent)."""

import csv
import io
import sqlite3
import zipfile

import pytest

from bomenplan.services.importing import guess_mapping, import_trees, read_source
from tests.helpers import shared_file

SLICE = 20_000


def _amsterdam_slice(tmp_path):
    """First 20k rows plus every row that holds a column name as a value (misaligned rows)."""
    zpath = shared_file("amsterdam-247k", "amsterdam_trees.zip")
    with zipfile.ZipFile(zpath) as zf:
        text = zf.read("amsterdam_trees.csv").decode("utf-8")
    lines = text.splitlines()
    header = lines[0].split(",")
    rest = [ln for ln in lines[SLICE + 1:] if set(next(csv.reader([ln]))) & set(header)]
    path = tmp_path / "amsterdam_slice.csv"
    path.write_text("\n".join([lines[0], *lines[1:SLICE + 1], *rest]) + "\n", encoding="utf-8")
    return path, header


def test_amsterdam_slice(tmp_path, uow_factory, db_path):
    path, header = _amsterdam_slice(tmp_path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:]
    mapped = [i for i, h in enumerate(header) if h != "soortnaamtop"]
    shifted = [r for r in rows if any(r[i] in header for i in mapped)]
    assert len(shifted) > 150  # the file's ~160+ misaligned rows are in the slice
    src = read_source(path)
    report = import_trees(uow_factory(), src, guess_mapping(src))
    assert report.rows_read == len(rows) == report.rows_accepted + report.rows_rejected
    assert report.swapped_xy
    assert sum("rij verschoven" in r.reason for r in report.rejections) == len(shifted)
    file_lines = path.read_text(encoding="utf-8").splitlines()
    for r in report.rejections:  # every reported line really holds the reported value
        assert r.value in file_lines[r.line - 1]
    rejected_lines = {r.line for r in report.rejections}
    accepted = [r for i, r in enumerate(rows) if i + 2 not in rejected_lines]
    stumps = sum(r[6] == "Stobbe" for r in accepted)
    unknown_year = sum(r[5] in ("0", "") for r in accepted)
    assert stumps > 0 and unknown_year > 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM tree WHERE status = 'stobbe'").fetchone()[0] == stumps
        assert conn.execute("SELECT COUNT(*) FROM tree WHERE plantjaar IS NULL").fetchone()[0] == unknown_year
        xmin, xmax, ymin, ymax = conn.execute("SELECT MIN(x), MAX(x), MIN(y), MAX(y) FROM site").fetchone()
    assert 100_000 < xmin < xmax < 140_000 and 470_000 < ymin < ymax < 500_000  # Amsterdam in RD


def test_leeuwarden_shapefile(uow_factory, db_path):
    src = read_source(shared_file("leeuwarden-monumental-2k", "monumentale_en_waardevolle_bomen.shp"))
    report = import_trees(uow_factory(), src, guess_mapping(src))
    assert (report.rows_read, report.rows_accepted, report.rows_rejected) == (2088, 2088, 0)
    assert report.transformation.startswith("geen")
    with sqlite3.connect(db_path) as conn:
        counts = dict(conn.execute("SELECT beleidsstatus, COUNT(*) FROM tree GROUP BY 1").fetchall())
    assert counts == {"monumentaal": 445, "waardevol": 1577, "gedenkboom": 66}


def test_flensburg_from_gauss_krueger(uow_factory, db_path):
    """EPSG:31467 → RD New: Flensburg (54.80 N, 9.47 E) lands at RD ≈ (417 km, 765 km), inside
    the register's working area; it is imported, with a warning that it lies outside NL.
    The guess from the coordinates is zone 3; the Gauss-Krüger metres taken as RD New are
    rejected with a clear reason."""
    src = read_source(shared_file("flensburg-18k", "lebende-baeume.csv"))
    mapping = guess_mapping(src)
    assert mapping.fields["species_name"] == "ga_lang" and mapping.fields["x"] == "rechtswert"
    assert mapping.crs == "EPSG:31467"
    report = import_trees(uow_factory(), src, mapping, crs="EPSG:31467")
    assert report.rows_read == 18697 == report.rows_accepted + report.rows_rejected
    assert report.rows_accepted >= 18600 and report.rows_outside_nl == report.rows_accepted
    assert any("buiten Nederland" in line for line in report.summary_lines())
    with sqlite3.connect(db_path) as conn:
        x, y = conn.execute("SELECT AVG(x), AVG(y) FROM site").fetchone()
        assert 400_000 < x < 430_000 and 750_000 < y < 780_000
        conn.execute("DELETE FROM tree")
        conn.execute("DELETE FROM site")
    wrong = import_trees(uow_factory(), src, mapping, crs="EPSG:28992")
    assert wrong.rows_rejected == 18697 and "--crs" in wrong.rejections[0].reason
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM tree").fetchone()[0] == 0


@pytest.mark.parametrize("name, n", [("ijburg_trees.csv", 2216), ("sarphati_trees.csv", 507),
                                     ("wallengebied_trees.csv", 1099), ("IGP_trees.csv", 1176)])
def test_amsterdam_buurten(uow_factory, name, n):
    src = read_source(shared_file("amsterdam-buurten-5k", name))
    mapping = guess_mapping(src)
    assert mapping.fields["species_name"] == "Soortnaam_WTS"
    assert mapping.fields["dutch_name"] == "Soortnaam_NL"
    report = import_trees(uow_factory(), src, mapping)
    assert report.rows_read == n == report.rows_accepted + report.rows_rejected
    assert report.rows_accepted >= n - 5
    assert not report.swapped_xy


# Amsterdam typeobject → stored beheertype, as the words say (not from the code's table).
AMSTERDAM_TYPES = {"Boom niet vrij uitgroeiend": "niet vrij uitgroeiend",
                   "Boom vrij uitgroeiend": "vrij uitgroeiend", "Knotboom": "knot",
                   "Leiboom": "lei", "Vormboom": "vorm", "Gekandelaberde boom": "gekandelaberd",
                   "Fruitboom": "fruit", "Stobbe": "onbekend"}


def test_amsterdam_type_objects_are_stored_faithfully_and_reported(tmp_path, uow_factory, db_path):
    path, header = _amsterdam_slice(tmp_path)
    src = read_source(path)
    report = import_trees(uow_factory(), src, guess_mapping(src))
    rejected = {r.line for r in report.rejections}
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[1:]
    typeobject = header.index("typeobject")
    expected: dict[str, int] = {}
    for i, r in enumerate(rows):
        if i + 2 not in rejected:
            expected[r[typeobject]] = expected.get(r[typeobject], 0) + 1
    assert expected["Boom niet vrij uitgroeiend"] > 10_000  # the bulk of the city's trees
    reported = {m.source: m.count for m in report.value_mappings if m.field == "beheertype"}
    assert reported == expected
    stored = {m.source: m.stored.split(" (")[0] for m in report.value_mappings if m.field == "beheertype"}
    assert all(stored[v] == AMSTERDAM_TYPES.get(v, "onbekend") for v in stored)
    with sqlite3.connect(db_path) as conn:
        counts = dict(conn.execute("SELECT beheertype, COUNT(*) FROM tree GROUP BY 1").fetchall())
    assert counts["niet vrij uitgroeiend"] == expected["Boom niet vrij uitgroeiend"]
    assert counts["vrij uitgroeiend"] == expected["Boom vrij uitgroeiend"]
    assert any("'Boom niet vrij uitgroeiend' → niet vrij uitgroeiend" in line
               for line in report.summary_lines())
