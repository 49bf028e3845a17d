"""`bomenplan lanen report --out lanen.gpkg`: one line per laan in RD New with its kwaliteit, and a
`layer_styles` row (categorised by kwaliteit, the app's lanen colours) that reads back.

Kwaliteit by hand (Groenvisie §3.6 thresholds in domain/laan_quality: goed ≥ 95 %, matig ≥ 80 %
complete, no misfits): Kerkstraat 20 of 20 → goed; Molenweg 17 of 20 (3 missing) = 85 % → matig;
Vaartweg 14 of 20 (6 missing) = 70 % → slecht."""

import sqlite3
import xml.etree.ElementTree as ET

import pyogrio
import pytest
import shapely
from laan_generator import LaanSpec, generate, store

from bomenplan.cli.main import run_cli
from bomenplan.services.qgis_styles import read_layer_styles

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

SPECS = [LaanSpec(n=20, straat="Kerkstraat", origin=(231000.0, 555000.0)),
         LaanSpec(n=20, missing=(3, 8, 13), straat="Molenweg", origin=(231000.0, 556000.0)),
         LaanSpec(n=20, missing=(2, 5, 8, 11, 14, 17), straat="Vaartweg", origin=(231000.0, 557000.0))]


@pytest.fixture
def filled(uow_factory):
    store(uow_factory, generate(SPECS, park_trees=100, seed=5))
    return uow_factory


def line_colours(qml: str) -> dict[str, str]:
    root = ET.fromstring(qml.split("\n", 1)[1])
    colours = {s.get("name"): next(o.get("value") for o in s.iter("Option") if o.get("name") == "line_color")
               for s in root.iter("symbol")}
    return {c.get("value"): colours[c.get("symbol")] for c in root.iter("category")}


def test_lanen_report_as_geopackage_carries_the_quality_style(filled, db_path, tmp_path, capsys):
    assert run_cli(["lanen", "detect", "--db", str(db_path), "--accept"]) == 0
    out = tmp_path / "lanen.gpkg"
    assert run_cli(["lanen", "report", "--db", str(db_path), "--out", str(out)]) == 0
    assert "3 lanen" in capsys.readouterr().out
    info = pyogrio.read_info(out, layer="lanen")
    assert info["features"] == 3 and "EPSG:28992" in info["crs"]
    assert info["geometry_type"] == "MultiLineString"
    meta, table = pyogrio.read_arrow(out, layer="lanen")
    by_name = dict(zip(table["laan"].to_pylist(), table["kwaliteit"].to_pylist(), strict=True))
    assert by_name == {"Kerkstraat": "goed", "Molenweg": "matig", "Vaartweg": "slecht"}
    assert table["laan"].to_pylist()[0] == "Vaartweg"  # worst first, as the CSV
    lines = dict(zip(table["laan"].to_pylist(), shapely.from_wkb(table[meta["geometry_name"] or "wkb_geometry"].to_pylist()), strict=True))
    # 20 trees 10 m apart along x from the origin: a line of about 190 m at y ≈ 556 000
    molenweg = lines["Molenweg"]
    assert 185 <= molenweg.length <= 195 and abs(molenweg.centroid.y - 556000) < 2
    (style,) = read_layer_styles(out)
    assert (style["f_table_name"], style["styleName"], style["useAsDefault"]) == ("lanen", "kwaliteit", 1)
    renderer = ET.fromstring(style["styleQML"].split("\n", 1)[1]).find("renderer-v2")
    assert (renderer.get("type"), renderer.get("attr")) == ("categorizedSymbol", "kwaliteit")
    # the lanen layer's colours: goed #2e9d43, matig #e69a18, slecht #d7301f
    assert line_colours(style["styleQML"]) == {"goed": "46,157,67,255", "matig": "230,154,24,255",
                                               "slecht": "215,48,31,255"}
    assert style["styleSLD"].count("<sld:LineSymbolizer>") == 3 and "#d7301f" in style["styleSLD"]
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'"
                          ).fetchone() == ("attributes",)
    db.close()
