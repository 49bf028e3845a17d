"""Route list for boomveiligheidscontroles as PDF (A4 landscape, Dutch, deterministic): a summary
(filter, counts per state and month, the ⅓-per-year figure) and per buurt the trees in route
order with empty columns for the inspector."""

from __future__ import annotations

from io import BytesIO
from itertools import groupby
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bomenplan.domain.inspection_due import DueState, counts_per_class
from bomenplan.reports.letter_style import GREEN, MUNICIPALITY, dutch_date, escape, letter_styles
from bomenplan.services.inspection_due import DueReport
from bomenplan.services.safe_files import replacing

HEADER = ("nr", "boomnummer", "straat", "soort", "klasse", "omg.risico", "laatste", "nodig op",
          "reden", "datum", "nieuwe klasse", "gebreken / opmerking")
WIDTHS = (9, 20, 28, 28, 24, 15, 17, 18, 44, 16, 18, 30)  # mm; 267 mm = A4 landscape − 2×15 mm
LIMITS = (6, 15, 22, 22, 18, 11, 10, 11, 40)  # characters per printed cell (plain text: fast)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _day(day) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def _rows(items, start: int) -> list[list[str]]:
    rows = [list(HEADER)]
    for n, item in enumerate(items, start=start):
        t = item.tree
        due = _day(item.due) or "nu"
        if item.state is DueState.OVERDUE:
            due += "!"
        cells = [str(n), t.boomnummer, t.straat, t.species, str(t.klasse), str(t.risico),
                 _day(t.last_inspection) or "nooit", due, item.reason]
        rows.append([_cut(c, limit) for c, limit in zip(cells, LIMITS, strict=True)] + ["", "", ""])
    return rows


def _table(rows: list[list[str]]) -> Table:
    table = Table(rows, repeatRows=1, colWidths=[w * mm for w in WIDTHS], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
                               ("FONTSIZE", (0, 0), (-1, -1), 7),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.5, GREEN),
                               ("GRID", (9, 1), (11, -1), 0.3, GREEN),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 6)]))
    return table


def _summary(report: DueReport, styles) -> list:
    c = report.criteria
    area = ", ".join(p for p in (c.wijk and f"wijk {c.wijk}", c.buurt and f"buurt {c.buurt}",
                                 c.straat and f"straat {c.straat}") if p) or "hele gemeente"
    states = ", ".join(f"{report.per_state[s]} {s}" for s in DueState if s is not DueState.OK)
    months = [["maand", *[m for m, _n in report.per_month[:12]]],
              ["bomen", *[str(n) for _m, n in report.per_month[:12]]]]
    story = [Paragraph(f"Routelijst boomveiligheidscontrole — {escape(area)}", styles["heading"]),
             Paragraph(f"{MUNICIPALITY}, Team Bomen. Controles nodig tot en met "
                       f"{dutch_date(c.until)} (peildatum {dutch_date(report.today)}): "
                       f"{len(report.items)} bomen ({states}). Voorraad in dit gebied: "
                       f"{report.stock} levende bomen; praktijk een derde per jaar = {report.yearly_target} "
                       "controles per jaar (DOMAIN.md §5). Volgorde: per buurt, straat na straat "
                       "(dichtstbijzijnde volgende straat), langs de straat.", styles["body"])]
    per_class = "; ".join(f"{k} / {r}: {n}" for k, r, n in counts_per_class(report.items))
    if per_class:
        story.append(Paragraph(f"Per boomveiligheidsklasse / omgevingsrisicoklasse: {escape(per_class)}.",
                               styles["small"]))
    if report.per_month:
        table = Table(months, hAlign="LEFT")
        table.setStyle(TableStyle([("FONTSIZE", (0, 0), (-1, -1), 7),
                                   ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
                                   ("GRID", (0, 0), (-1, -1), 0.3, GREEN)]))
        story += [Spacer(1, 2 * mm), table]
    return story


def route_story(report: DueReport) -> list:
    styles = letter_styles()
    story = _summary(report, styles)
    if not report.items:
        return story + [Paragraph("Geen bomen die een controle nodig hebben.", styles["body"])]
    number = 1
    for (wijk, buurt), group in groupby(report.items, key=lambda i: (i.tree.wijk, i.tree.buurt)):
        group = list(group)
        story += [Spacer(1, 4 * mm),
                  Paragraph(f"Wijk {escape(wijk or '(onbekend)')} — buurt "
                            f"{escape(buurt or '(onbekend)')} ({len(group)})", styles["label"]),
                  _table(_rows(group, number))]
        number += len(group)
    return story


def _footer(report: DueReport):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, 8 * mm, f"{MUNICIPALITY} — routelijst controles van "
                                           f"{dutch_date(report.today)}")
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm, f"pagina {doc.page}")
        canvas.restoreState()
    return draw


def write_route_pdf(report: DueReport, out: Path | BytesIO) -> None:
    story = route_story(report)
    if isinstance(out, Path):  # a failed build leaves the previous file intact
        with replacing(out) as temp:
            _build(story, str(temp), report)
    else:
        _build(story, out, report)


def _build(story: list, target, report: DueReport) -> None:
    footer = _footer(report)
    SimpleDocTemplate(target, pagesize=landscape(A4), invariant=1, leftMargin=15 * mm,
                      rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
                      title="Routelijst controles", author=MUNICIPALITY).build(
        story, onFirstPage=footer, onLaterPages=footer)
