"""Soil-volume shortages per tree (sites with a standplaats record), per straat and per wijk."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.laan import LaanStatus
from bomenplan.domain.roles import Permission
from bomenplan.domain.soil_volume import (
    NORM_COLUMNS,
    ShortageSummary,
    SoilNormTable,
    parse_norm_rows,
    required_by_register_name,
    summarize_shortages,
)
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.csv_output import write_csv

LAAN_DISTANCE_M = 5.0


@dataclass(frozen=True)
class SoilReport:
    columns: dict[str, np.ndarray]  # trees with a standplaats record: SOIL_COLUMNS plus required_m3,
    # shortage_m3 (NaN = unknown)
    per_wijk: list[ShortageSummary]
    per_straat: list[ShortageSummary]
    norms: SoilNormTable
    per_laan: list[ShortageSummary] = ()  # trees with a record within LAAN_DISTANCE_M of a laan

    def shortages(self) -> np.ndarray:
        """Row indices of the trees that have a shortage, largest first."""
        short = np.flatnonzero(np.nan_to_num(self.columns["shortage_m3"]) > 0)
        return short[np.argsort(-self.columns["shortage_m3"][short], kind="stable")]


def _required(uow) -> tuple[dict[str, float], SoilNormTable]:
    norms = uow.soil_norms.current()
    return required_by_register_name(uow.standplaatsen.register_species(),
                                      uow.standplaatsen.species_for_soil(), norms), norms


def soil_summary(uow, key: str = "wijk") -> list[ShortageSummary]:
    """Shortage per wijk (or straat) over all living trees, in one pass (target ≤ 1 s at 300k)."""
    with uow:
        required, _norms = _required(uow)
        return [ShortageSummary(*row) for row in uow.standplaatsen.shortage_summary(key, required)]


def soil_columns(uow) -> dict[str, np.ndarray]:
    """Per tree with a standplaats record: its soil columns and required m³ (no summaries; the
    Bomenplan report needs only these for its own trees)."""
    with uow:
        required, _norms = _required(uow)
        cols = uow.standplaatsen.soil_columns()
    return _with_required(cols, required)


def _with_required(cols: dict[str, np.ndarray], required: dict[str, float]) -> dict[str, np.ndarray]:
    names, inverse = np.unique(cols["species_name"].astype(str), return_inverse=True)
    cols["required_m3"] = np.array([required.get(n, np.nan) for n in names], dtype=float)[inverse]
    return cols


def soil_report(uow) -> SoilReport:
    """Per tree (where a standplaats record exists), per straat and per wijk."""
    with uow:
        required, norms = _required(uow)
        cols = uow.standplaatsen.soil_columns()
        lanen = [laan for laan in uow.lanen.list() if laan.status != LaanStatus.AFGEWEZEN]
        per = {k: [ShortageSummary(*row) for row in uow.standplaatsen.shortage_summary(k, required)]
               for k in ("wijk", "straat")}
    cols = _with_required(cols, required)
    known = np.isfinite(cols["available_m3"]) & np.isfinite(cols["required_m3"])
    cols["shortage_m3"] = np.where(known, np.clip(cols["required_m3"] - cols["available_m3"], 0.0, None), np.nan)
    cols["laan"] = _laan_of(cols["x"], cols["y"], lanen)
    on_laan = cols["laan"] != ""
    per_laan = summarize_shortages(cols["laan"][on_laan], cols["available_m3"][on_laan], cols["required_m3"][on_laan])
    return SoilReport(cols, per["wijk"], per["straat"], norms, per_laan)


def _laan_of(x: np.ndarray, y: np.ndarray, lanen: list) -> np.ndarray:
    """Name of the nearest laan within LAAN_DISTANCE_M of each point ('' when none)."""
    out = np.full(len(x), "", dtype=object)
    if not lanen or not len(x):
        return out
    index = shapely.STRtree([laan.geometry for laan in lanen])
    (point_i, laan_i), dist = index.query_nearest(shapely.points(x, y), max_distance=LAAN_DISTANCE_M,
                                                  return_distance=True, all_matches=False)
    names = np.array([laan.name for laan in lanen], dtype=object)
    out[point_i] = names[laan_i]
    return out


def import_norms(uow, path: str | Path, name: str, source: str) -> SoilNormTable:
    """Replace the user's norm table by the CSV file (columns sleutel, nodig_m3)."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in NORM_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValidationError(missing[0], f"{path.name}: kolom ontbreekt (verwacht: {', '.join(NORM_COLUMNS)})")
        table = parse_norm_rows(list(reader), name or path.stem, source, path.name)
    with uow:
        authorize(uow, Permission.STANDPLAATS)
        uow.soil_norms.replace(table)
        log_change(uow, "bodemnormen", 0, "tabel", "", f"{table.name} ({path.name})")
        uow.commit()
    return table


def export_norms(uow, path: str | Path) -> int:
    with uow:
        table = uow.soil_norms.current()
    write_csv(path, NORM_COLUMNS, sorted(table.required_m3.items()))
    return len(table.required_m3)
