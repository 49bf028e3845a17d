"""Work list per contractor as PDF (A4 landscape, Dutch): one section per contractor starting on
a new page, grouped per wijk, with an empty column for the contractor's remark."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from itertools import groupby
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bomenplan.reports.letter_style import GREEN, MUNICIPALITY, dutch_date, escape, letter_styles
from bomenplan.services.safe_files import replacing
from bomenplan.services.work_list import WorkListLine

HEADER = ("nr", "boomnummer", "straat", "soort", "type", "omschrijving", "uiterlijk",
          "uitgevoerd op", "opmerking aannemer")
WIDTHS = (12, 25, 38, 38, 24, 52, 20, 22, 36)  # mm; 267 mm fits A4 landscape with 15 mm margins


def _table(lines: list[WorkListLine], today: date, styles) -> Table:
    small = styles["small"]
    rows = [list(HEADER)]
    for line in lines:
        o = line.order
        due = o.due_date.strftime("%d-%m-%Y") if o.due_date else ""
        if o.is_overdue(today):
            due += " (te laat)"
        text = o.omschrijving + (" — URGENT" if o.urgent else "")
        rows.append([str(o.id), escape(line.boomnummer), Paragraph(escape(line.straat), small),
                     Paragraph(escape(line.soort), small), str(o.type),
                     Paragraph(escape(text), small), Paragraph(due, small), "", ""])
    table = Table(rows, repeatRows=1, colWidths=[w * mm for w in WIDTHS], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.5, GREEN),
                               ("GRID", (7, 1), (8, -1), 0.3, GREEN),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]))
    return table


def work_list_story(lines: list[WorkListLine], today: date) -> list:
    styles = letter_styles()
    story: list = []
    if not lines:
        return [Paragraph(f"Werklijst — {dutch_date(today)}", styles["heading"]),
                Paragraph("Geen werkorders die aan de selectie voldoen.", styles["body"])]
    for index, (contractor, group) in enumerate(groupby(lines, key=lambda line: line.contractor)):
        group = list(group)
        if index:
            story.append(PageBreak())
        story += [Paragraph(f"Werklijst {escape(contractor)} — {dutch_date(today)}",
                            styles["heading"]),
                  Paragraph(f"{MUNICIPALITY}, Team Bomen. {len(group)} werkorder"
                            f"{'' if len(group) == 1 else 's'}. Vul per regel de datum van "
                            "uitvoering en uw opmerking in en stuur de lijst terug.", styles["body"])]
        for wijk, in_wijk in groupby(group, key=lambda line: line.order.wijk):
            in_wijk = list(in_wijk)
            story += [Spacer(1, 3 * mm),
                      Paragraph(f"Wijk {escape(wijk or '(onbekend)')} ({len(in_wijk)})",
                                styles["label"]),
                      _table(in_wijk, today, styles)]
    return story


def _footer(today: date):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, 8 * mm, f"{MUNICIPALITY} — werklijst van {dutch_date(today)}")
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm, f"pagina {doc.page}")
        canvas.restoreState()
    return draw


def write_work_list_pdf(lines: list[WorkListLine], out: Path | BytesIO,
                        today: date | None = None) -> None:
    """`lines` as work_list() returns them (sorted per contractor and wijk)."""
    today = today or date.today()
    story = work_list_story(lines, today)
    if isinstance(out, Path):  # a failed build leaves the previous file intact
        with replacing(out) as temp:
            _build(story, str(temp), today)
    else:
        _build(story, out, today)


def _build(story: list, target: str | BytesIO, today: date) -> None:
    footer = _footer(today)
    SimpleDocTemplate(target, pagesize=landscape(A4), invariant=1, leftMargin=15 * mm,
                      rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
                      title="Werklijst", author=MUNICIPALITY).build(
        story, onFirstPage=footer, onLaterPages=footer)
