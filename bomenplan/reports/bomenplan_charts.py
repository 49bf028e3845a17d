"""Drawings of the Bomenplan report: the map in RD New (legend, scale bar, north arrow) and bar charts."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Path, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import HexColor, black
from reportlab.lib.units import mm

from bomenplan.reports.letter_style import GREEN
from bomenplan.services.bomenplan_report import MapData
from bomenplan.services.map_colours import BASE_MAP_COLOURS, LAND_COLOUR

MAP_W, MAP_H = 170 * mm, 150 * mm
GROUP_COLOURS = {"laanboom": HexColor("#2e7d32"), "solitair": HexColor("#1565c0"),
                 "boomweide": HexColor("#8e24aa"), "onbekend": HexColor("#9e9e9e")}
QUALITY_COLOURS = {"goed": HexColor("#43a047"), "matig": HexColor("#fb8c00"), "slecht": HexColor("#e53935")}
DEAD = HexColor("#000000")
GAP = HexColor("#d81b60")
LEGEND_H = 19 * mm  # room at the bottom for the legend
BASE_LABELS = {"groen": "groen", "water": "water", "wegen": "weg", "gebouwen": "bebouwing"}


def nice_length(length: float) -> float:
    for step in (5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1):
        if step <= length:
            return float(step)
    return 1.0


def _tree_dots(drawing: Drawing, data: MapData, page) -> None:
    """One dot per tree, one path per colour (living groups, then dead on top): each dot is a
    zero-length line with round caps, which PDF paints as a filled circle (ISO 32000-1 §8.5.3.2),
    4× fewer numbers than a circle of Bézier curves and one drawing node instead of thousands."""
    radius = 1.6 if len(data.x) < 2000 else 0.7
    paths: dict[object, Path] = {}
    for x, y, group, alive in zip(data.x, data.y, data.group, data.living, strict=True):
        colour = GROUP_COLOURS.get(str(group), GROUP_COLOURS["onbekend"]) if alive else DEAD
        path = paths.get(colour)
        if path is None:
            path = paths[colour] = Path(strokeColor=colour, strokeWidth=2 * radius, strokeLineCap=1,
                                        fillColor=None)
        px, py = page(float(x), float(y))
        path.moveTo(px, py)
        path.lineTo(px, py)
    for colour in sorted(paths, key=lambda c: c == DEAD):  # stable: living in order of appearance
        drawing.add(paths[colour])


def area_map(data: MapData) -> Drawing:
    """The stored base map, trees coloured by boomgroep (dead: black), lanen by quality, gaps as
    magenta crosses; legend, scale bar, north arrow."""
    drawing = Drawing(MAP_W, MAP_H)
    drawing.add(Rect(0, 0, MAP_W, MAP_H, fillColor=HexColor("#fafaf5"), strokeColor=black, strokeWidth=0.5))
    if not len(data.x) or data.extent is None:
        drawing.add(String(MAP_W / 2, MAP_H / 2, "geen bomen", textAnchor="middle"))
        return drawing
    xmin, ymin, xmax, ymax = data.extent
    inner_h = MAP_H - LEGEND_H
    scale = min(MAP_W / max(xmax - xmin, 1.0), inner_h / max(ymax - ymin, 1.0))
    ox = (MAP_W - (xmax - xmin) * scale) / 2
    oy = LEGEND_H + (inner_h - (ymax - ymin) * scale) / 2

    def page(x: float, y: float) -> tuple[float, float]:
        return ox + (x - xmin) * scale, oy + (y - ymin) * scale

    if data.base:
        drawing.add(Rect(ox, oy, (xmax - xmin) * scale, (ymax - ymin) * scale, fillColor=HexColor(LAND_COLOUR),
                         strokeColor=None))
        _base_map(drawing, data, page)

    _tree_dots(drawing, data, page)
    for quality, rows in data.lanen:
        for row in rows:
            points = [c for xy in row for c in page(*xy)]
            drawing.add(PolyLine(points, strokeColor=QUALITY_COLOURS.get(quality, black), strokeWidth=1.6))
    for x, y in data.gaps:
        px, py = page(x, y)
        drawing.add(Line(px - 2, py - 2, px + 2, py + 2, strokeColor=GAP, strokeWidth=1))
        drawing.add(Line(px - 2, py + 2, px + 2, py - 2, strokeColor=GAP, strokeWidth=1))
    _scale_bar(drawing, scale)
    _north_arrow(drawing)
    _legend(drawing, data)
    return drawing


def _base_map(drawing: Drawing, data: MapData, page) -> None:
    land = HexColor(LAND_COLOUR)
    for layer, rings in data.base:
        fill, stroke = (HexColor(c) for c in BASE_MAP_COLOURS[layer])
        for n, ring in enumerate(rings):
            points = [c for xy in ring for c in page(*xy[:2])]
            drawing.add(Polygon(points, fillColor=fill if n == 0 else land, strokeColor=stroke, strokeWidth=0.25))


def _scale_bar(drawing: Drawing, scale: float) -> None:
    metres = nice_length(0.25 * MAP_W / scale)
    x0, y0 = MAP_W - 6 * mm - metres * scale, LEGEND_H + 2 * mm
    drawing.add(Rect(x0 - 2, y0 - 2, metres * scale + 4, 12, fillColor=HexColor("#ffffff"), strokeColor=None))
    drawing.add(Rect(x0, y0, metres * scale, 2, fillColor=black, strokeColor=None))
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    drawing.add(String(x0 + metres * scale / 2, y0 + 4, label, fontSize=7, textAnchor="middle"))


def _north_arrow(drawing: Drawing) -> None:
    x, y = MAP_W - 8 * mm, MAP_H - 14 * mm
    drawing.add(Polygon([x, y + 9 * mm, x - 2.5 * mm, y, x + 2.5 * mm, y], fillColor=black, strokeColor=None))
    drawing.add(String(x, y - 3.5 * mm, "N", fontSize=9, fontName="Helvetica-Bold", textAnchor="middle"))


def _legend(drawing: Drawing, data: MapData) -> None:
    items = [(c, name) for name, c in GROUP_COLOURS.items()] + [(DEAD, "niet levend")]
    x = 3 * mm
    for colour, name in items:
        drawing.add(Circle(x + 1.5, 9 * mm, 2, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 5, 9 * mm - 2.5, name, fontSize=7))
        x += 27 * mm
    x = 3 * mm
    for name, colour in QUALITY_COLOURS.items():
        drawing.add(Line(x, 4 * mm, x + 8, 4 * mm, strokeColor=colour, strokeWidth=1.6))
        drawing.add(String(x + 11, 4 * mm - 2.5, f"laan {name}", fontSize=7))
        x += 27 * mm
    drawing.add(Line(x, 4 * mm - 2, x + 4, 4 * mm + 2, strokeColor=GAP))
    drawing.add(Line(x, 4 * mm + 2, x + 4, 4 * mm - 2, strokeColor=GAP))
    drawing.add(String(x + 8, 4 * mm - 2.5, "gat in laan", fontSize=7))
    if data.base:
        x = 3 * mm
        for layer, label in BASE_LABELS.items():
            fill, stroke = (HexColor(c) for c in BASE_MAP_COLOURS[layer])
            drawing.add(Rect(x, 14 * mm - 2, 8, 5, fillColor=fill, strokeColor=stroke, strokeWidth=0.4))
            drawing.add(String(x + 11, 14 * mm - 1.5, label, fontSize=7))
            x += 27 * mm
        drawing.add(String(x, 14 * mm - 1.5, "ondergrond: kaart van het register", fontSize=6.5))
    shown = f"{len(data.x):,}".replace(",", ".") + " van " + f"{data.n_total:,}".replace(",", ".")
    drawing.add(String(MAP_W - 3 * mm, 4 * mm - 2.5, f"RD New (EPSG:28992) · {shown} bomen getekend",
                       fontSize=6.5, textAnchor="end"))


def bar_chart(items: list[tuple[str, float]], unit: str = "", limit: float | None = None,
              width: float = 170 * mm) -> Drawing:
    """Horizontal bars, one per (label, value); an optional dashed limit line (e.g. 10 %)."""
    row_h, label_w = 5 * mm, 55 * mm
    drawing = Drawing(width, row_h * max(1, len(items)) + 4 * mm)
    top = max([v for _, v in items] + [limit or 0, 1e-9])
    bar_w = width - label_w - 20 * mm
    for i, (label, value) in enumerate(items):
        y = drawing.height - (i + 1) * row_h
        drawing.add(String(label_w - 2, y + 1.2 * mm, label[:38], fontSize=7.5, textAnchor="end"))
        drawing.add(Rect(label_w, y + 0.6 * mm, bar_w * value / top, row_h - 1.6 * mm, fillColor=GREEN,
                         strokeColor=None))
        text = f"{value:.1f}".replace(".", ",") if unit == "%" else f"{value:,.0f}".replace(",", ".")
        drawing.add(String(label_w + bar_w * value / top + 2, y + 1.2 * mm, text + unit, fontSize=7))
    if limit is not None:
        x = label_w + bar_w * limit / top
        drawing.add(Line(x, 0, x, drawing.height, strokeColor=HexColor("#e53935"), strokeDashArray=(2, 2)))
        drawing.add(String(x + 2, 1, f"grens {limit:g}%", fontSize=6.5, fillColor=HexColor("#e53935")))
    drawing.add(Line(label_w, 0, label_w, drawing.height, strokeColor=black, strokeWidth=0.4))
    return drawing
