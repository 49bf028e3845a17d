"""`bomenplan species export/unmatched/diversity` on a real SQLite file."""

import csv

from shapely.geometry import Point

from bomenplan.cli.context import uow_factory
from bomenplan.cli.main import run_cli
from bomenplan.domain.ecology import COMPONENTS
from bomenplan.domain.tree import Tree
from bomenplan.services.register import add_tree

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def test_species_export_writes_every_value_score_and_components(tmp_path):
    db, out = tmp_path / "r.sqlite", tmp_path / "species.csv"
    uow_factory(db, create=True)  # a new, empty register: reading commands need one
    assert run_cli(["species", "export", "--db", str(db), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) >= 150
    header = rows[0].keys()
    for col in ("scientific_name", "cultivar", "nectar", "insect_species", "climate_2050",
                "src_insects", "eco_score", "weights_version"):
        assert col in header
    for c in COMPONENTS:
        assert {f"{c}_raw", f"{c}_weight", f"{c}_points"} <= set(header)
    willow = next(r for r in rows if r["scientific_name"] == "Salix alba" and not r["cultivar"])
    red_oak = next(r for r in rows if r["scientific_name"] == "Quercus rubra")
    assert float(willow["eco_score"]) > float(red_oak["eco_score"])


def test_species_unmatched_and_diversity(tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    factory = uow_factory(db, create=True)
    for i, name in enumerate(["Linde Brink"] * 3 + ["Quercus robur"] * 7):
        add_tree(factory(), Tree(None, f"B{i}", None, Point(233000 + i, 557000),
                                 species_name=name, wijk="Noord" if i % 2 else "Zuid"))
    assert run_cli(["species", "unmatched", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "3\tLinde Brink" in out
    assert run_cli(["species", "diversity", "--db", str(db), "--by", "wijk"]) == 0
    out = capsys.readouterr().out
    assert "Noord\t5" in out and "Zuid\t5" in out
    assert "soort Quercus robur" in out  # > 10 % warning


def test_species_weights_new_version(tmp_path, capsys):
    db = tmp_path / "r.sqlite"
    uow_factory(db, create=True)
    assert run_cli(["species", "weights", "--db", str(db)]) == 0
    assert "actieve versie: eco-2026.2" in capsys.readouterr().out
    assert run_cli(["species", "weights", "--db", str(db), "--new", "assen-2027",
                    "--set", "insects=50", "climate_2050=0"]) == 0
    out = capsys.readouterr().out
    assert "actieve versie: assen-2027" in out and "insects\t50" in out
    assert run_cli(["species", "weights", "--db", str(db), "--new", "bad", "--set", "insects=60"]) == 1


def test_species_import_reports_bad_line_and_stores_nothing(tmp_path, capsys):
    db, bad, good = tmp_path / "r.sqlite", tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text("scientific_name,tol_salt\nAcer novum,1\nAcer slecht,4\n", encoding="utf-8")
    assert run_cli(["species", "import", str(bad), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "regel 3" in err and "tol_salt" in err and "niets opgeslagen" in err
    good.write_text("scientific_name,dutch_name,tol_salt,src_tolerance\n"
                    "Acer novum,Nieuwe esdoorn,1,proef\n", encoding="utf-8")
    assert run_cli(["species", "import", str(good), "--db", str(db)]) == 0
    assert "1 soorten toegevoegd" in capsys.readouterr().out
