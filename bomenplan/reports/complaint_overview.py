"""Overview report of complaints (status, category, wijk, decision). Never holds personal data:
it is built from Complaint records only, which do not refer to the complainant."""

from __future__ import annotations

from collections import Counter
from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bomenplan.domain.complaints import ComplaintRecord
from bomenplan.reports.letter_style import GREEN, MUNICIPALITY, dutch_date, escape, letter_styles
from bomenplan.services.safe_files import replacing


def _count_table(title: str, counts: Counter, styles) -> list:
    rows = [[title, "aantal"]] + [[escape(str(k) or "(onbekend)"), str(v)]
                                   for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))]
    table = Table(rows, colWidths=(90 * mm, 25 * mm), hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.5, GREEN)]))
    return [table, Spacer(1, 5 * mm)]


def write_overview(records: list[ComplaintRecord], decisions: dict[int, str], on: date,
                   out: Path | BytesIO) -> None:
    styles = letter_styles()
    story = [Paragraph(f"Meldingen over bomen — overzicht {dutch_date(on)}", styles["heading"]),
             Paragraph(f"{MUNICIPALITY}. {len(records)} meldingen.", styles["body"])]
    complaints = [r.complaint for r in records]
    story += _count_table("status", Counter(str(c.status) for c in complaints), styles)
    story += _count_table("categorie", Counter(str(k) for c in complaints for k in c.categories), styles)
    story += _count_table("wijk", Counter(c.wijk for c in complaints), styles)
    rows = [["nr", "datum", "kanaal", "categorieën", "wijk", "boom", "status", "besluit"]]
    for r in records:
        c = r.complaint
        rows.append([str(c.id), c.datum.isoformat(), str(c.kanaal),
                     Paragraph(escape(", ".join(map(str, c.categories))), styles["small"]),
                     escape(c.wijk), escape(r.facts.boomnummer), str(c.status),
                     decisions.get(c.id, "")])
    table = Table(rows, repeatRows=1, colWidths=(12 * mm, 22 * mm, 20 * mm, 80 * mm, 35 * mm,
                                                 25 * mm, 25 * mm, 25 * mm))
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTSIZE", (0, 0), (-1, -1), 8),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.5, GREEN)]))
    story.append(table)
    if isinstance(out, Path):  # a failed build leaves the previous file intact
        with replacing(out) as temp:
            _build(story, str(temp))
    else:
        _build(story, out)


def _build(story: list, target: str | BytesIO) -> None:
    SimpleDocTemplate(target, pagesize=landscape(A4), invariant=1, leftMargin=15 * mm,
                      rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm,
                      title="Overzicht meldingen", author=MUNICIPALITY).build(story)
