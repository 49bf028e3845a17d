"""The Bomenplan PDF (A4, Dutch): title page, summary, map, species mix and 10-20-30, age and size,
laan table, complaints summary (no personal data), indicative value per wijk, then the sections of
bomenplan_sections.py. Sections without data say so plainly. Deterministic (invariant=1)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bomenplan.reports import bomenplan_plan_parts as parts
from bomenplan.reports import bomenplan_sections as sections
from bomenplan.reports.bomenplan_charts import area_map, bar_chart
from bomenplan.reports.letter_style import GREEN, MUNICIPALITY, dutch_date, escape, letter_styles
from bomenplan.services.bomenplan_report import BomenplanData
from bomenplan.services.bomenplan_value import DEFAULT_VVOG
from bomenplan.services.safe_files import replacing_target

_SECTION_STYLE = "section"  # chapter headings: these go into the inhoudsopgave
NOT_AVAILABLE = "Voor dit gebied zijn (nog) geen gegevens vastgelegd."
SOURCES = {
    "diversity": "Richtlijn 10-20-30 (Santamour 1990): hoogstens 10 % van één soort, 20 % van één "
                 "geslacht en 30 % van één familie.",
}


def value_note(d: BomenplanData) -> str:
    """How the value table was computed: VVOG factors used and how many trees had an NVTB value."""
    f = d.value_factors
    n_nvtb = sum(v.n_nvtb for v in d.values)
    demo = " (demowaarde; stel de eigen eenheidsprijs in)" if f == DEFAULT_VVOG else ""
    return ("Indicatief, berekend met de open VVOG-formule (vvog.info): stamoppervlak (cm²) × "
            "eenheidsprijs × soortfactor × standplaats × conditie × plantvorm × meerwaarde. Gebruikt: "
            f"eenheidsprijs € {_cents(f.unit_price_per_cm2)}/cm²{demo}, standplaats {_dec(f.location)}, "
            f"conditie {_dec(f.condition)}, plantvorm {_dec(f.planting_form)}. Geen taxatie. Een "
            "getaxeerde NVTB-waarde (Rekenmodel Boomwaarde) gaat voor de VVOG-schatting van die boom; "
            f"{_n(n_nvtb)} bomen hadden een NVTB-waarde.")


def _cents(value) -> str:
    return f"{value:.2f}".replace(".", ",")


def _dec(value) -> str:
    return str(value.normalize() if value == value.to_integral() else value).replace(".", ",")


def _n(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _pct(part: int, whole: int) -> str:
    return (f"{100.0 * part / whole:.1f}".replace(".", ",") + " %") if whole else "-"


def _euro(value) -> str:
    return "€ " + f"{value:,.0f}".replace(",", ".")


def _table(rows: list[list], widths: tuple[float, ...] | None = None) -> Table:
    table = Table(rows, repeatRows=1, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.6, GREEN),
                               ("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    return table


class _Story:
    def __init__(self):
        self.styles = letter_styles()
        self.styles["heading"] = self.styles["heading"].clone(_SECTION_STYLE, spaceBefore=10, keepWithNext=1)
        # a chart's or table's caption stays on the page of its chart (no heading alone at a page end)
        self.styles["label"] = self.styles["label"].clone("label", keepWithNext=1)
        self.items: list = []
        self.chapter = 0

    def heading(self, text: str) -> None:
        self.chapter += 1
        self.items.append(Paragraph(f"{self.chapter}. {escape(text)}", self.styles["heading"]))

    def text(self, text: str, style: str = "body") -> None:
        self.items.append(Paragraph(escape(text), self.styles[style]))

    def add(self, *flowables) -> None:
        self.items.extend(flowables)


def _title_page(s: _Story, d: BomenplanData) -> None:
    s.add(Spacer(1, 60 * mm))
    s.items.append(Paragraph("Bomenplan", s.styles["heading"].clone("title", fontSize=34, leading=40)))
    s.items.append(Paragraph(escape(f"{MUNICIPALITY} — {d.scope.title}"),
                             s.styles["heading"].clone("sub", fontSize=18, leading=24, textColor="black")))
    s.text(f"Stand van het bomenregister op {dutch_date(d.on)}.")
    s.text(f"{_n(d.n_trees)} bomen in het register, waarvan {_n(d.n_living)} levend.")
    s.text("Opgesteld uit het actuele bomenregister met het programma Bomenplan. Alle cijfers zijn "
           "afgeleid van de registergegevens; waar gegevens ontbreken staat dat vermeld.", "small")
    s.add(PageBreak())


def _summary(s: _Story, d: BomenplanData) -> None:
    s.heading("Samenvatting")
    largest = d.diversity.largest("species") if d.diversity else None
    rows = [["kengetal", "waarde"],
            ["bomen in het register", _n(d.n_trees)], ["levende bomen", _n(d.n_living)],
            ["soorten (levend)", _n(d.n_species)],
            ["monumentaal / waardevol / gedenkboom", _n(d.n_monumental)],
            ["lanen", _n(len(d.lanen)) if d.lanen is not None else "geen vastgelegd"],
            ["meest voorkomende soort", f"{largest.taxon} ({largest.percent:.1f} %)".replace(".", ",")
             if largest else "-"],
            ["indicatieve waarde (VVOG)", _euro(sum(v.value_eur for v in d.values))]]
    s.add(_table(rows, (90 * mm, 60 * mm)), Spacer(1, 4 * mm))
    s.text("Status van alle bomen: " + "; ".join(f"{k} {_n(n)}" for k, n in d.status_counts) + ".", "small")
    s.heading("Kaart van het gebied")
    s.add(area_map(d.map))
    s.add(PageBreak())


def _species(s: _Story, d: BomenplanData) -> None:
    s.heading("Soortenmix en diversiteit (10-20-30)")
    if not d.top_species:
        s.text(NOT_AVAILABLE)
        return
    s.text(f"De {len(d.top_species)} meest voorkomende soorten onder de levende bomen:")
    s.add(bar_chart([(name, n) for name, n in d.top_species]), Spacer(1, 4 * mm))
    if d.diversity is None:
        s.text("Geen soorten gekoppeld aan de soortencatalogus; 10-20-30 is niet te bepalen.")
        return
    for level, label in (("species", "soort"), ("genus", "geslacht"), ("family", "familie")):
        shares = d.diversity.top[level][:5]
        limit = shares[0].limit if shares else None
        s.text(f"Grootste aandelen per {label} (grens {limit:g} %):" if shares else
               f"Geen {label} bekend.", "label")
        if shares:
            s.add(bar_chart([(t.taxon, t.percent) for t in shares], "%", limit), Spacer(1, 3 * mm))
    warned = d.diversity.warnings
    s.text("Overschreden: " + "; ".join(f"{w.taxon} {w.percent:.1f} %".replace(".", ",") for w in warned)
           + "." if warned else "Geen enkele grens van 10-20-30 wordt overschreden.")
    s.text(SOURCES["diversity"], "small")


def _age_size(s: _Story, d: BomenplanData) -> None:
    s.heading("Leeftijd en grootte")
    s.text("Leeftijd (jaren sinds plantjaar) van de levende bomen:", "label")
    s.add(bar_chart(d.age_counts), Spacer(1, 2 * mm))
    s.text(f"Plantjaar onbekend: {_n(d.n_unknown_age)} bomen.", "small")
    s.text("Hoogteklasse van de levende bomen:", "label")
    s.add(bar_chart(d.height_counts), Spacer(1, 3 * mm))
    s.text("Beleidsstatus (monumentaal, waardevol, …):", "label")
    s.add(_table([["beleidsstatus", "bomen"]] + [[k, _n(n)] for k, n in d.beleid_counts], (70 * mm, 30 * mm)))


def _lanen(s: _Story, d: BomenplanData) -> None:
    s.heading("Lanen: kwaliteit, gaten en herplant")
    if not d.lanen:
        s.text("Er zijn in dit gebied geen lanen vastgelegd (bomenplan lanen detect).")
        return
    rows = [["laan", "kwaliteit", "levend", "ontbreekt", "gaten", "compleet", "herplantstrategie", "soort"]]
    for r in d.lanen:
        rows.append([Paragraph(escape(r.name), s.styles["small"]), r.kwaliteit, _n(r.living), _n(r.missing),
                     _n(r.n_gaps), f"{r.completeness_pct:.0f} %", r.herplantstrategie,
                     Paragraph(escape(r.intended_species or "-"), s.styles["small"])])
    s.add(_table(rows, (42 * mm, 16 * mm, 13 * mm, 16 * mm, 11 * mm, 15 * mm, 27 * mm, 30 * mm)))


def _complaints(s: _Story, d: BomenplanData) -> None:
    s.heading("Meldingen (zonder persoonsgegevens)")
    if not d.complaints:
        s.text("Er zijn voor dit gebied geen meldingen vastgelegd.")
        return
    s.add(_table([["status", "meldingen"]] + [[k, _n(n)] for k, n in d.complaints], (60 * mm, 30 * mm)))


def _value(s: _Story, d: BomenplanData) -> None:
    s.heading("Indicatieve boomwaarde per wijk")
    if not d.values:
        s.text(NOT_AVAILABLE)
        return
    rows = [["wijk", "levende bomen", "gewaardeerd", "stamoppervlak (m²)", "indicatieve waarde"]]
    rows += [[Paragraph(escape(v.wijk), s.styles["small"]), _n(v.n_trees), _pct(v.n_measured, v.n_trees),
              f"{v.stem_area_cm2 / 10_000:,.1f}".replace(",", "_").replace(".", ",").replace("_", "."),
              _euro(v.value_eur)] for v in d.values]
    s.add(_table(rows, (50 * mm, 25 * mm, 28 * mm, 32 * mm, 32 * mm)), Spacer(1, 2 * mm))
    s.text(value_note(d), "small")


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(20 * mm, 10 * mm, doc.title)
    canvas.drawRightString(190 * mm, 10 * mm, f"pagina {doc.page}")
    canvas.restoreState()


def write_bomenplan(data: BomenplanData, out: Path | BytesIO, drawn=None) -> int:
    """Write the report; returns the number of pages. `drawn(fraction)` follows the layout (it may
    raise Cancelled to stop)."""
    s = _Story()
    _title_page(s, data)
    parts.contents(s)
    parts.introduction(s, data)
    _summary(s, data)
    for section in (_species, _age_size, _lanen):
        section(s, data)
    parts.structure(s, _table, data)
    for section in (_complaints, _value):
        section(s, data)
    sections.sortiment(s, _table, data)
    sections.standplaats(s, _table, data)
    sections.bank(s, _table, data)
    sections.rule_3_30_300(s, _table, data)
    parts.programme(s, _table, data)
    title = f"Bomenplan {MUNICIPALITY} — {data.scope.title}"
    with replacing_target(out) as target:  # no half PDF after a failure
        return _build(s, target, title, drawn)


def _build(s, target, title: str, drawn) -> int:
    doc = _PlanDoc(target, pagesize=(210 * mm, 297 * mm),
                            invariant=1, title=title, author=MUNICIPALITY,
                            leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm)
    if drawn is not None:
        total, passes, last = [max(1, len(s.items))], [0], [0]

        def follow(kind: str, value: int) -> None:
            """The inhoudsopgave needs 2-3 layout passes: pass n fills the next half of what is left."""
            if kind == "SIZE_EST":
                total[0] = max(1, value)
            elif kind == "PROGRESS":
                if value < last[0]:
                    passes[0] += 1
                last[0] = value
                done = 1 - 0.5 ** passes[0]
                drawn(done + (1 - done) / 2 * min(1.0, value / total[0]))
        doc.setProgressCallBack(follow)
    doc.multiBuild(s.items, onLaterPages=_footer)
    return doc.page


class _PlanDoc(SimpleDocTemplate):
    """Reports every chapter heading to the inhoudsopgave."""

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name == _SECTION_STYLE:
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))
