"""The report's standplaats and bomenbank sections on the demo municipality: soil-volume shortage
per straat and the best bomenbank proposals per laan appear as rows, and follow the registers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from bomenplan.reports.bomenplan_report import write_bomenplan
from bomenplan.services import lanen as lanen_service
from bomenplan.services import standplaats as standplaats_service
from bomenplan.services.bomenplan_report import Scope, assemble
from bomenplan.services.demo import create_demo
from tests.pdf_text import pdf_text

ON = date(2026, 11, 30)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork
    from bomenplan.services.species_catalogue import ensure_catalogue

    engine, sessions = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    ensure_catalogue(factory())  # the shipped species catalogue, with the soil-volume norms
    create_demo(factory, today=ON)
    lanen_service.detect_and_store(factory())
    yield factory
    engine.dispose()


def _strings(path) -> list[str]:
    return [re.sub(r"\\([()\\])", r"\1", m) for m in re.findall(r"\(((?:\\.|[^\\)])*)\) Tj", pdf_text(path))]


def test_shortage_rows_per_straat_follow_the_standplaats_records(demo, tmp_path):
    from bomenplan.services.soil_summary import soil_report

    data = assemble(demo, Scope("wijk", "Centrum"), ON)
    rows = data.extras.soil_per_straat
    assert rows and all(r.n_short > 0 and r.shortage_m3 > 0 for r in rows)
    assert [r.shortage_m3 for r in rows] == sorted((r.shortage_m3 for r in rows), reverse=True)
    # give one short tree of the first straat exactly the volume it lacks: that straat's shortage
    # drops by that tree's shortage and it has one short tree fewer
    first = rows[0]
    soil = soil_report(demo()).columns
    mine = np.flatnonzero((soil["straat"] == first.key) & (soil["wijk"] == "Centrum")
                          & (np.nan_to_num(soil["shortage_m3"]) > 0))
    k = int(mine[0])
    lacking = float(soil["shortage_m3"][k])
    record = standplaats_service.get_standplaats(demo(), int(soil["site_id"][k]))
    record = replace(record, bodemvolume_m3=float(soil["required_m3"][k]))
    standplaats_service.save_standplaats(demo(), record)
    after = {r.key: r for r in assemble(demo, Scope("wijk", "Centrum"), ON).extras.soil_per_straat}
    assert after[first.key].n_short == first.n_short - 1
    assert after[first.key].shortage_m3 == pytest.approx(first.shortage_m3 - lacking, abs=0.05)
    out = tmp_path / "c.pdf"
    write_bomenplan(data, out)
    text = _strings(out)
    i = next(k for k, t in enumerate(text) if t.startswith("tekort (m"))
    assert text[i + 1:i + 6] == [first.key, str(first.n_trees), str(first.n_known), str(first.n_short),
                                 f"{first.shortage_m3:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")]


def test_bomenbank_proposals_per_laan_appear_for_the_lanen_of_the_wijk(demo, tmp_path):
    data = assemble(demo, Scope("wijk", "Centrum"), ON)
    matches = data.extras.bank_matches
    assert matches
    with demo() as uow:
        bank = {b.code: b for b in uow.bank.list()}
    for row in matches:
        tree = bank[row.code]
        assert str(tree.status) == "beschikbaar" and tree.species_name == row.species_name
        assert 0 < row.score <= 1 and row.open_positions >= 1
    per_laan = {}
    for row in matches:
        per_laan.setdefault(row.laan, []).append(row.code)
    assert all(len(codes) == len(set(codes)) <= 3 for codes in per_laan.values())
    out = tmp_path / "c.pdf"
    write_bomenplan(data, out)
    text = _strings(out)
    i = text.index("score")
    first = matches[0]
    assert text[i + 1:i + 4] == [first.laan, str(first.open_positions), first.code]
    # the report of one laan shows the proposals for that laan only
    hoofdlaan = assemble(demo, Scope("laan", "Hoofdlaan"), ON).extras.bank_matches
    assert hoofdlaan and {r.laan for r in hoofdlaan} == {"Hoofdlaan"}
