"""Soil-volume shortages per tree, per street/laan and per wijk, from the standplaats records."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bomenplan.domain.soil_volume import (
    SOIL_M3_PER_CROWN_M2,
    ShortageSummary,
    SoilNormTable,
    summarize_shortages,
)


@dataclass(frozen=True)
class SoilReport:
    columns: dict[str, np.ndarray]  # SOIL_COLUMNS plus required_m3, shortage_m3 (NaN = unknown)
    per_wijk: list[ShortageSummary]
    per_straat: list[ShortageSummary]
    norms: SoilNormTable

    def shortages(self) -> np.ndarray:
        """Row indices of the trees that have a shortage, largest first."""
        short = np.flatnonzero(np.nan_to_num(self.columns["shortage_m3"]) > 0)
        return short[np.argsort(-self.columns["shortage_m3"][short], kind="stable")]


def required_volumes(cols: dict[str, np.ndarray], norms: SoilNormTable) -> np.ndarray:
    """0.75 m³ per m² of the species' final crown projection, or the user's norm (per species/klasse)."""
    crown = cols["final_crown_m"]
    required = SOIL_M3_PER_CROWN_M2 * np.pi * (crown / 2.0) ** 2
    if norms.required_m3:
        names, inverse = np.unique(cols["species_name"].astype(str), return_inverse=True)
        klassen = cols["grootteklasse"].astype(str)
        by_name = np.array([np.nan if (v := norms.lookup(n)) is None else v for n in names])[inverse]
        by_klasse = np.array([norms.required_m3.get(k, np.nan) for k in klassen], dtype=float)
        required = np.where(np.isfinite(by_name), by_name, np.where(np.isfinite(by_klasse), by_klasse, required))
    return required


def soil_report(uow) -> SoilReport:
    with uow:
        cols = uow.standplaatsen.soil_columns()
        norms = uow.soil_norms.current()
    cols["required_m3"] = required_volumes(cols, norms)
    known = np.isfinite(cols["available_m3"]) & np.isfinite(cols["required_m3"])
    cols["shortage_m3"] = np.where(known, np.clip(cols["required_m3"] - cols["available_m3"], 0.0, None), np.nan)
    return SoilReport(cols, summarize_shortages(cols["wijk"], cols["available_m3"], cols["required_m3"]),
                      summarize_shortages(cols["straat"], cols["available_m3"], cols["required_m3"]), norms)
