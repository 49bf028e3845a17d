"""QGIS interoperability (issue 11, part 6): the GeoPackage export carries the standard
`layer_styles` table; read back, the styles are the map's categories and colours."""

import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter

import numpy as np
import pyogrio
import pyogrio.raw
import shapely
from synthetic_register import fill_register

from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.exporting import export_trees
from bomenplan.services.qgis_styles import gap_style, read_layer_styles, write_layer_styles
from bomenplan.services.register import load_register
from bomenplan.services.vector_layers import file_layers


def categories(qml: str) -> dict[str, str]:
    """category value → its symbol's fill colour (r,g,b,a) from a QML document."""
    root = ET.fromstring(qml.split("\n", 1)[1])
    colours = {}
    for symbol in root.iter("symbol"):
        colour = next(o.get("value") for o in symbol.iter("Option") if o.get("name") == "color")
        colours[symbol.get("name")] = colour
    return {c.get("value"): colours[c.get("symbol")] for c in root.iter("category")}


def test_the_tree_export_carries_styles_by_species_group_and_status(tmp_path):
    engine, sessions = open_database(tmp_path / "register.sqlite")
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    fill_register(factory, 300, seed=4)
    path = tmp_path / "bomen.gpkg"
    assert export_trees(factory(), path) == 300
    styles = read_layer_styles(path)
    assert [(s["f_table_name"], s["styleName"], s["useAsDefault"]) for s in styles] == \
        [("bomen", "soortgroep", 1), ("bomen", "status", 0)]
    status = ET.fromstring(styles[1]["styleQML"].split("\n", 1)[1]).find("renderer-v2")
    assert status.get("attr") == "status" and status.get("type") == "categorizedSymbol"
    # levend #2e7d32 = 46,125,50; stobbe #8d6e63 = 141,110,99; "" is QGIS's "all other values"
    assert categories(styles[1]["styleQML"]) == {
        "levend": "46,125,50,255", "stobbe": "141,110,99,255", "gekapt": "211,47,47,255",
        "verplant": "25,118,210,255", "leeg plantvak": "176,190,197,255", "": "158,158,158,255"}
    genera = Counter(n.split()[0] for n in load_register(factory()).species_name.tolist() if n)
    by_genus = categories(styles[0]["styleQML"])
    assert list(by_genus)[:-1] == [g for g, _n in genera.most_common(12)]
    assert by_genus[genera.most_common(1)[0][0]] == "46,125,50,255"  # the most common: green
    assert "PropertyIsEqualTo" in styles[1]["styleSLD"] and "ElseFilter" in styles[1]["styleSLD"]
    # the GeoPackage stays valid: the trees layer reads as before, the styles table is registered
    assert "bomen" in [str(n) for n, _k in pyogrio.list_layers(path)]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'"
                          ).fetchone() == ("attributes",)
    db.close()
    engine.dispose()


def test_gap_style_round_trip(tmp_path):
    path = tmp_path / "gaten.gpkg"
    pyogrio.raw.write(path, shapely.to_wkb(np.array([shapely.Point(233000, 557000)], dtype=object)),
                      [np.array(["stobbe"], dtype=object)], ["oorzaak"], layer="gaten", driver="GPKG",
                      geometry_type="Point", crs="EPSG:28992")
    write_layer_styles(path, [gap_style("gaten")])
    (style,) = read_layer_styles(path)
    assert (style["f_table_name"], style["f_geometry_column"], style["useAsDefault"]) == ("gaten", "geometry", 1)
    assert categories(style["styleQML"]) == {"": "213,0,0,255"}  # every gap red (#d50000)
    assert "cross2" in style["styleQML"]
    # the styles table is no map layer: adding the export as a layer offers only "gaten"
    assert file_layers(path) == ["gaten"]
