"""Import of a generated dirty file into a real SQLite register: exact counts, all-or-nothing."""

import sqlite3
from pathlib import Path

import pytest

from bomenplan.domain.errors import Cancelled
from bomenplan.domain.species import Species
from bomenplan.persistence.exchange_repository import SqlExchangeRepository
from bomenplan.services.importing import guess_mapping, import_trees, read_source
from bomenplan.services.importing.store import ImportMode
from tests.helpers import sql_rows

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

# the seeded register holds the same boomnummers: add them as extra trees on purpose
AS_NEW = ImportMode(duplicates_as_new=True)

# cp1252, ';' delimiter, quoted fields, decimal comma circumference (stamomtrek).
DIRTY_ROWS = [
    "boomnummer;soortnaam;x;y;plantjaar;stamomtrek;eigenaar",
    "B1;Sophora japonica 'Regent' – Honingboom;233000;557000;1990;94,2;Gemeente Assen",  # ok
    "B2;Tilia europaea;233010;557000;0;;Gemeente Assen",                 # ok, year unknown
    "B3;Quercus robur;;557000;1980;;Gemeente Assen",                     # x missing
    "B4;Quercus robur;233020;557000;19x0;;",                             # text in year
    "B5;Quercus robur;233030;557000;1200;;",                             # year out of range
    "B6;Quercus robur;233040;557000;2000;dik;",                          # text in number field
    "B7;;233050;557000;2000;;",                                          # living, no species
    "B8;Acer campestre;5000000;557000;2000;;",                           # outside NL
    '"B9";"Acer campestre \'Elsrijk\'";233060;557000;2001;;"Gemeente; Assen"',  # ok, quoted
    "B10;Acer;1;2;3;4;5;6;7",                                            # too many fields
    ";Acer campestre;233070;557000;2000;;",                              # no boomnummer
]
EXPECTED = {4: "x", 5: "plantjaar", 6: "plantjaar", 7: "stamomtrek_cm", 8: "species_name",
            9: "positie", 11: "(rij)", 12: "boomnummer"}  # line numbers, header = line 1


def dirty_csv(folder):
    path = folder / "dirty.csv"
    path.write_bytes(("\r\n".join(DIRTY_ROWS) + "\r\n").encode("cp1252"))
    return path


def _counts(db_path):
    return tuple(sql_rows(db_path, f"SELECT COUNT(*) FROM {t}")[0][0]
                 for t in ("tree", "site", "import_run"))


@pytest.fixture
def seeded(uow_factory, db_path, tmp_path):
    with uow_factory() as uow:
        uow.species.add(Species(None, "Sophora japonica", "Honingboom", cultivar="Regent"))
        uow.species.add(Species(None, "Acer campestre", "Veldesdoorn"))
        uow.commit()
    src = read_source(dirty_csv(tmp_path))
    report = import_trees(uow_factory(), src, guess_mapping(src), mode=AS_NEW)
    return report


def test_dirty_file_exact_counts_and_reasons(seeded, uow_factory, db_path):
    report = seeded
    assert (report.rows_read, report.rows_accepted, report.rows_rejected) == (11, 3, 8)
    assert {r.line: r.field for r in report.rejections} == EXPECTED
    assert all(r.file == "dirty.csv" and r.reason for r in report.rejections)
    assert report.unmatched_species == [("Tilia europaea", 1)]
    assert _counts(db_path) == (3, 3, 1)
    rows = [(*r[:4], None if r[4] is None else round(r[4], 2), r[5]) for r in sql_rows(
        db_path, "SELECT boomnummer, species_name, species_id IS NOT NULL, plantjaar, "
                 "stamdiameter_cm, eigenaar FROM tree ORDER BY id")]
    assert rows == [("B1", "Sophora japonica 'Regent'", 1, 1990, 29.98, "Gemeente Assen"),
                    ("B2", "Tilia europaea", 0, None, None, "Gemeente Assen"),
                    ("B9", "Acer campestre 'Elsrijk'", 1, 2001, None, "Gemeente; Assen")]
    with uow_factory() as uow:
        tree = uow.trees.by_boomnummer("B9")
    assert tree.position.x == pytest.approx(233060) and tree.site_id is not None


