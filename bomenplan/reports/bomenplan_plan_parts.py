"""The parts that make the Bomenplan read as a council document: inleiding (the Groenvisie Assen
2040 ambitions it serves), inhoudsopgave, hoofdbomenstructuur and uitvoeringsprogramma."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from bomenplan.reports.letter_style import dutch_date, escape

GROENVISIE = "Groenvisie Assen 2040"
INDICATIVE = ("Indicatief: de aantallen volgen uit het register op de peildatum en veranderen met elke "
              "wijziging; het definitieve werk volgt uit opname ter plaatse en de jaarlijkse begroting.")
KIND_LABELS = {"herplant": "herplant", "groeiplaats": "groeiplaats", "controle": "controle",
               "bomenbank": "bomenbank"}


def contents(s) -> None:
    """The inhoudsopgave (filled in by the multi-pass build)."""
    s.items.append(Paragraph("Inhoudsopgave", s.styles["heading"].clone("toc_title")))
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [s.styles["body"].clone("toc0", fontSize=10, leading=15)]
    s.add(toc, PageBreak())


def introduction(s, d) -> None:
    s.heading("Inleiding")
    s.text(f"Dit Bomenplan beschrijft de bomen van de {d.scope.title} zoals ze op {dutch_date(d.on)} in het "
           "bomenregister van de gemeente staan, en wat de gemeente de komende tijd met die bomen doet. "
           "Het plan wordt rechtstreeks uit het register opgesteld en kan na elke wijziging opnieuw worden "
           "afgedrukt.")
    s.text(f"Het plan werkt de opgave ‘Opstellen bomenplan’ uit de {GROENVISIE} uit (§3.6 Het belang van "
           "bomen): vastleggen welk type boom en welke grootte past bij welk type straat of laan (hoofdstuk "
           "Sortimentsmatrix), waar de bomen- en laanstructuur goed is en waar gaten zitten (hoofdstukken "
           "Lanen en Hoofdbomenstructuur), waar problemen met de standplaats zijn (hoofdstuk Standplaatsen en "
           "groeiruimte) en hoe een bomenbank herplant met volwassen bomen mogelijk maakt (hoofdstuk "
           "Bomenbank).")
    s.text("Het plan dient ook de andere ambities van §3.6: bomen gezond oud laten worden, met groeiplaatsen "
           "die passen bij de grootte van de boom en in de hoofdgroenstructuur duurzame bomen zoals linde en "
           "eik; en vaker kiezen voor bomen met ecologische meerwaarde (hoofdstuk Soortenmix en diversiteit). "
           "Uit §4.1 Groen en verbonden netwerk volgt het vastleggen en beschermen van de hoofdgroenstructuur: "
           "het hoofdstuk Hoofdbomenstructuur geeft de lanen die daartoe behoren, hun staat en het "
           "herplantadvies, waarin de statigheid van één soort wordt afgewogen tegen de robuustheid van "
           "gemengde soorten. De 3-30-300-cijfers laten zien hoe dicht bewoners bij bomen en groen wonen.")
    s.text("Het Uitvoeringsprogramma aan het eind zet de maatregelen op een rij: herplant per laan, "
           "verbetering van standplaatsen, controles die binnen een jaar nodig zijn en bomen uit de "
           "bomenbank. " + INDICATIVE, "small")


def structure(s, table, d) -> None:
    s.heading("Hoofdbomenstructuur")
    rows = d.programme.structure if d.programme else []
    if not rows:
        s.text("In dit gebied ligt geen laan die als onderdeel van de hoofdbomenstructuur is vastgelegd "
               "(laan bewerken: ‘onderdeel van de hoofdbomenstructuur’).")
        return
    s.text(f"De lanen van de hoofdbomenstructuur ({GROENVISIE} §4.1: hoofdgroenstructuur vastleggen en "
           "beschermen; §3.6: duurzame bomen zoals linde en eik) en hun staat. Bij herplant weegt het advies "
           "de statigheid van één soort in de hele laan af tegen de robuustheid van een mengsel van soorten "
           "(ziekte en klimaat).", "small")
    head = [["laan", "kwaliteit", "levend", "ontbreekt", "gaten", "compleet", "gekozen herplant"]]
    body = [[Paragraph(escape(r.name), s.styles["small"]), r.kwaliteit, str(r.living), str(r.missing),
             str(r.n_gaps), f"{r.completeness_pct:.0f} %", Paragraph(escape(r.chosen), s.styles["small"])]
            for r in rows]
    s.add(table(head + body, (35 * mm, 16 * mm, 13 * mm, 16 * mm, 11 * mm, 15 * mm, 64 * mm)), Spacer(1, 3 * mm))
    for r in rows:
        if not r.advice:
            continue
        s.text(f"Herplantadvies {r.name} ({r.missing} {'boom' if r.missing == 1 else 'bomen'}), best "
               "scorende opties:", "label")
        for n, o in enumerate(r.advice, 1):
            detail = "; ".join(t for t in (o.statigheid and f"statigheid: {o.statigheid}",
                                           o.robuustheid and f"robuustheid: {o.robuustheid}") if t)
            s.text(f"{n}. {o.strategy}: {o.species} (score {o.score:g}). {detail}", "small")
        s.add(Spacer(1, 2 * mm))


def programme(s, table, d) -> None:
    s.heading("Uitvoeringsprogramma en maatregelen")
    measures = d.programme.measures if d.programme else []
    s.text(INDICATIVE, "small")
    if not measures:
        s.text("Voor dit gebied volgen uit het register geen maatregelen.")
        return
    head = [["soort", "waar", "maatregel", "aantal", "wanneer"]]
    body = [[KIND_LABELS.get(m.kind, m.kind), Paragraph(escape(m.where), s.styles["small"]),
             Paragraph(escape(m.what), s.styles["small"]), str(m.amount), Paragraph(escape(m.when), s.styles["small"])]
            for m in measures]
    s.add(table(head + body, (20 * mm, 35 * mm, 70 * mm, 14 * mm, 31 * mm)), Spacer(1, 2 * mm))
    s.text("Controles: volgens de vastgelegde controle-intervallen (VTA), tot "
           f"{dutch_date(d.programme.controles_until)}; herplant in het eerstvolgende plantseizoen "
           "(november tot en met maart).", "small")
