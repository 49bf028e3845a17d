"""Indicative tree value per wijk with the open VVOG formula (DOMAIN.md §2, vvog.info), using the
factors of the bomenbank fund (domain/fund_ledger.py). Indicative only: the NVTB Rekenmodel
Boomwaarde is licensed; where a tree has an appraised NVTB value (tree.nvtb_waarde_eur) that value
wins over the VVOG estimate for that tree (DOMAIN.md §2)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from bomenplan.domain.fund_ledger import CENT, VvogFactors
from bomenplan.domain.register_columns import RegisterColumns

# Unit price per cm² of stem is the municipality's to set (CLI --eenheidsprijs); this is a demo value.
DEFAULT_VVOG = VvogFactors(Decimal("1.50"), location=Decimal("0.8"), condition=Decimal("0.8"),
                           planting_form=Decimal("0.8"))


@dataclass(frozen=True)
class WijkValue:
    wijk: str
    n_trees: int
    n_measured: int  # trees with a stem diameter, the only ones valued
    stem_area_cm2: float  # of the trees valued by VVOG (those without an NVTB value)
    value_eur: Decimal
    n_nvtb: int = 0  # trees valued by their appraised NVTB value instead of VVOG


def factor_product(f: VvogFactors) -> Decimal:
    return f.unit_price_per_cm2 * f.species * f.location * f.condition * f.planting_form * f.surplus


def value_per_wijk(living: RegisterColumns, factors: VvogFactors = DEFAULT_VVOG,
                   nvtb_cents: dict[int, int] | None = None) -> list[WijkValue]:
    """Per wijk (sorted by name; "" → "onbekend") the value of its living trees: a tree's NVTB value
    (`nvtb_cents`: tree id → euro cents) where appraised, else VVOG. The stem area is π·d²/4
    (= omtrek²/4π as in fund_ledger.stem_area_cm2) from the register's stamdiameter."""
    nvtb_cents = nvtb_cents or {}
    cents = np.array([nvtb_cents.get(int(i), -1) for i in living.id], dtype="i8")
    has_nvtb = cents >= 0
    d = living.stamdiameter_cm.astype("f8")
    measured = np.isfinite(d) & (d > 0)
    area = np.where(measured & ~has_nvtb, math.pi * np.nan_to_num(d) ** 2 / 4.0, 0.0)
    wijken = np.array([str(w) or "onbekend" for w in living.wijk], dtype=object)
    names, inverse = np.unique(wijken, return_inverse=True) if len(wijken) else (np.array([]), np.array([]))
    n = len(names)
    per_area = np.bincount(inverse, weights=area, minlength=n) if n else []
    per_n = np.bincount(inverse, minlength=n) if n else []
    per_measured = np.bincount(inverse, weights=measured | has_nvtb, minlength=n) if n else []
    per_nvtb = np.bincount(inverse, weights=has_nvtb, minlength=n) if n else []
    nvtb_sum = [0] * n
    for i in np.flatnonzero(has_nvtb):
        nvtb_sum[inverse[i]] += int(cents[i])
    product = factor_product(factors)
    return [WijkValue(str(name), int(per_n[i]), int(per_measured[i]), float(per_area[i]),
                      (Decimal(repr(round(float(per_area[i]), 2))) * product).quantize(CENT, ROUND_HALF_UP)
                      + Decimal(nvtb_sum[i]) / 100, int(per_nvtb[i]))
            for i, name in enumerate(names)]