def test_forced_failure_mid_way_leaves_database_unchanged(seeded, uow_factory, db_path, tmp_path,
                                                          monkeypatch):
    before = _counts(db_path)

    def fail(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(SqlExchangeRepository, "record_import_run", fail)  # after the inserts
    src = read_source(dirty_csv(tmp_path))
    with pytest.raises(RuntimeError):
        import_trees(uow_factory(), src, guess_mapping(src), mode=AS_NEW)
    assert _counts(db_path) == before


def test_cancel_during_insert_rolls_back(seeded, uow_factory, db_path, tmp_path):
    before = _counts(db_path)
    calls = []

    def cancelled():  # third check happens inside bulk_insert, after the sites were written
        calls.append(1)
        return len(calls) >= 3

    src = read_source(dirty_csv(tmp_path))
    with pytest.raises(Cancelled):
        import_trees(uow_factory(), src, guess_mapping(src), cancelled=cancelled, mode=AS_NEW)
    assert len(calls) == 3
    assert _counts(db_path) == before


def test_second_import_gets_new_sites(seeded, uow_factory, db_path, tmp_path):
    src = read_source(dirty_csv(tmp_path))
    import_trees(uow_factory(), src, guess_mapping(src), mode=AS_NEW)
    assert sql_rows(db_path, "SELECT COUNT(DISTINCT site_id) FROM tree")[0][0] == 6
    assert sql_rows(db_path, "SELECT COUNT(*) FROM tree t LEFT JOIN site s ON s.id = t.site_id "
                             "WHERE s.id IS NULL")[0][0] == 0


def test_rollback_after_index_rebuild_keeps_indexes(seeded, uow_factory, db_path, tmp_path,
                                                    monkeypatch):
    """Big imports drop and rebuild the site/tree indexes inside the transaction; a failure
    must bring back the original indexes and rows."""
    import bomenplan.persistence.tree_repository as repo

    if not isinstance(db_path, Path):
        pytest.skip("the index rebuild of big imports is SQLite's (PostgreSQL imports with COPY)")
    monkeypatch.setattr(repo, "_REBUILD_INDEXES_FROM", 1)
    with sqlite3.connect(db_path) as conn:
        indexes = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                               "AND tbl_name IN ('tree', 'site') ORDER BY name").fetchall()
    assert ("ix_tree_boomnummer",) in indexes
    before = _counts(db_path)
    src = read_source(dirty_csv(tmp_path))
    monkeypatch.setattr(SqlExchangeRepository, "record_import_run",
                        lambda *a, **k: (_ for _ in ()).throw(RuntimeError("kapot")))
    with pytest.raises(RuntimeError):
        import_trees(uow_factory(), src, guess_mapping(src), mode=AS_NEW)
    with sqlite3.connect(db_path) as conn:
        after = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                             "AND tbl_name IN ('tree', 'site') ORDER BY name").fetchall()
    assert after == indexes and _counts(db_path) == before
    monkeypatch.undo()
    monkeypatch.setattr(repo, "_REBUILD_INDEXES_FROM", 1)
    assert import_trees(uow_factory(), src, guess_mapping(src), mode=AS_NEW).rows_accepted == 3
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name "
                            "IN ('tree', 'site') ORDER BY name").fetchall() == indexes
        assert _counts(db_path)[0] == before[0] + 3


def test_confirmed_name_mappings_and_synonyms_are_used(seeded, uow_factory, tmp_path):
    with uow_factory() as uow:
        linde = uow.species.add(Species(None, "Tilia × europaea", "Hollandse linde"))
        uow.catalogue.map_name("Tilia europaea", linde.id)  # confirmed by the user earlier
        uow.commit()
    path = tmp_path / "namen.csv"
    path.write_text("nr;soort;x;y\nN1;Tilia europaea;233000;557000\n"
                    "N2;Tilia vulgaris;233010;557000\nN3;Acer camp.;233020;557000\n", encoding="utf-8")
    src = read_source(path)
    report = import_trees(uow_factory(), src, guess_mapping(src), mode=AS_NEW)
    assert report.rows_accepted == 3 and report.unmatched_species == []
    with uow_factory() as uow:
        ids = [uow.trees.by_boomnummer(n).species_id for n in ("N1", "N2", "N3")]
    assert ids[0] == ids[1] == linde.id and ids[2] is not None
