"""The demo wijk's Bomenplan reads like a plan: the demo stores its lanen (Hoofdlaan in the
hoofdbomenstructuur with a recorded replanting choice), the report has an inleiding citing the
Groenvisie, an inhoudsopgave, the hoofdbomenstructuur, 3-30-300 from the stored data without files,
the base map under the trees and an uitvoeringsprogramma."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bomenplan.domain.laan import LaanStatus
from bomenplan.reports.bomenplan_report import write_bomenplan
from bomenplan.services.bomenplan_report import Scope, assemble
from bomenplan.services.demo import create_demo
from tests.pdf_text import pdf_text

ON = date(2026, 11, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork

    engine, sessions = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    create_demo(factory, today=ON)
    yield factory
    engine.dispose()


@pytest.fixture(scope="module")
def centrum(demo):
    return assemble(demo, Scope("wijk", "Centrum"), ON)


def test_demo_stores_accepted_lanen_with_the_hoofdlaan_in_the_structure(demo):
    with demo() as uow:
        lanen = uow.lanen.list()
        hoofdlaan = next(laan for laan in lanen if laan.straat == "Hoofdlaan")
        choices = uow.laan_choices.for_laan(hoofdlaan.id)
    assert len(lanen) > 100 and all(laan.status == LaanStatus.GEACCEPTEERD for laan in lanen)
    assert hoofdlaan.hoofdbomenstructuur
    # the plan's structure (demo_plan.py) and nothing else: Hoofdlaan, Nobellaan, Torenlaan, Vaart,
    # Kanaalweg, Beilerstraat and the Brink
    structure = {laan.straat for laan in lanen if laan.hoofdbomenstructuur}
    assert structure <= {"Hoofdlaan", "Nobellaan", "Torenlaan", "Vaart", "Kanaalweg", "Beilerstraat", "Brink"}
    assert {"Hoofdlaan", "Nobellaan", "Brink"} <= structure
    # the Hoofdlaan misses ≥ 25 trees (Groenvisie facts): a choice was recorded and shows on the laan
    assert len(choices) == 1
    assert hoofdlaan.intended_species == ", ".join(choices[0].species)
    assert hoofdlaan.herplantstrategie == choices[0].strategy


def test_centrum_report_has_lanen_structure_programme_and_3_30_300(centrum):
    assert centrum.lanen and any(r.name == "Hoofdlaan" and r.missing >= 25 for r in centrum.lanen)
    structure = {r.name: r for r in centrum.programme.structure}
    assert "Hoofdlaan" in structure and structure["Hoofdlaan"].advice  # replanting advice shown
    assert "Nobellaan" not in structure  # it lies in Oost
    herplant = {m.where: m.amount for m in centrum.programme.measures if m.kind == "herplant"}
    assert herplant["Hoofdlaan"] == next(r.missing for r in centrum.lanen if r.name == "Hoofdlaan")
    assert any(m.kind == "controle" for m in centrum.programme.measures)
    # 3-30-300 without files: the demo's houses, parks and buurt polygons, Centrum's buurten only
    buurten = {b.buurt for b in centrum.extras.buurten_3_30_300}
    assert {"Veemarkt", "Binnenstad", "Rode Heuvel", "Asserbos"} <= buurten
    assert "Lariksbos" not in buurten
    layers = {layer for layer, _rings in centrum.map.base}
    assert layers == {"groen", "water", "wegen", "gebouwen"}  # the Vaart runs through Binnenstad


def test_centrum_pdf_reads_like_a_plan(centrum, tmp_path):
    out = tmp_path / "centrum.pdf"
    pages = write_bomenplan(centrum, out)
    text = "\n".join(re.sub(r"\\([()\\])", r"\1", m)
                     for m in re.findall(r"\(((?:\\.|[^\\)])*)\) Tj", pdf_text(out)))
    assert pages >= 10
    assert "Inhoudsopgave" in text and "1. Inleiding" in text
    assert "Groenvisie Assen 2040" in text and "3.6" in text and "4.1" in text
    assert "Hoofdbomenstructuur" in text and "Uitvoeringsprogramma en maatregelen" in text
    assert "Indicatief" in text
    assert "geen lanen vastgelegd" not in text and "geef panden en groen op" not in text
    assert "ondergrond: kaart van het register" in text
    missing = next(r.missing for r in centrum.lanen if r.name == "Hoofdlaan")
    assert f"Herplantadvies Hoofdlaan ({missing} bomen)" in text and "statigheid:" in text
