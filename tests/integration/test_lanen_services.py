"""Lanen services, repositories, migration, exports and CLI on a real SQLite file."""

import csv

import pyogrio
import pytest
from laan_generator import LaanSpec, generate, store
from shapely.geometry import LineString

from bomenplan.cli.main import run_cli
from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.laan import Herplantstrategie, LaanStatus, LaanType
from bomenplan.domain.sortiment import Kroonruimte, Profiel
from bomenplan.services import lanen as svc
from bomenplan.services.lanen_export import export_gaps, export_report
from bomenplan.services.sortiment_data import current_matrix, default_matrix, save_matrix

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

SPECS = [LaanSpec(n=30, missing=(5, 6), stumps=(12,), straat="Hoofdlaan", two_sided=True),
         LaanSpec(n=20, straat="Kerkstraat", origin=(231000.0, 555000.0), species="Acer campestre")]


@pytest.fixture
def filled(uow_factory):
    store(uow_factory, generate(SPECS, park_trees=200, seed=21))
    return uow_factory


def test_detect_store_accept_and_redetect_keeps_decisions(filled):
    stored = svc.detect_and_store(filled())
    assert sorted(laan.name for laan in stored) == ["Hoofdlaan", "Kerkstraat"]
    assert all(laan.status == LaanStatus.VOORSTEL for laan in stored)
    hoofdlaan = next(laan for laan in stored if laan.name == "Hoofdlaan")
    assert len(hoofdlaan.rows) == 2
    svc.set_status(filled(), hoofdlaan.id, LaanStatus.GEACCEPTEERD, user="planner")
    again = svc.detect_and_store(filled())
    assert [laan.name for laan in again] == ["Kerkstraat"]  # the accepted Hoofdlaan is not proposed twice
    all_lanen = svc.list_lanen(filled())
    assert sorted((laan.name, laan.status) for laan in all_lanen) == [
        ("Hoofdlaan", LaanStatus.GEACCEPTEERD), ("Kerkstraat", LaanStatus.VOORSTEL)]
    changes, _choices = svc.laan_history(filled(), hoofdlaan.id)
    assert [(c.field, c.new, c.user) for c in changes] == [("status", "geaccepteerd", "planner")]


def test_edit_laan_logs_fields_and_checks_version(filled):
    laan = svc.detect_and_store(filled(), accept=True)[0]
    (x0, y0), (x1, y1) = laan.rows[0].coords[0], laan.rows[0].coords[-1]
    edited = laan.with_changes(laan_type=LaanType.HOOFDBOMENSTRUCTUUR, hoofdbomenstructuur=True,
                               rows=(LineString([(x0, y0), (x1, y1)]),) + laan.rows[1:])
    stored = svc.edit_laan(filled(), edited, user="p")
    assert stored.version == laan.version + 1 and stored.hoofdbomenstructuur
    fields = {c.field for c in svc.laan_history(filled(), laan.id)[0]}
    assert fields == {"laan_type", "hoofdbomenstructuur", "rijen"}
    with pytest.raises(ConcurrentEditError):
        svc.edit_laan(filled(), edited.with_changes(name="oud"))


def test_analysis_finds_gaps_with_causes(filled):
    svc.detect_and_store(filled(), accept=True)
    report = svc.analyse(filled())
    by_name = {laan.name: q for laan, q in zip(report.lanen, report.analysis.quality, strict=True)}
    assert by_name["Hoofdlaan"].missing == 3 and by_name["Kerkstraat"].missing == 0
    causes = sorted(g.cause_text for g in report.analysis.gaps)
    assert causes == ["ontbreekt", "stobbe"]


