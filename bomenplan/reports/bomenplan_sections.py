"""Bomenplan report sections fed by the other registers: sortiment matrix, standplaatsen,
bomenbank and 3-30-300. Each says plainly when there is no data."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

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


def standplaats(s, d) -> None:
    s.heading("Standplaatsen en groeiruimte")
    if d.extras.standplaats is None:
        s.text("Voor de bomen in dit gebied zijn geen openstaande standplaatsproblemen vastgelegd.")
        return
    sites, problems = d.extras.standplaats
    s.text(f"{sites} standplaatsen hebben samen {problems} openstaande problemen (bijvoorbeeld te weinig "
           "doorwortelbaar volume, verdichting of kabels en leidingen). Zie het standplaatsoverzicht per boom.")


def bank(s, table, d) -> None:
    s.heading("Bomenbank")
    if d.extras.bank is None:
        s.text("De bomenbank is leeg: er zijn geen bomen beschikbaar om te herplanten.")
        return
    s.add(table([["status", "bomen"]] + [[k, str(n)] for k, n in d.extras.bank], (50 * mm, 25 * mm)),
          Spacer(1, 2 * mm))
    if d.extras.bank_species:
        s.text("Beschikbaar per soort: " + "; ".join(f"{k} {n}" for k, n in d.extras.bank_species) + ".")
    s.text("Welke bomenbankboom bij welk gat past staat in de bomenbanklijst (bomenplan bomenbank match).",
           "small")


def rule_3_30_300(s, table, d) -> None:
    s.heading("3-30-300")
    buurten = d.extras.buurten_3_30_300
    if not buurten:
        s.text("Geen 3-30-300-cijfers: geef panden en groen op (bomenplan report --buildings … --green …).")
        return
    s.text("Per buurt: aandeel woningen met minstens 3 bomen binnen 15 m, kroonbedekking van de buurt, "
           "aandeel woningen binnen 300 m van openbaar groen, en aandeel dat aan alle drie voldoet "
           "(Konijnendijk 2023; uitwerking zoals NINA en Barcelona, Nieuwenhuijsen 2022).", "small")
    rows = [["buurt", "woningen", "3 bomen", "kroon", "groen 300 m", "alle drie"]]
    rows += [[Paragraph(escape(b.buurt), s.styles["small"]), str(b.dwellings), _pct(b.pct(b.with_3_trees)),
              _pct(b.canopy_pct), _pct(b.pct(b.near_green)), _pct(b.pct(b.all_three))] for b in buurten]
    s.add(table(rows, (50 * mm, 20 * mm, 20 * mm, 20 * mm, 25 * mm, 20 * mm)), Spacer(1, 2 * mm))
    for note in d.extras.notes_3_30_300:
        s.text(f"Let op: {note}.", "small")
