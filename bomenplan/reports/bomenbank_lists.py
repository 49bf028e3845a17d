"""Printed lists of the bomenbank and the transplantiefonds (PDF A4, Dutch): available bank
trees, the fund statement of a year with its herplantplicht obligations. Every page carries the
date and its page number; lists end with totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bomenplan.domain.bomenbank import BankStatus, BankTree
from bomenplan.domain.fund_ledger import LedgerEntry, Obligation, year_balance
from bomenplan.reports.letter_style import GREEN, MUNICIPALITY, dutch_date, escape, letter_styles
from bomenplan.services.safe_files import replacing_target

OVERDUE = HexColor("#f6d5d5")


def money(amount: Decimal) -> str:
    """€ 1.234,56 (Dutch notation)."""
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):,.2f}".split(".")
    return f"{sign}€ {whole.replace(',', '.')},{cents}"


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _table(rows: list[list], widths: tuple, extra: list | None = None, total_row: bool = True) -> Table:
    table = Table(rows, repeatRows=1, colWidths=[w * mm for w in widths], hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("FONTSIZE", (0, 0), (-1, -1), 8),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.5, GREEN)]
    if total_row:
        style += [("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"), ("LINEABOVE", (0, -1), (-1, -1), 0.5, GREEN)]
    table.setStyle(TableStyle(style + (extra or [])))
    return table


def _build(story: list, title: str, on: date, out: Path | BytesIO, landscape_page: bool = False) -> None:
    size = landscape(A4) if landscape_page else A4

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(15 * mm, 9 * mm, f"{MUNICIPALITY} — {title} — {dutch_date(on)}")
        canvas.drawRightString(size[0] - 15 * mm, 9 * mm, f"pagina {doc.page}")
        canvas.restoreState()

    with replacing_target(out) as target:  # no half PDF after a failure
        SimpleDocTemplate(target, pagesize=size, invariant=1, leftMargin=15 * mm,
                          rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=16 * mm, title=title,
                          author=MUNICIPALITY).build(story, onFirstPage=footer, onLaterPages=footer)


def write_bank_list(bank: list[BankTree], on: date, out: Path | BytesIO,
                    only_available: bool = False) -> None:
    styles = letter_styles()
    shown = [t for t in bank if t.status is BankStatus.BESCHIKBAAR] if only_available else bank
    title = "Bomenbank — beschikbare bomen" if only_available else "Bomenbank — voorraad"
    rows = [["code", "soort", "omtrek cm", "hoogte m", "kluit", "herkomst", "locatie",
             "beschikbaar", "conditie", "status", "kosten"]]
    for t in shown:
        window = " – ".join(d.isoformat() for d in (t.available_from, t.available_until) if d)
        rows.append([t.code, t.species_name, f"{t.stamomtrek_cm:.0f}",
                     "" if t.hoogte_m is None else f"{t.hoogte_m:.1f}", t.kluit, str(t.source),
                     t.location[:30], window, str(t.condition), str(t.status), money(t.cost)])
    total = sum((t.cost for t in shown), Decimal("0.00"))
    rows.append([f"{len(shown)} bomen", "", "", "", "", "", "", "", "", "totaal", money(total)])
    story = [Paragraph(escape(title), styles["heading"]),
             Paragraph(f"{MUNICIPALITY}, stand {dutch_date(on)}. Stamomtrek op 1,30 m.", styles["body"]),
             _table(rows, (18, 42, 15, 14, 28, 22, 45, 36, 16, 20, 22))]
    _build(story, title, on, out, landscape_page=True)


def write_fund_statement(entries: list[LedgerEntry], obligations: list[Obligation], year: int, on: date,
                         out: Path | BytesIO) -> None:
    """Balance of the year, its bookings with totals, and the herplantplichten (overdue marked)."""
    styles = letter_styles()
    title = f"Transplantiefonds — overzicht {year}"
    b = year_balance(entries, year)
    summary = [["", "bedrag"], ["beginsaldo 1 januari", money(b.opening)], ["stortingen", money(b.deposits)],
               ["onttrekkingen", money(-b.withdrawals)], [f"eindsaldo 31 december {year}", money(b.closing)]]
    rows = [["datum", "soort", "omschrijving", "storting", "onttrekking"]]
    for e in (e for e in entries if e.datum.year == year):
        rows.append([e.datum.isoformat(), str(e.kind), _cut(e.description, 44),
                     money(e.amount) if e.is_deposit else "", "" if e.is_deposit else money(e.amount)])
    rows.append([f"{len(rows) - 1} boekingen", "", "totaal", money(b.deposits), money(b.withdrawals)])
    story = [Paragraph(escape(title), styles["heading"]),
             Paragraph(f"{MUNICIPALITY}, opgemaakt {dutch_date(on)}. Bedragen in euro.", styles["body"]),
             _table(summary, (70, 35)), Spacer(1, 6 * mm),
             Paragraph("Boekingen", styles["label"]), _table(rows, (22, 42, 70, 22, 24))]
    story += [Spacer(1, 6 * mm), Paragraph("Herplantplicht (Bal art. 11.129: binnen 3 jaar na kap)",
                                           styles["label"]), obligations_table(obligations, on)]
    _build(story, title, on, out)


def obligations_table(obligations: list[Obligation], on: date) -> Table:
    rows = [["gekapt", "locatie", "bomen", "uiterlijk", "status", "afgehandeld", ""]]
    marks = []
    for k, d in enumerate(obligations, start=1):
        late = d.overdue(on)
        rows.append([d.felled_on.isoformat(), d.location[:40], str(d.n_trees), d.due.isoformat(), str(d.status),
                     d.fulfilled_on.isoformat() if d.fulfilled_on else "", "TE LAAT" if late else ""])
        if late:
            marks.append(("BACKGROUND", (0, k), (-1, k), OVERDUE))
    n_late = sum(d.overdue(on) for d in obligations)
    rows.append([f"{len(obligations)} plichten", "", str(sum(d.n_trees for d in obligations)), "",
                 f"{n_late} te laat", "", ""])
    return _table(rows, (22, 60, 14, 22, 22, 22, 18), marks)


def write_obligations(obligations: list[Obligation], on: date, out: Path | BytesIO) -> None:
    styles = letter_styles()
    title = "Herplantplichten"
    story = [Paragraph(title, styles["heading"]),
             Paragraph(f"{MUNICIPALITY}, stand {dutch_date(on)}. Herplanten binnen 3 jaar na de kap "
                       "(Bal art. 11.129); te late plichten zijn gemarkeerd.", styles["body"]),
             obligations_table(obligations, on)]
    _build(story, title, on, out)
