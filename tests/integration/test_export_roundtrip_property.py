"""Export → import is lossless for every exported column (issue 15 §6), property-based: random
registers (every code value, awkward texts with quotes, delimiters and formula starts, numbers
with many decimals, empty values) go out as CSV, CSV for Excel, GeoPackage and GeoJSON and come
back field by field equal. Exact, except GeoJSON positions: WGS84 with 8 decimals (≈1 mm) and
back to RD New, compared within 1 cm."""

from __future__ import annotations

import math
import shutil

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bomenplan.domain.values import (
    Beheertype,
    Beleidsstatus,
    Boomgroep,
    Boomveiligheidsklasse,
    Hoogteklasse,
    Omgevingsrisicoklasse,
    TreeStatus,
)
from bomenplan.persistence.database import open_database
from bomenplan.persistence.exchange_repository import EXPORT_COLUMNS
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services.exporting import export_trees
from bomenplan.services.import_batch import BATCH_NUMBER_FIELDS, BATCH_TEXT_FIELDS, ImportBatch
from bomenplan.services.importing import guess_mapping, import_trees, read_source

FORMATS = [("uit.csv", False, 0.0), ("uit_excel.csv", True, 0.0), ("uit.gpkg", False, 0.0),
           ("uit.geojson", False, 0.01)]
SPECIES = ["Tilia cordata 'Greenspire'", "Quercus robur", "Platanus × hispanica", "Acer campestre"]
# Texts as the register holds them: trimmed (the import trims, as every entry form does).
free_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=25).map(
    str.strip) | st.sampled_from(["=SOM(A1)", "+31 6", "-", "@home", "'t Veld", "a;b", "a,b",
                                  "\"quoted\"", "Kerkstraat 1", "ë", ""])
ROW = st.fixed_dictionaries({
    "boomnummer": st.text("ABC0123456789-_/", min_size=1, max_size=12),
    "species_name": st.sampled_from(SPECIES),
    "hoogteklasse": st.sampled_from(list(Hoogteklasse)),
    "boomveiligheidsklasse": st.sampled_from(list(Boomveiligheidsklasse)),
    "beheertype": st.sampled_from(list(Beheertype)),
    "status": st.sampled_from(list(TreeStatus)),
    "beleidsstatus": st.sampled_from(list(Beleidsstatus)),
    "boomgroep": st.sampled_from(list(Boomgroep)),
    "omgevingsrisicoklasse": st.sampled_from(list(Omgevingsrisicoklasse)),
    **{f: free_text for f in ("eigenaar", "beheerder", "straat", "wijk", "buurt", "opmerkingen")},
    "plantjaar": st.none() | st.integers(1700, 2026),
    "stamdiameter_cm": st.none() | st.floats(0.1, 400),
    "kroondiameter_m": st.none() | st.floats(0.1, 40),
    "nvtb_waarde_cent": st.none() | st.integers(0, 10**9),
    "x": st.floats(226000, 240000),
    "y": st.floats(550000, 562000),
})
LIMITS = {"eigenaar": 120, "beheerder": 120, "straat": 200, "wijk": 100, "buurt": 100}


@pytest.fixture(scope="module")
def empty_register(tmp_path_factory):
    path = tmp_path_factory.mktemp("leeg") / "leeg.sqlite"
    engine, _ = open_database(path)
    engine.dispose()
    return path


def _register(template, path):
    shutil.copy(template, path)
    engine, sessions = open_database(path)
    return engine, lambda: SqlUnitOfWork(sessions)


def _batch(rows) -> ImportBatch:
    text = {f: [str(r.get(f, "")) for r in rows] for f in BATCH_TEXT_FIELDS}
    for f, limit in LIMITS.items():
        text[f] = [v[:limit] for v in text[f]]
    numbers = {f: [r.get(f) for r in rows] for f in BATCH_NUMBER_FIELDS}
    numbers["nvtb_waarde_cent"] = [r["nvtb_waarde_cent"] for r in rows]
    return ImportBatch(x=np.array([r["x"] for r in rows]), y=np.array([r["y"] for r in rows]),
                       text=text, numbers=numbers)


def _exported(factory):
    with factory() as uow:
        return uow.exchange.export_rows()


@settings(max_examples=12, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(ROW, min_size=1, max_size=12, unique_by=lambda r: r["boomnummer"]))
def test_every_exported_field_survives_the_round_trip(empty_register, tmp_path, rows):
    engine, original = _register(empty_register, tmp_path / "bron.sqlite")
    with original() as uow:
        uow.trees.bulk_insert(_batch(rows))
        uow.commit()
    columns, before = _exported(original)
    try:
        for name, excel, position_tolerance in FORMATS:
            out = tmp_path / name
            assert export_trees(original(), out, excel=excel) == len(rows)
            copy_engine, copy = _register(empty_register, tmp_path / f"terug-{name}.sqlite")
            source = read_source(out)
            mapping = guess_mapping(source)
            assert {c for c in columns if c not in ("x", "y")} <= {
                k for k, v in mapping.fields.items() if v}, name  # every column maps back
            report = import_trees(copy(), source, mapping)
            assert report.rejections == [], (name, report.rejections[:3])
            _, after = _exported(copy)
            copy_engine.dispose()
            for a, b in zip(before, after, strict=True):
                for column, va, vb in zip(columns, a, b, strict=True):
                    if column in ("x", "y") and position_tolerance:
                        assert math.isclose(va, vb, abs_tol=position_tolerance), (name, column)
                    else:
                        assert va == vb, (name, column, va, vb)
            (tmp_path / f"terug-{name}.sqlite").unlink()
    finally:
        engine.dispose()
    assert set(columns) == set(EXPORT_COLUMNS)
