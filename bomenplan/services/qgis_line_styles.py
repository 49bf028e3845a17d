"""QGIS style of the exported lanen: lines categorised by quality (goed / matig / slecht) in the
colours of the app's lanen layer, as QML (categorized renderer, SimpleLine) and SLD 1.0
(LineSymbolizer), for the standard `layer_styles` table (services/qgis_styles.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bomenplan.domain.laan_quality import LaanKwaliteit
from bomenplan.services.map_colours import KWALITEIT_COLOURS
from bomenplan.services.qgis_styles import (
    OGC_NS,
    SLD_NS,
    Category,
    LayerStyleRecord,
    _rgba,
    categorized_symbol_qml,
)

LINE_WIDTH_MM = 0.8
LINE_WIDTH_PX = 3  # the width of the lines on the app's map


def lanen_quality_style(table: str) -> LayerStyleRecord:
    categories = [Category(str(k), str(k), KWALITEIT_COLOURS[k])
                  for k in (LaanKwaliteit.GOED, LaanKwaliteit.MATIG, LaanKwaliteit.SLECHT)]
    return LayerStyleRecord(table, "kwaliteit", categorized_line_qml("kwaliteit", categories),
                            categorized_line_sld(table, "kwaliteit", categories), True,
                            "Lanen op kwaliteit (goed, matig, slecht), kleuren als in Bomenplan")


def categorized_line_qml(attribute: str, categories: list[Category]) -> str:
    def options(category: Category) -> tuple[tuple[str, str], ...]:
        return (("line_color", _rgba(category.colour)), ("line_style", "solid"),
                ("line_width", f"{LINE_WIDTH_MM:g}"), ("line_width_unit", "MM"),
                ("capstyle", "round"), ("joinstyle", "round"))

    return categorized_symbol_qml(attribute, categories, "line", "SimpleLine", options)


def categorized_line_sld(layer: str, field: str, categories: list[Category]) -> str:
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
        equal = ET.SubElement(ET.SubElement(rule, o + "Filter"), o + "PropertyIsEqualTo")
        ET.SubElement(equal, o + "PropertyName").text = field
        ET.SubElement(equal, o + "Literal").text = category.value
        stroke = ET.SubElement(ET.SubElement(rule, s + "LineSymbolizer"), s + "Stroke")
        ET.SubElement(stroke, s + "CssParameter", name="stroke").text = category.colour
        ET.SubElement(stroke, s + "CssParameter", name="stroke-width").text = str(LINE_WIDTH_PX)
    return ET.tostring(root, "unicode")
