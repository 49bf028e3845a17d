"""Bomenplan report sections fed by the other registers: sortiment matrix, standplaatsen,
bomenbank and 3-30-300. Each says plainly when there is no data."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from bomenplan.reports.letter_style import escape


def _pct(v: float) -> str:
    return f"{v:.0f} %"


def sortiment(s, table, d) -> None:
    s.heading("Sortimentsmatrix")
    rows = d.extras.sortiment
    if not rows:
        s.text("Er is geen sortimentsmatrix vastgelegd.")
        return
    s.text(f"Versie in gebruik: {d.extras.sortiment_version}. De meest specifieke regel gaat voor.", "small")
    header = ["laantype", "kroonruimte", "verharding", "kabels", "grootte", "voorkeursoorten"]
    body = [[Paragraph(escape(c), s.styles["small"]) for c in row] for row in rows]
    s.add(table([header] + body, (33 * mm, 20 * mm, 18 * mm, 12 * mm, 15 * mm, 72 * mm)))


def standplaats(s, table, d) -> None:
    s.heading("Standplaatsen en groeiruimte")
    counts, shortages = d.extras.standplaats, d.extras.soil_per_straat
    if counts is None and shortages is None:
        s.text("Voor de bomen in dit gebied zijn geen standplaatsgegevens of openstaande standplaatsproblemen "
               "vastgelegd.")
        return
    if counts is None:
        s.text("Er zijn geen openstaande standplaatsproblemen vastgelegd.")
    else:
        sites, problems = counts
        s.text(f"{sites} standplaatsen hebben samen {problems} openstaande problemen (bijvoorbeeld te weinig "
               "doorwortelbaar volume, verdichting of kabels en leidingen). Zie het standplaatsoverzicht per boom.")
    if shortages is None:
        s.text("Van geen enkele boom in dit gebied is het doorwortelbaar volume vastgelegd.", "small")
        return
    if not shortages:
        s.text("Geen boom met een vastgelegde standplaats heeft te weinig doorwortelbaar volume.")
        return
    s.text("Tekort aan doorwortelbaar volume per straat, over de bomen met een vastgelegde standplaats "
           "(benodigd volume volgens de normtabel voor de soort min het beschikbare volume), grootste tekort "
           "eerst:", "small")
    rows = [["straat", "bomen", "volume bekend", "met tekort", "tekort (m³)"]]
    rows += [[Paragraph(escape(r.key or "onbekend"), s.styles["small"]), str(r.n_trees), str(r.n_known),
              str(r.n_short), _m3(r.shortage_m3)] for r in shortages]
    s.add(table(rows, (60 * mm, 20 * mm, 27 * mm, 22 * mm, 25 * mm)), Spacer(1, 2 * mm))


def _m3(value: float) -> str:
    return f"{value:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


def bank(s, table, d) -> None:
    s.heading("Bomenbank")
    if d.extras.bank is None:
        s.text("De bomenbank is leeg: er zijn geen bomen beschikbaar om te herplanten.")
        return
    s.add(table([["status", "bomen"]] + [[k, str(n)] for k, n in d.extras.bank], (50 * mm, 25 * mm)),
          Spacer(1, 2 * mm))
    if d.extras.bank_species:
        s.text("Beschikbaar per soort: " + "; ".join(f"{k} {n}" for k, n in d.extras.bank_species) + ".")
    matches = d.extras.bank_matches
    if not matches:
        s.text("Geen bomenbankboom past bij een open plek in een laan van dit gebied.", "small")
        return
    s.text("Beste voorstellen per laan: bomenbankbomen die voor een open plek de beste keus zijn (soort, "
           "maat, standplaats, afstand en beschikbaarheid; score 0-100). Een bankboom kan bij meer lanen "
           "passen; het verplantplan kiest één plek.", "small")
    rows = [["laan", "open plekken", "code", "soort", "omtrek (cm)", "score"]]
    rows += [[Paragraph(escape(r.laan), s.styles["small"]), str(r.open_positions), escape(r.code),
              Paragraph(escape(r.species_name), s.styles["small"]), f"{r.stamomtrek_cm:.0f}",
              f"{100 * r.score:.0f}"] for r in matches]
    s.add(table(rows, (45 * mm, 24 * mm, 18 * mm, 43 * mm, 20 * mm, 15 * mm)), Spacer(1, 2 * mm))
    s.text("Reserveren en planten gaat via de bomenbanklijst (bomenplan bomenbank match).", "small")


def rule_3_30_300(s, table, d) -> None:
    s.heading("3-30-300")
    buurten = d.extras.buurten_3_30_300
    if not buurten:
        s.text("Geen 3-30-300-cijfers: geef panden en groen op (bomenplan report --buildings … --green …).")
        return
    intro = len(s.items)
    s.text("Per buurt: aandeel woningen met minstens 3 bomen binnen 15 m, kroonbedekking van de buurt, "
           "aandeel woningen binnen 300 m van openbaar groen (hemelsbreed en, met een padennet, over de paden), "
           "en aandeel dat aan alle drie voldoet (300 m hemelsbreed) "
           "(Konijnendijk 2023; uitwerking zoals NINA en Barcelona, Nieuwenhuijsen 2022).", "small")
    network = any(b.near_green_network is not None for b in buurten)
    head = ["buurt", "woningen", "3 bomen", "kroon", "groen 300 m"] + (["via paden"] if network else [])
    rows = [head + ["alle drie"]]
    for b in buurten:
        via = [_pct(b.pct(b.near_green_network or 0))] if network else []
        rows.append([Paragraph(escape(b.buurt), s.styles["small"]), str(b.dwellings), _pct(b.pct(b.with_3_trees)),
                     _pct(b.canopy_pct), _pct(b.pct(b.near_green)), *via, _pct(b.pct(b.all_three))])
    widths = (45 * mm, 18 * mm, 18 * mm, 18 * mm, 22 * mm) + ((20 * mm,) if network else ()) + (18 * mm,)
    s.add(table(rows, widths if network else (50 * mm, 20 * mm, 20 * mm, 20 * mm, 25 * mm, 20 * mm)))
    s.items[intro:] = [KeepTogether(s.items[intro:]), Spacer(1, 2 * mm)]  # the explanation stays with the table
    for note in d.extras.notes_3_30_300:
        s.text(f"Let op: {note}.", "small")
