"""`lanen herplant` and the sortiment check on real SQLite files (the demo municipality)."""

import csv
import sqlite3
from dataclasses import replace

import pytest

from bomenplan.cli.main import run_cli
from bomenplan.domain.values import Grootteklasse
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork

NEVER_ON_A_STREET = {"Ailanthus altissima", "Prunus serotina", "Quercus rubra", "Cornus mas",
                     "Corylus avellana", "Taxus baccata", "Sambucus nigra"}
OLD_MATRIX = """laan_type,kroonruimte,verharding,kabels_leidingen,grootteklassen,voorkeursoorten,toelichting
*,*,*,*,2|3,Acer campestre,Standaard
*,smal,gesloten,*,3,Crataegus laevigata|Pyrus calleryana|Malus sylvestris|Sorbus aria,Smal en verhard
"""


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("replant") / "demo.sqlite"
    assert run_cli(["demo", "--db", str(path)]) == 0
    assert run_cli(["lanen", "detect", "--db", str(path), "--accept"]) == 0
    return path


def _options(demo_db, tmp_path, *extra) -> list[dict]:
    out = tmp_path / "opties.csv"
    assert run_cli(["lanen", "herplant", "--db", str(demo_db), "--out", str(out), *extra]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_hoofdlaan_gets_a_uniform_option_with_the_statigheid_reason(demo_db, tmp_path):
    rows = _options(demo_db, tmp_path, "--laan", "Hoofdlaan")
    assert {"laan", "rank", "strategy", "species", "score", "reasons"} <= set(rows[0])
    assert {r["laan"] for r in rows} == {"Hoofdlaan"}
    assert [int(r["rank"]) for r in rows] == list(range(1, len(rows) + 1))
    assert [float(r["score"]) for r in rows] == sorted((float(r["score"]) for r in rows), reverse=True)
    best_two = rows[:2]
    uniform = [r for r in best_two if r["strategy"] in ("zelfde soort", "uniform")]
    assert uniform, best_two  # done-when of issue 10 §1
    assert "statigheid (goed)" in uniform[0]["reasons"] and "§4.1" in uniform[0]["reasons"]
    assert uniform[0]["species"] in ("Fagus sylvatica", "Quercus robur")  # the laan's own character
    # both sides of the weighing in every option; mixing per side or section, never per tree
    assert all("statigheid (" in r["reasons"] and "robuustheid (" in r["reasons"] for r in rows)
    assert not any(r["pattern"].startswith("per boom") for r in rows)
    assert all(r["strategy"] in ("zelfde soort", "uniform", "gemengd") for r in rows)
    mixes = [r for r in rows if r["strategy"] == "gemengd"]
    assert mixes and all("|" in r["species"] for r in mixes)


def test_no_invasive_shrub_or_poisonous_taxon_near_a_school(demo_db, tmp_path):
    for laan in ("Hoofdlaan", "Nobellaan"):
        for profile in ([], ["--kroonruimte", "smal", "--verharding", "gesloten"]):
            rows = _options(demo_db, tmp_path, "--laan", laan, "--nabij-school", *profile)
            proposed = {s for r in rows for s in r["species"].split("|")}
            assert not proposed & NEVER_ON_A_STREET
            assert not any(s.startswith(("Crataegus", "Laburnum", "Robinia")) for s in proposed)


def test_unknown_laan_fails_with_a_message(demo_db, tmp_path, capsys):
    code = run_cli(["lanen", "herplant", "--db", str(demo_db), "--laan", "Geenlaan",
                    "--out", str(tmp_path / "x.csv")])
    assert code == 1 and "Geenlaan" in capsys.readouterr().err


def test_replanting_reads_the_catalogue_from_the_database(demo_db, tmp_path):
    copy = tmp_path / "eigen.sqlite"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    engine, sessions = open_database(copy)
    with SqlUnitOfWork(sessions) as uow:  # the municipality records beech as size class 2
        beech = next(e for e in uow.catalogue.entries()
                     if e.species.scientific_name == "Fagus sylvatica" and not e.species.cultivar)
        uow.catalogue.update(replace(beech, species=replace(beech.species, grootteklasse=Grootteklasse.G2)))
        uow.commit()
    engine.dispose()
    rows = _options(copy, tmp_path, "--laan", "Hoofdlaan")
    same = next(r for r in rows if r["strategy"] == "zelfde soort")
    assert "grootteklasse 2 past niet" in same["reasons"]


def test_matrix_import_is_checked_against_the_catalogue(demo_db, tmp_path, capsys):
    old = tmp_path / "oud.csv"
    old.write_text(OLD_MATRIX, encoding="utf-8")
    code = run_cli(["lanen", "sortiment", "--db", str(demo_db), "--import", str(old), "--versie", "oud"])
    err = capsys.readouterr().err
    assert code == 1
    assert "regel 3: voorkeursoort Sorbus aria heeft volgens de catalogus grootteklasse 2" in err
    assert "Pyrus calleryana" in err


def test_stored_location_facts_change_the_advice_and_the_history(demo_db, tmp_path, capsys):
    copy = tmp_path / "school.sqlite"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    narrow = ["--kroonruimte", "smal", "--kabels"]  # the matrix prefers Crataegus laevigata here
    before = _options(copy, tmp_path, "--laan", "Nobellaan", *narrow)
    assert "nabij speelplek of school" not in before[0]["reasons"]
    assert run_cli(["lanen", "locatie", "--db", str(copy), "--laan", "Nobellaan",
                    "--nabij-school", "ja"]) == 0
    assert "nabij speelplek/school ja" in capsys.readouterr().out
    after = _options(copy, tmp_path, "--laan", "Nobellaan", *narrow)
    assert "nabij speelplek of school" in after[0]["reasons"]
    assert not any(s.startswith("Crataegus") for r in after for s in r["species"].split("|"))
    engine, sessions = open_database(copy)
    with SqlUnitOfWork(sessions) as uow:
        laan = next(la for la in uow.lanen.list() if la.name == "Nobellaan")
        changes = uow.changes.for_entity("laan", laan.id)
    engine.dispose()
    # newest first; the demo's own entries (herplantkeuze, accepted laan) come before it
    assert [(c.field, c.old, c.new) for c in changes][0] == ("nabij speelplek/school", "nee", "ja")


def test_migration_0014_creates_the_laan_site_table_as_declared(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bomenplan.persistence import tables_replant
    from bomenplan.persistence.database import make_engine, upgrade

    engine = make_engine(tmp_path / "leeg.sqlite")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), tables_replant.Base.metadata)
    engine.dispose()
    assert [d for d in diff if "laan_site" in repr(d)] == []
