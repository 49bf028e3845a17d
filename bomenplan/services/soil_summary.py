"""Soil-volume shortages per tree (sites with a standplaats record), per straat and per wijk."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bomenplan.domain.soil_volume import ShortageSummary, SoilNormTable, required_by_register_name


@dataclass(frozen=True)
class SoilReport:
    columns: dict[str, np.ndarray]  # trees with a standplaats record: SOIL_COLUMNS plus required_m3,
    # shortage_m3 (NaN = unknown)
    per_wijk: list[ShortageSummary]
    per_straat: list[ShortageSummary]
    norms: SoilNormTable

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


def soil_report(uow) -> SoilReport:
    """Per tree (where a standplaats record exists), per straat and per wijk."""
    with uow:
        required, norms = _required(uow)
        cols = uow.standplaatsen.soil_columns()
        per = {k: [ShortageSummary(*row) for row in uow.standplaatsen.shortage_summary(k, required)]
               for k in ("wijk", "straat")}
    names, inverse = np.unique(cols["species_name"].astype(str), return_inverse=True)
    cols["required_m3"] = np.array([required.get(n, np.nan) for n in names], dtype=float)[inverse]
    known = np.isfinite(cols["available_m3"]) & np.isfinite(cols["required_m3"])
    cols["shortage_m3"] = np.where(known, np.clip(cols["required_m3"] - cols["available_m3"], 0.0, None), np.nan)
    return SoilReport(cols, per["wijk"], per["straat"], norms)
