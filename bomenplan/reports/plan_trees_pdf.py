"""PDF "Bomen in plangebied": a simple map of the plan area and the trees, then one row per affected
tree with the zone touched, the distance to the plan and the required measures."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, String
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bomenplan.reports.letter_style import GREEN, MUNICIPALITY, dutch_date, escape, letter_styles
from bomenplan.services.plan_check import PlanCheckResult
from bomenplan.services.safe_files import replacing_target

MAP_W, MAP_H = 170 * mm, 110 * mm
RED, GREY, PLAN_FILL = HexColor("#c0392b"), HexColor("#9e9e9e"), HexColor("#f6e3b4")
SOURCES = ("Kwetsbare boomzone = kroonprojectie + 1,5 m (soest.nl, utrecht.nl); RPA = 12 × stamdiameter, "
           "hoogstens 707 m² (BS 5837:2012); minimale graafafstand volgens de tabel van gemeente Soest; "
           "BEA volgens de Richtlijn BEA (Bomenstichting en CROW, 2019).")


def plan_map(result: PlanCheckResult) -> Drawing:
    """Plan polygon(s) and nearby trees (red: affected), scaled to fit, north up, with a scale bar."""
    xmin, ymin, xmax, ymax = result.plan.buffer(30.0).bounds
    scale = min(MAP_W / (xmax - xmin), MAP_H / (ymax - ymin))
    drawing = Drawing(MAP_W, MAP_H)

    def to_page(x: float, y: float) -> tuple[float, float]:
        return (x - xmin) * scale, (y - ymin) * scale

    for part in result.plan.geoms:
        for ring, fill in [(part.exterior, PLAN_FILL)] + [(r, white) for r in part.interiors]:
            points = [c for xy in ring.coords for c in to_page(*xy)]
            drawing.add(Polygon(points, fillColor=fill, strokeColor=HexColor("#8a6d1d"), strokeWidth=0.8))
    for x, y, hit in sorted(result.trees_xy, key=lambda t: t[2]):  # affected trees drawn on top
        px, py = to_page(x, y)
        drawing.add(Circle(px, py, 2.2 if hit else 1.5, fillColor=RED if hit else GREY, strokeColor=None))
    bar_m = _nice_length(0.25 * MAP_W / scale)
    drawing.add(Line(5, 5, 5 + bar_m * scale, 5, strokeWidth=1.5))
    drawing.add(String(5, 8, f"{bar_m:g} m", fontSize=7))
    drawing.add(String(MAP_W, 5, "rood: geraakt · grijs: overige levende bomen · geel: plangebied",
                       fontSize=7, textAnchor="end"))
    return drawing


def _nice_length(length: float) -> float:
    for step in (1000, 500, 200, 100, 50, 20, 10, 5, 2, 1):
        if step <= length:
            return float(step)
    return 1.0


def _thousands(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def write_plan_trees(result: PlanCheckResult, on: date, out: Path | BytesIO) -> None:
    styles = letter_styles()
    story = [Paragraph(f"Bomen in plangebied — {escape(result.name)}", styles["heading"]),
             Paragraph(f"{MUNICIPALITY}, {dutch_date(on)}. Plangebied {_thousands(result.plan.area)} m²; "
                       f"{len(result.affected)} bomen geraakt.", styles["body"])]
    story += [Paragraph(escape(note), styles["small"]) for note in result.notes]
    story += [Spacer(1, 3 * mm), plan_map(result), Spacer(1, 4 * mm)]
    rows = [["boomnummer", "zone geraakt", "afstand (m)", "maatregelen"]]
    for a in result.affected:
        rows.append([escape(a.boomnummer), Paragraph(escape(", ".join(map(str, a.zones))), styles["small"]),
                     f"{a.distance_m:.1f}".replace(".", ","),
                     Paragraph(escape("; ".join(map(str, a.measures))), styles["small"])])
    table = Table(rows, repeatRows=1, colWidths=(28 * mm, 38 * mm, 20 * mm, 84 * mm))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.5, GREEN)]))
    story += [table, Spacer(1, 4 * mm), Paragraph(escape(SOURCES), styles["small"])]
    with replacing_target(out) as target:  # no half PDF after a failure
        doc = SimpleDocTemplate(target, pagesize=A4, invariant=1, title="Bomen in plangebied",
                                leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                                bottomMargin=18 * mm)
        doc.build(story)
