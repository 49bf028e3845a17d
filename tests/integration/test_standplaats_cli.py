"""`bomenplan standplaats report` and `bomenplan plan check` on real SQLite files."""

import csv
import shutil
import subprocess
from pathlib import Path

import pyogrio
import pytest
import shapely
from shapely.geometry import Point

from bomenplan.cli.main import run_cli
from bomenplan.domain.standplaats import Standplaats
from bomenplan.domain.tree import Tree
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register
from bomenplan.services.standplaats import save_standplaats

X0, Y0 = 233000.0, 557000.0
AMS = Path("/work/data/ams247k.sqlite")


def _write_plan(path, geoms, crs="EPSG:28992"):
    pyogrio.raw.write(path, geometry=shapely.to_wkb(geoms), field_data=[], fields=[],
                      geometry_type="Polygon", crs=crs)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "register.sqlite"
    engine, sessions = open_database(path)
    uow = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    a = register.add_tree(uow(), Tree(None, "ASN-1", None, Point(X0, Y0), species_name="Tilia cordata",
                                      wijk="Centrum", straat="Brink", kroondiameter_m=8.0, stamdiameter_cm=30.0))
    register.add_tree(uow(), Tree(None, "ASN-2", None, Point(X0 + 40, Y0), species_name="Tilia cordata",
                                  wijk="Centrum", straat="Brink", kroondiameter_m=8.0, stamdiameter_cm=30.0))
    save_standplaats(uow(), Standplaats(a.site_id, bodemvolume_m3=10.0))
    engine.dispose()
    return path


def test_plan_check_csv_lists_affected_tree(db, tmp_path):
    plan, out = tmp_path / "plan.gpkg", tmp_path / "bomen-in-plan.csv"
    _write_plan(plan, [shapely.box(X0 + 3, Y0 - 5, X0 + 13, Y0 + 5)])  # 3 m from ASN-1; ASN-2 27 m away
    assert run_cli(["plan", "check", "--db", str(db), "--plan", str(plan), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["boomnummer"] for r in rows] == ["ASN-1"]
    # 3 m: kwetsbare boomzone 5.5 m yes, RPA 3.6 m yes, graafafstand 1.325 m no
    assert rows[0]["zone"] == "kwetsbare boomzone; RPA"
    assert rows[0]["afstand_tot_plan_m"] == "3.00" and rows[0]["graafafstand_m"] == "1.32"


def test_plan_check_pdf_renders(db, tmp_path):
    plan, out = tmp_path / "plan.geojson", tmp_path / "bomen-in-plan.pdf"
    _write_plan(plan, [shapely.box(X0 + 3, Y0 - 5, X0 + 13, Y0 + 5)])
    assert run_cli(["plan", "check", "--db", str(db), "--plan", str(plan), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")], check=True)
        assert (tmp_path / "page-1.png").stat().st_size > 1000


@pytest.mark.parametrize("name, content, message", [
    ("leeg.geojson", '{"type": "FeatureCollection", "features": []}', "geen geometrie"),
    ("plan.txt", "x", "onbekend bestandstype"),
    ("kapot.geojson", "{niet json", "niet te lezen"),
])
def test_bad_plan_files_get_a_dutch_message(db, tmp_path, capsys, name, content, message):
    plan = tmp_path / name
    plan.write_text(content, encoding="utf-8")
    assert run_cli(["plan", "check", "--db", str(db), "--plan", str(plan), "--out", str(tmp_path / "x.csv")]) == 1
    err = capsys.readouterr().err
    assert message in err and name in err


def test_standplaats_report_lists_shortage(db, tmp_path):
    out = tmp_path / "tekorten.csv"
    assert run_cli(["standplaats", "report", "--db", str(db), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    tree = [r for r in rows if r["niveau"] == "boom"]
    # Tilia cordata: catalogue final crown 12 m → 0.75 × π × 36 = 84.82 m³; 10 m³ available
    assert [(r["sleutel"], r["tekort_m3"]) for r in tree] == [("ASN-1", "74.82")]
    wijk = next(r for r in rows if r["niveau"] == "wijk")
    assert (wijk["sleutel"], wijk["bomen"], wijk["bekend"], wijk["met_tekort"]) == ("Centrum", "2", "1", "1")


@pytest.mark.skipif(not AMS.exists(), reason="real Amsterdam register not present")
def test_plan_check_on_real_register(tmp_path):
    db = tmp_path / "ams.sqlite"
    shutil.copy(AMS, db)
    plan, out = tmp_path / "plan.geojson", tmp_path / "bomen.csv"
    # Dam square area in WGS84; Amsterdam has no sizes, so every tree within 15 m is "afmetingen onbekend"
    _write_plan(plan, [shapely.box(4.8920, 52.3725, 4.8940, 52.3735)], crs="EPSG:4326")
    assert run_cli(["plan", "check", "--db", str(db), "--plan", str(plan), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["zone"] for r in rows} == {"afmetingen onbekend"}
    assert all(float(r["afstand_tot_plan_m"]) <= 15.0 for r in rows)


def test_norm_table_import_changes_the_report(db, tmp_path, capsys):
    norms = tmp_path / "normen.csv"
    norms.write_text("sleutel,nodig_m3\nTilia cordata,25\n", encoding="utf-8")
    assert run_cli(["standplaats", "normen", "--db", str(db), "--import", str(norms), "--bron", "eigen meting"]) == 0
    out = tmp_path / "tekorten.csv"
    assert run_cli(["standplaats", "report", "--db", str(db), "--out", str(out)]) == 0
    tree = [r for r in csv.DictReader(out.open(encoding="utf-8")) if r["niveau"] == "boom"]
    assert [(r["sleutel"], r["tekort_m3"]) for r in tree] == [("ASN-1", "15.00")]  # 25 − 10
    norms.write_text("sleutel,nodig_m3\nTilia cordata,\n", encoding="utf-8")
    assert run_cli(["standplaats", "normen", "--db", str(db), "--import", str(norms), "--bron", "x"]) == 1
    assert "normen.csv, regel 2" in capsys.readouterr().err


def test_shapefile_without_crs_is_taken_as_rd_and_the_user_told(db, tmp_path, capsys):
    plan, out = tmp_path / "plan.shp", tmp_path / "bomen.csv"
    with pytest.warns(UserWarning, match="'crs' was not provided"):
        pyogrio.raw.write(plan, geometry=shapely.to_wkb([shapely.box(X0 + 3, Y0 - 5, X0 + 13, Y0 + 5)]),
                          field_data=[], fields=[], geometry_type="Polygon", crs=None)
    assert run_cli(["plan", "check", "--db", str(db), "--plan", str(plan), "--out", str(out)]) == 0
    assert "geen coördinatenstelsel opgegeven; aangenomen EPSG:28992" in capsys.readouterr().out
    assert [r["boomnummer"] for r in csv.DictReader(out.open(encoding="utf-8"))] == ["ASN-1"]
