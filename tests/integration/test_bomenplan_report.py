"""The Bomenplan PDF of a small fixed register: figures worked out by hand, every section present,
golden text, deterministic bytes, and no personal data of complainants anywhere."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from shapely.geometry import Point, box

from bomenplan.domain.complaints import Channel, Complainant, Complaint, ComplaintCategory
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.tree import Tree
from bomenplan.domain.values import Beleidsstatus, TreeStatus
from bomenplan.reports.bomenplan_report import write_bomenplan
from bomenplan.services import complaints, register
from bomenplan.services.bomenplan_report import Scope, assemble
from tests.pdf_text import pdf_text

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

GOLDEN = Path(__file__).parent.parent / "golden" / "bomenplan_centrum.txt"
ON = date(2026, 11, 30)
PERSON = Complainant(None, "Jantine Veldkamp-Oosting", "Kloosterstraat 17", "9401 KD", "Assen",
                     "0592-366123", "j.veldkamp@example.nl")
SECTIONS = ("Inleiding", "Samenvatting", "Kaart van het gebied", "Soortenmix en diversiteit (10-20-30)",
            "Leeftijd en grootte", "Lanen: kwaliteit, gaten en herplant", "Hoofdbomenstructuur",
            "Meldingen (zonder persoonsgegevens)", "Indicatieve boomwaarde per wijk", "Sortimentsmatrix",
            "Standplaatsen en groeiruimte", "Bomenbank", "3-30-300", "Uitvoeringsprogramma en maatregelen")


def _tree(i: int, species: str, wijk: str = "Centrum", **more) -> Tree:
    return Tree(id=None, boomnummer=f"C{i:02d}", site_id=None, position=Point(233000.0 + 9 * i, 557000.0),
                species_name=species, straat="Brink", wijk=wijk, buurt="Binnenstad", **more)


@pytest.fixture
def small_register(uow_factory):
    """Centrum: 5 Quercus robur (1950, one monumental), 3 Tilia (2000), 2 Acer (year unknown), all
    40 cm; one stump; Noord: one Fagus. One complaint in Centrum with a complainant."""
    trees = [_tree(i, "Quercus robur", plantjaar=1950, stamdiameter_cm=40,
                   beleidsstatus=Beleidsstatus.MONUMENTAAL if i == 0 else Beleidsstatus.GEEN)
             for i in range(5)]
    trees += [_tree(5 + i, "Tilia x europaea", plantjaar=2000, stamdiameter_cm=40) for i in range(3)]
    trees += [_tree(8 + i, "Acer platanoides", stamdiameter_cm=40) for i in range(2)]
    trees += [_tree(10, "Quercus robur", status=TreeStatus.STOBBE),
              _tree(11, "Fagus sylvatica", wijk="Noord", plantjaar=1900, stamdiameter_cm=80)]
    added = [register.add_tree(uow_factory(), t) for t in trees]
    complaints.register_complaint(uow_factory(), Complaint(
        None, date(2026, 4, 2), Channel.TELEFOON, (ComplaintCategory.DOOD_HOUT,), "dode tak boven pad",
        (added[0].id,)), None, PERSON)
    return uow_factory


def _strings(pdf: bytes) -> list[str]:
    """The text shown on the pages, one string per drawing operation, in page order."""
    found = re.finditer(r"\(((?:\\.|[^\\)])*)\) Tj", pdf_text(pdf))
    return [re.sub(r"\\([()\\])", r"\1", m.group(1)) for m in found]


def _write(uow_factory, scope: Scope, tmp_path: Path) -> bytes:
    out = tmp_path / "bomenplan.pdf"
    write_bomenplan(assemble(uow_factory, scope, ON), out)
    return out.read_bytes()


def test_figures_of_the_wijk_are_worked_out_from_the_register(small_register):
    data = assemble(small_register, Scope("wijk", "Centrum"), ON)
    assert (data.n_trees, data.n_living, data.n_species, data.n_monumental) == (11, 10, 3, 1)
    assert data.top_species == [("Quercus robur", 5), ("Tilia x europaea", 3), ("Acer platanoides", 2)]
    # ages on 30-11-2026: oaks 76 → "60-79", limes 26 → "20-39"; the maples' year is unknown
    assert dict(data.age_counts)["60-79"] == 5 and dict(data.age_counts)["20-39"] == 3
    assert data.n_unknown_age == 2
    assert data.complaints == [("open", 1)]
    (centrum,) = data.values
    # 10 × π·40²/4 = 12 566,37 cm²; × 1,50 × 0,8 × 0,8 × 0,8 = € 9 650,97
    assert centrum.wijk == "Centrum" and centrum.n_measured == 10
    assert float(centrum.value_eur) == pytest.approx(9650.97, abs=0.01)
    oak = data.diversity.largest("species")
    assert (oak.taxon, oak.percent, oak.exceeded) == ("Quercus robur", 50.0, True)


def test_unknown_wijk_is_a_clear_dutch_error(small_register):
    with pytest.raises(ValidationError, match="geen bomen met wijk 'Zuid'"):
        assemble(small_register, Scope("wijk", "Zuid"), ON)


def test_pdf_has_every_section_matches_golden_text_and_is_deterministic(small_register, tmp_path):
    pdf = _write(small_register, Scope("wijk", "Centrum"), tmp_path)
    text = "\n".join(_strings(pdf))
    for number, section in enumerate(SECTIONS, start=1):
        assert f"{number}. {section}" in text
    assert "9.651" in text and "Quercus robur (50,0 %)" in text
    assert "Noord" not in text  # the other wijk's tree stays out
    if not GOLDEN.exists():  # first run writes it; review it by hand before committing
        GOLDEN.write_text(text + "\n", encoding="latin-1")
    assert text + "\n" == GOLDEN.read_text(encoding="latin-1")
    assert _write(small_register, Scope("wijk", "Centrum"), tmp_path) == pdf


@pytest.mark.parametrize("scope", [Scope("wijk", "Centrum"), Scope("laan", "Brink"), Scope("alles")])
def test_no_personal_data_in_any_report(small_register, tmp_path, scope):
    text = pdf_text(_write(small_register, scope, tmp_path))
    for personal in ("Veldkamp", "Jantine", "Kloosterstraat", "9401 KD", "366123", "example.nl",
                     "dode tak boven pad"):
        assert personal not in text


def test_3_30_300_cli_and_report_section_on_hand_built_footprints(small_register, db_path, tmp_path):
    from bomenplan.cli.main import run_cli
    from bomenplan.services.demo_buildings import write_polygons
    from bomenplan.services.monitor_3_30_300 import read_polygons, run_monitor

    # one house 5 m north of the row: trees C00-C03 within 15 m (11,2 / 5,1 / 5 / 8,6 m), C04 16 m
    write_polygons(tmp_path / "bag.gpkg", np.array([box(233010, 557005, 233020, 557013)]), "panden")
    # a 6 000 m² park 187 m north of it
    write_polygons(tmp_path / "groen.gpkg", np.array([box(233000, 557200, 233100, 557260)]), "groen")
    out = tmp_path / "per-buurt.csv"
    assert run_cli(["3-30-300", "--db", str(db_path), "--buildings", str(tmp_path / "bag.gpkg"),
                    "--green", str(tmp_path / "groen.gpkg"), "--out", str(out)]) == 0
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    # buurt outline = the 99 m row + 25 m ≈ 99 × 50 + π·25² = 6 913 m² (6 901 for the 32-gon ends);
    # 11 living crowns of 6 m (hoogteklasse unknown) on whole metres: each covers the centres of 32
    # 1 m cells (rows of 6, 6, 4 per half) → 352 m² = 5,1 %: fails 30, so nobody meets all three
    assert row["buurt"] == "Binnenstad" and row["woningen"] == "1"
    assert (row["pct_3_bomen"], row["pct_groen_300m"], row["pct_alle_drie"]) == ("100.0", "100.0", "0.0")
    assert float(row["oppervlak_ha"]) == pytest.approx(0.69, abs=0.01)
    assert float(row["pct_kroonbedekking"]) == pytest.approx(5.1, abs=0.05)
    with small_register() as uow:
        cols = uow.trees.columns()
    monitor = run_monitor(cols, read_polygons(tmp_path / "bag.gpkg")[0], read_polygons(tmp_path / "groen.gpkg")[0])
    pdf = tmp_path / "b.pdf"
    write_bomenplan(assemble(small_register, Scope("wijk", "Centrum"), ON, monitor=monitor), pdf)
    text = "\n".join(_strings(pdf.read_bytes()))
    assert "Binnenstad\n1\n100 %\n5 %\n100 %\n0 %" in text


def test_report_cli_writes_the_pdf_and_names_an_unknown_wijk(small_register, db_path, tmp_path, capsys):
    from bomenplan.cli.main import run_cli

    out = tmp_path / "plan.pdf"
    assert run_cli(["report", "--db", str(db_path), "--laan", "Brink", "--out", str(out),
                    "--datum", "2026-11-30"]) == 0
    assert "Bomenplan laan Brink: 12 bomen" in capsys.readouterr().out
    assert "Samenvatting" in pdf_text(out)
    assert run_cli(["report", "--db", str(db_path), "--wijk", "Zuid", "--out", str(out)]) == 1
    assert "geen bomen met wijk 'Zuid'" in capsys.readouterr().err


def test_without_files_the_report_uses_the_stored_base_map_for_3_30_300(small_register, tmp_path):
    from bomenplan.domain.base_map import GEBOUWEN, GROEN, WEGEN, BaseMapFeature

    assert assemble(small_register, Scope("wijk", "Centrum"), ON).extras.buurten_3_30_300 is None
    # the same house and park as the CLI test above, now stored as the register's base map
    with small_register() as uow:
        uow.base_map.replace([BaseMapFeature(GEBOUWEN, "", "bouwblok", box(233010, 557005, 233020, 557013)),
                              BaseMapFeature(GROEN, "park", "park", box(233000, 557200, 233100, 557260)),
                              BaseMapFeature(WEGEN, "Brink", "straat", box(232900, 556990, 233200, 556995))])
        uow.commit()
    data = assemble(small_register, Scope("wijk", "Centrum"), ON)
    (buurt,) = data.extras.buurten_3_30_300
    assert (buurt.buurt, buurt.dwellings, buurt.with_3_trees, buurt.near_green, buurt.all_three) == \
        ("Binnenstad", 1, 1, 1, 0)
    assert "ondergrond" in data.extras.notes_3_30_300[0]
    # the map: trees span x 233000-233099, y 557000 (+ 30 m margin); the park lies north of it
    assert [layer for layer, _rings in data.map.base] == ["wegen", "gebouwen"]
    pdf = tmp_path / "b.pdf"
    write_bomenplan(data, pdf)
    assert "Binnenstad\n1\n100 %\n5 %\n100 %\n0 %" in "\n".join(_strings(pdf.read_bytes()))