def test_replanting_options_and_choice_in_history(filled):
    laan = next(la for la in svc.detect_and_store(filled(), accept=True) if la.name == "Hoofdlaan")
    options = svc.replanting_for_laan(filled(), laan.id, Profiel(kroonruimte=Kroonruimte.BREED))
    strategies = {o.strategy for o in options}
    assert strategies == {Herplantstrategie.ZELFDE_SOORT, Herplantstrategie.UNIFORM,
                          Herplantstrategie.GEMENGD}
    assert options == sorted(options, key=lambda o: -o.score)
    assert all(o.reason("bodemvolume").verdict == "onbekend" for o in options)
    per_gap = svc.replanting_for_laan(filled(), laan.id, gap_index=0)
    assert per_gap[0].reason("plantmaat") is not None
    choice = svc.record_choice(filled(), laan.id, options[0], "robuuster gemengd", user="planner")
    changes, choices = svc.laan_history(filled(), laan.id)
    assert [c.id for c in choices] == [choice.id]
    assert changes[0].field == "herplantkeuze" and changes[0].reason == "robuuster gemengd"
    svc.retract_choice(filled(), choice)
    changes, choices = svc.laan_history(filled(), laan.id)
    assert choices == [] and changes[0].new == "ingetrokken"


def test_sortiment_versions_are_stored(uow_factory):
    with uow_factory() as uow:
        assert current_matrix(uow).version == default_matrix().version
    changed = default_matrix()
    save_matrix(uow_factory(), type(changed)(version="assen-2027", rules=changed.rules[:3]))
    with uow_factory() as uow:
        matrix = current_matrix(uow)
    assert matrix.version == "assen-2027" and len(matrix.rules) == 3


def test_exports_and_cli(filled, tmp_path, db_path, capsys):
    assert run_cli(["lanen", "detect", "--db", str(db_path), "--accept"]) == 0
    assert "2 lanen geaccepteerd" in capsys.readouterr().out
    gaps_csv, gaps_gpkg, report_csv = tmp_path / "gaten.csv", tmp_path / "gaten.gpkg", tmp_path / "lanen.csv"
    assert run_cli(["lanen", "gaps", "--db", str(db_path), "--out", str(gaps_csv)]) == 0
    assert run_cli(["lanen", "gaps", "--db", str(db_path), "--out", str(gaps_gpkg)]) == 0
    assert run_cli(["lanen", "report", "--db", str(db_path), "--out", str(report_csv)]) == 0
    rows = list(csv.DictReader(gaps_csv.open()))
    assert sorted(int(r["ontbrekende_bomen"]) for r in rows) == [1, 2]
    assert all(r["laan"] == "Hoofdlaan" for r in rows)
    info = pyogrio.read_info(gaps_gpkg, layer="gaten")
    assert info["features"] == 2 and "EPSG:28992" in info["crs"]
    _meta, table = pyogrio.read_arrow(gaps_gpkg, layer="gaten")
    assert sorted(table["ontbrekende_bomen"].to_pylist()) == [1, 2]
    report = list(csv.DictReader(report_csv.open()))
    assert [r["laan"] for r in report] == ["Hoofdlaan", "Kerkstraat"]  # worst first
    assert run_cli(["lanen", "gaps", "--db", str(db_path), "--out", str(tmp_path / "x.txt")]) == 1


def test_export_rejects_unknown_suffix(filled, tmp_path):
    report = svc.analyse(filled())
    with pytest.raises(ValueError, match="onbekend exportformaat"):
        export_gaps(report, tmp_path / "gaten.shp")
    with pytest.raises(ValueError, match=".csv"):
        export_report(report, tmp_path / "lanen.xlsx")


def test_cli_sortiment_export_and_new_version(uow_factory, db_path, tmp_path, capsys):
    out = tmp_path / "matrix.csv"
    assert run_cli(["lanen", "sortiment", "--db", str(db_path), "--export", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("laan_type,kroonruimte")
    changed = tmp_path / "assen.csv"
    changed.write_text(text.replace("Tilia × europaea|Quercus robur", "Quercus robur|Tilia × europaea"),
                       encoding="utf-8")
    assert run_cli(["lanen", "sortiment", "--db", str(db_path), "--import", str(changed),
                    "--versie", "assen-2027"]) == 0
    with uow_factory() as uow:
        assert current_matrix(uow).version == "assen-2027"
    bad = tmp_path / "fout.csv"
    bad.write_text(text.replace(",2|3,", ",2|9,", 1), encoding="utf-8")
    assert run_cli(["lanen", "sortiment", "--db", str(db_path), "--import", str(bad),
                    "--versie", "fout"]) == 1
    assert "fout.csv regel 2" in capsys.readouterr().err
