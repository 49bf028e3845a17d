"""The response letter to a complainant, in a Dutch municipal letter layout (A4, window envelope).

This is the only output that prints personal data: the addressee of this letter.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bomenplan.domain.complaint_log import LetterContent
from bomenplan.domain.criteria import Decision, Measure
from bomenplan.reports.letter_style import (
    GREEN,
    MUNICIPALITY,
    SENDER_LINES,
    dutch_date,
    escape,
    letter_styles,
)
from bomenplan.services.safe_files import replacing

ADDRESS_TOP = 50 * mm  # window envelope (NEN 1026 / C5/6 venster)
BODY_TOP = 95 * mm
TOP_MARGIN = 20 * mm

DECISION_WORDS = {
    Decision.INGRIJPEN: "De gemeente grijpt in.",
    Decision.NIET_INGRIJPEN: "De gemeente grijpt niet in.",
    Decision.INSPECTIE: "De gemeente laat de boom eerst ter plaatse beoordelen.",
}


def next_steps(content: LetterContent) -> str:
    i = content.intervention
    if i.decision is Decision.INGRIJPEN and i.measure is Measure.HANDHAVING:
        return ("Wij schrijven de eigenaar van de boom aan en verplichten hem of haar te snoeien of "
                "te verwijderen wat de weg hindert of gevaar oplevert. Doet de eigenaar dat niet, "
                "dan kan de gemeente handhaven. U hoeft daarvoor niets te doen.")
    if i.decision is Decision.INGRIJPEN:
        when = "met voorrang" if i.urgent else "binnen acht weken"
        measure = i.measure_text or str(i.measure)
        measure = measure[:1].lower() + measure[1:]
        return (f"Wij hebben een werkopdracht gegeven: {escape(measure)}. "
                f"De werkzaamheden worden {when} uitgevoerd. U hoeft daarvoor niets te doen.")
    if i.decision is Decision.INSPECTIE:
        when = "met voorrang" if i.urgent else "binnen vier weken"
        return (f"Een medewerker van de gemeente bekijkt de situatie {when}"
                f"{': ' + escape(i.measure_text) if i.measure_text else ''}. "
                "Daarna ontvangt u bericht over wat wij gaan doen.")
    return ("Wij nemen geen maatregelen en sluiten uw melding af. Verandert de situatie, "
            "bijvoorbeeld doordat er takken afbreken, meld het ons dan opnieuw.")


def criteria_words(content: LetterContent) -> str:
    """How the letter names the criteria: adopted ones as such, a concept never as adopted."""
    if content.criteria_adopted:
        return "aan de hand van de vastgestelde criteria van de gemeente Assen"
    return ("volgens de conceptcriteria voor meldingen over bomen van de gemeente Assen "
            "(nog niet door het college vastgesteld)")


def _letterhead(canvas, doc, content: LetterContent) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(GREEN)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(20 * mm, height - 22 * mm, MUNICIPALITY)
    canvas.setFont("Helvetica", 8)
    canvas.setFillColorRGB(0.2, 0.2, 0.2)
    for n, line in enumerate(SENDER_LINES):
        canvas.drawRightString(width - 20 * mm, height - 18 * mm - n * 3.8 * mm, line)
    person = content.addressee
    canvas.setFont("Helvetica", 10)
    canvas.setFillColorRGB(0, 0, 0)
    lines = [person.naam, person.adres, f"{person.postcode}  {person.plaats}".strip()]
    for n, line in enumerate(x for x in lines if x):
        canvas.drawString(22 * mm, height - ADDRESS_TOP - n * 5 * mm, line)
    canvas.restoreState()


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    canvas.drawCentredString(A4[0] / 2, 12 * mm, f"{MUNICIPALITY} · pagina {doc.page}")
    canvas.restoreState()


def _meta_table(content: LetterContent, styles) -> Table:
    rows = [("Datum", dutch_date(date.fromisoformat(content.datum))),
            ("Ons kenmerk", content.kenmerk),
            ("Uw melding van", dutch_date(content.complaint.datum)),
            ("Onderwerp", "Uw melding over een boom"
             + (f" ({escape(content.boomnummer)})" if content.boomnummer else ""))]
    table = Table([[Paragraph(k, styles["small"]), Paragraph(v, styles["small"])] for k, v in rows],
                  colWidths=(35 * mm, 120 * mm), hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def letter_story(content: LetterContent) -> list:
    styles = letter_styles()
    body, label = styles["body"], styles["label"]
    i, c = content.intervention, content.complaint
    where = f" aan de {escape(content.straat)}" if content.straat else ""
    tree = f"boom {escape(content.boomnummer)}" if content.boomnummer else "een boom"
    topics = ", ".join(escape(str(cat)) for cat in c.categories)
    story = [
        Spacer(1, BODY_TOP - TOP_MARGIN), _meta_table(content, styles), Spacer(1, 8 * mm),
        Paragraph(f"Geachte {escape(content.addressee.naam)},", body),
        Paragraph(f"Op {dutch_date(c.datum)} heeft u via {escape(str(c.kanaal))} een melding gedaan "
                  f"over {tree}{where}. Uw melding ging over: {topics}. Wij hebben uw melding "
                  f"beoordeeld {criteria_words(content)}.", body),
        Paragraph("Ons besluit", label), Paragraph(DECISION_WORDS[i.decision], body),
        Paragraph("De reden", label), Paragraph(escape(i.reason), body),
    ]
    if i.citation:
        story += [Paragraph("Het beleid", label),
                  Paragraph(f"Dit besluit volgt uit: {escape(i.citation)} "
                            f"({'criteria' if content.criteria_adopted else 'conceptcriteria'}, "
                            f"versie {escape(i.version)}).", body)]
    story += [
        Paragraph("Wat gebeurt er nu?", label), Paragraph(next_steps(content), body),
        Paragraph("Heeft u vragen over deze brief? Bel dan 14 0592 of mail naar "
                  f"gemeente@assen.nl en noem het kenmerk {escape(content.kenmerk)}.", body),
        KeepTogether([
            Spacer(1, 4 * mm), Paragraph("Met vriendelijke groet,", body),
            Paragraph("namens het college van burgemeester en wethouders van Assen,", body),
            Spacer(1, 10 * mm),
            Paragraph(escape(content.handler) or "Team Bomen", body),
            Paragraph("Team Bomen, afdeling Beheer Openbare Ruimte", styles["small"])]),
    ]
    return story


def write_letter(content: LetterContent, out: Path | BytesIO) -> None:
    """Write the letter as PDF; byte-identical for identical content (invariant=1)."""
    if isinstance(out, Path):  # a failed build leaves the previous file intact
        with replacing(out) as temp:
            _build(content, str(temp))
    else:
        _build(content, out)


def _build(content: LetterContent, target: str | BytesIO) -> None:
    doc = SimpleDocTemplate(target, pagesize=A4, invariant=1, leftMargin=22 * mm,
                            rightMargin=20 * mm, topMargin=TOP_MARGIN,
                            bottomMargin=22 * mm, title=f"Brief {content.kenmerk}",
                            author=MUNICIPALITY)
    doc.build(letter_story(content),
              onFirstPage=lambda cv, d: (_letterhead(cv, d, content), _footer(cv, d)),
              onLaterPages=_footer)
