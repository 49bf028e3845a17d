"""Shared layout pieces for municipal letters and reports: styles, Dutch dates, sender block."""

from __future__ import annotations

from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

MUNICIPALITY = "Gemeente Assen"
SENDER_LINES = ("Gemeente Assen", "Postbus 30018", "9400 RA Assen", "Telefoon 14 0592",
                "www.assen.nl")
GREEN = HexColor("#2e6b30")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def letter_styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()["Normal"]
    body = ParagraphStyle("body", parent=base, fontName="Helvetica", fontSize=10, leading=13.5,
                          spaceAfter=5)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, spaceAfter=0),
        "label": ParagraphStyle("label", parent=body, fontName="Helvetica-Bold", spaceAfter=2),
        "heading": ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold", fontSize=13,
                                  leading=16, textColor=GREEN, spaceAfter=10),
    }


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
