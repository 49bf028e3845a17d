"""Transplant plan per wijk (PDF A4, Dutch): a small map of the wijk's gap positions numbered as
in the table below it (gap ↔ bank tree), with totals per wijk and for the whole plan."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.graphics.shapes import Circle, Drawing, Rect, String
from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from bomenplan.domain.bank_plan import PlanLine, by_wijk, plan_cost
from bomenplan.reports.bomenbank_lists import _build, _table, money
from bomenplan.reports.letter_style import GREEN, MUNICIPALITY, dutch_date, escape, letter_styles

MAP_W, MAP_H = 180 * mm, 55 * mm
LIGHT = HexColor("#eef3ee")


def wijk_map(lines: list[PlanLine]) -> Drawing:
    """Positions scaled into the box with equal x/y scale; numbers as in the table."""
    drawing = Drawing(MAP_W, MAP_H)
    drawing.add(Rect(0, 0, MAP_W, MAP_H, fillColor=LIGHT, strokeColor=GREEN, strokeWidth=0.5))
    xs = [line.demand.x for line in lines]
    ys = [line.demand.y for line in lines]
    span = max(max(xs) - min(xs), (max(ys) - min(ys)) * MAP_W / MAP_H, 50.0)
    scale = (MAP_W - 16) / span
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    for k, line in enumerate(lines, start=1):
        px = MAP_W / 2 + (line.demand.x - cx) * scale
        py = MAP_H / 2 + (line.demand.y - cy) * scale
        drawing.add(Circle(px, py, 2.2, fillColor=GREEN, strokeColor=white, strokeWidth=0.3))
        drawing.add(String(px + 3, py + 2, str(k), fontSize=5, fontName="Helvetica"))
    drawing.add(String(4, 4, f"{span:.0f} m breed", fontSize=6, fontName="Helvetica"))
    return drawing


def write_plan(lines: list[PlanLine], on: date, out: Path | BytesIO) -> None:
    styles = letter_styles()
    title = "Verplantplan bomenbank per wijk"
    story = [Paragraph(title, styles["heading"]),
             Paragraph(f"{MUNICIPALITY}, {dutch_date(on)}. Elke bankboom naar ten hoogste één gatpositie, "
                       f"beste score eerst. {len(lines)} bomen, {money(plan_cost(lines))}.", styles["body"])]
    for wijk, group in by_wijk(lines).items():
        rows = [["nr", "laan", "positie (RD)", "bankboom", "soort", "omtrek", "buren", "afstand", "kosten"]]
        for k, line in enumerate(group, start=1):
            d, t = line.demand, line.tree
            rows.append([str(k), d.laan_name[:24], f"{d.x:.0f}, {d.y:.0f}", t.code, t.species_name[:24],
                         f"{t.stamomtrek_cm:.0f}", "" if d.neighbour_stamomtrek_cm is None
                         else f"{d.neighbour_stamomtrek_cm:.0f}", f"{line.distance_km:.1f} km", money(t.cost)])
        rows.append([f"{len(group)}", "", "", "", "", "", "", "totaal", money(plan_cost(group))])
        story += [CondPageBreak(MAP_H + 40 * mm), Paragraph(escape(f"Wijk {wijk}"), styles["label"]),
                  wijk_map(group), Spacer(1, 3 * mm), _table(rows, (9, 34, 28, 18, 36, 13, 13, 16, 22)),
                  Spacer(1, 6 * mm)]
    _build(story, title, on, out)
