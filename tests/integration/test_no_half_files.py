"""A crash while writing an export or a report leaves no half file: the earlier file stays as it
was and no temporary file is left behind (services/safe_files.py, issue 15 §6)."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.platypus import SimpleDocTemplate
from synthetic_register import fill_register

from bomenplan.reports.bomenbank_lists import write_bank_list, write_fund_statement
from bomenplan.services.exporting import export_trees

EARLIER = b"de vorige versie\n"


class DiskFull(OSError):
    pass


def _half_then_fail(target: str) -> None:
    with open(target, "wb") as f:
        f.write(b"%PDF-1.4 half")
    raise DiskFull(28, "No space left on device")


@pytest.fixture
def crashing_pdf(monkeypatch):
    monkeypatch.setattr(SimpleDocTemplate, "build",
                        lambda self, *a, **k: _half_then_fail(self.filename))


def _assert_untouched(path) -> None:
    assert path.read_bytes() == EARLIER
    assert [p.name for p in path.parent.iterdir()] == [path.name]


@pytest.mark.parametrize("write", [
    lambda out: write_bank_list([], date(2026, 11, 30), out),
    lambda out: write_fund_statement([], [], 2026, date(2026, 11, 30), out),
], ids=["bomenbank", "fonds"])
def test_pdf_writer_crash_keeps_the_earlier_file(crashing_pdf, tmp_path, write):
    out = tmp_path / "verslag.pdf"
    out.write_bytes(EARLIER)
    with pytest.raises(DiskFull):
        write(out)
    _assert_untouched(out)


@pytest.mark.parametrize("name", ["bomen.csv", "bomen.gpkg", "bomen.geojson"])
def test_export_crash_keeps_the_earlier_file(uow_factory, tmp_path, monkeypatch, name):
    fill_register(uow_factory, 50)
    folder = tmp_path / "uit"
    folder.mkdir()
    out = folder / name
    out.write_bytes(EARLIER)
    import pyogrio

    import bomenplan.services.exporting as exporting

    def half_arrow(_table, path, **_kw):
        _half_then_fail(str(path))

    monkeypatch.setattr(pyogrio, "write_arrow", half_arrow)
    monkeypatch.setattr(exporting.csv, "writer", lambda f, **kw: _HalfWriter(f))
    with pytest.raises(DiskFull):
        export_trees(uow_factory(), out)
    _assert_untouched(out)


class _HalfWriter:
    def __init__(self, handle):
        self.handle, self.rows = handle, 0

    def writerow(self, row) -> None:
        self.rows += 1
        if self.rows > 10:
            raise DiskFull(28, "No space left on device")
        self.handle.write(";".join(map(str, row)) + "\n")
