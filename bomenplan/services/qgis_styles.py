"""QGIS interoperability: layer styles in a GeoPackage's standard `layer_styles` table (the table
QGIS reads and writes, registered in gpkg_contents), as QML (categorized renderer) and SLD, so a
planner who opens the export in QGIS sees the map's colours: trees by species group (genus, the
first word of the name) and by status, gaps in lanen as red crosses."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bomenplan.services.map_colours import GAP_COLOUR, GENUS_COLOURS, OTHER_COLOUR, STATUS_COLOURS

GENUS_EXPRESSION = "regexp_substr(\"species_name\", '^(\\\\S+)')"  # QGIS: the genus of the name
OUTLINE = "#37474f"
SLD_NS = "http://www.opengis.net/sld"
OGC_NS = "http://www.opengis.net/ogc"
_CREATE = """CREATE TABLE IF NOT EXISTS layer_styles (
  id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
  f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT,
  styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
  update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))"""


@dataclass(frozen=True)
class Category:
    value: str  # "" = every other value
    label: str
    colour: str


@dataclass(frozen=True)
class LayerStyleRecord:
    table: str
    name: str
    qml: str
    sld: str
    default: bool
    description: str
    geometry_column: str = "geometry"


def tree_styles(table: str, species_names: list[str]) -> list[LayerStyleRecord]:
    """Two styles for the exported trees: by species group (default) and by status."""
    genera = Counter(name.split()[0] for name in species_names if name and name.split())
    top = [genus for genus, _n in genera.most_common(len(GENUS_COLOURS))]
    by_genus = [Category(g, g, c) for g, c in zip(top, GENUS_COLOURS, strict=False)]
    by_genus.append(Category("", "overig", OTHER_COLOUR))
    by_status = [Category(str(s), str(s), c) for s, c in STATUS_COLOURS.items()]
    by_status.append(Category("", "overig", OTHER_COLOUR))
    return [
        LayerStyleRecord(table, "soortgroep", categorized_qml(GENUS_EXPRESSION, by_genus),
                         categorized_sld(table, "species_name", by_genus, prefix=True), True,
                         "Bomen op soortgroep (geslacht), kleuren als in Bomenplan"),
        LayerStyleRecord(table, "status", categorized_qml("status", by_status),
                         categorized_sld(table, "status", by_status), False,
                         "Bomen op status (levend, stobbe, gekapt, verplant, leeg plantvak)"),
    ]


def gap_style(table: str) -> LayerStyleRecord:
    gaps = [Category("", "gat in laan", GAP_COLOUR)]
    return LayerStyleRecord(table, "gaten", categorized_qml("oorzaak", gaps, shape="cross2", size=3.4),
                            categorized_sld(table, "oorzaak", gaps, shape="x"), True,
                            "Gaten in lanen (ontbrekende bomen)")


def categorized_qml(attribute: str, categories: list[Category], shape: str = "circle",
                    size: float = 2.4) -> str:
    def options(category: Category) -> tuple[tuple[str, str], ...]:
        return (("color", _rgba(category.colour)), ("name", shape),
                ("outline_color", _rgba(OUTLINE if shape == "circle" else category.colour)),
                ("outline_width", "0.2" if shape == "circle" else "0.6"),
                ("size", f"{size:g}"), ("size_unit", "MM"))

    return categorized_symbol_qml(attribute, categories, "marker", "SimpleMarker", options)


def categorized_symbol_qml(attribute: str, categories: list[Category], symbol_type: str,
                           layer_class: str, options) -> str:
    """A QGIS categorised renderer: one symbol of `symbol_type` per category, its layer's
    properties from `options(category)` (marker and line styles share this)."""
    qgis = ET.Element("qgis", version="3.34", styleCategories="Symbology")
    renderer = ET.SubElement(qgis, "renderer-v2", type="categorizedSymbol", attr=attribute,
                             symbollevels="0", enableorderby="0", forceraster="0")
    cats, symbols = ET.SubElement(renderer, "categories"), ET.SubElement(renderer, "symbols")
    for n, category in enumerate(categories):
        ET.SubElement(cats, "category", value=category.value, label=category.label, symbol=str(n),
                      render="true")
        symbol = ET.SubElement(symbols, "symbol", type=symbol_type, name=str(n), alpha="1",
                               clip_to_extent="1", force_rhr="0")
        layer = ET.SubElement(symbol, "layer", {"class": layer_class, "enabled": "1",
                                                "locked": "0", "pass": "0"})
        option_map = ET.SubElement(layer, "Option", type="Map")
        for name, value in options(category):
            ET.SubElement(option_map, "Option", name=name, type="QString", value=value)
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(qgis, "unicode")


def categorized_sld(layer: str, field: str, categories: list[Category], shape: str = "circle",
                    prefix: bool = False) -> str:
    """SLD 1.0 with one rule per category (PropertyIsLike on the name's start for genera)."""
    ET.register_namespace("sld", SLD_NS)
    ET.register_namespace("ogc", OGC_NS)
    s, o = f"{{{SLD_NS}}}", f"{{{OGC_NS}}}"
    root = ET.Element(s + "StyledLayerDescriptor", version="1.0.0")
    named = ET.SubElement(root, s + "NamedLayer")
    ET.SubElement(named, s + "Name").text = layer
    style = ET.SubElement(ET.SubElement(named, s + "UserStyle"), s + "FeatureTypeStyle")
    for category in categories:
        rule = ET.SubElement(style, s + "Rule")
        ET.SubElement(rule, s + "Name").text = category.label
        if category.value:
            flt = ET.SubElement(rule, o + "Filter")
            if prefix:
                like = ET.SubElement(flt, o + "PropertyIsLike", wildCard="*", singleChar="?", escape="\\")
                ET.SubElement(like, o + "PropertyName").text = field
                ET.SubElement(like, o + "Literal").text = category.value + " *"
            else:
                equal = ET.SubElement(flt, o + "PropertyIsEqualTo")
                ET.SubElement(equal, o + "PropertyName").text = field
                ET.SubElement(equal, o + "Literal").text = category.value
        else:
            ET.SubElement(rule, s + "ElseFilter")
        mark = ET.SubElement(ET.SubElement(ET.SubElement(rule, s + "PointSymbolizer"), s + "Graphic"), s + "Mark")
        ET.SubElement(mark, s + "WellKnownName").text = shape
        fill = ET.SubElement(mark, s + "Fill")
        ET.SubElement(fill, s + "CssParameter", name="fill").text = category.colour
        ET.SubElement(ET.SubElement(mark, s + "Stroke"),
                      s + "CssParameter", name="stroke").text = OUTLINE
    return ET.tostring(root, "unicode")


def write_layer_styles(path: str | Path, styles: list[LayerStyleRecord]) -> None:
    """Add the styles to a GeoPackage (the table is created and registered when missing)."""
    with sqlite3.connect(path) as db:
        db.execute(_CREATE)
        db.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, last_change) "
                   "VALUES ('layer_styles', 'attributes', 'layer_styles', strftime('%Y-%m-%dT%H:%M:%fZ','now'))")
        for style in styles:
            db.execute("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                       "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, "
                       "owner, ui) VALUES ('', '', ?, ?, ?, ?, ?, ?, ?, 'bomenplan', '')",
                       (style.table, style.geometry_column, style.name, style.qml, style.sld,
                        int(style.default), style.description))
    db.close()


def read_layer_styles(path: str | Path) -> list[dict]:
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        rows = [dict(r) for r in db.execute("SELECT * FROM layer_styles ORDER BY id")]
    db.close()
    return rows


def _rgba(colour: str) -> str:
    colour = colour.lstrip("#")
    return ",".join(str(int(colour[i:i + 2], 16)) for i in (0, 2, 4)) + ",255"
