"""Indicative tree value per wijk with the open VVOG formula (DOMAIN.md §2, vvog.info), using the
factors of the bomenbank fund (domain/fund_ledger.py). Indicative only: the NVTB Rekenmodel
Boomwaarde is licensed, and the register holds no per-tree NVTB value yet."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from bomenplan.domain.fund_ledger import CENT, VvogFactors
from bomenplan.domain.register_columns import RegisterColumns

# Unit price per cm² of stem is the municipality's to set; this is the demo fund's value.
DEFAULT_VVOG = VvogFactors(Decimal("1.50"), location=Decimal("0.8"), condition=Decimal("0.8"),
                           planting_form=Decimal("0.8"))


@dataclass(frozen=True)
class WijkValue:
    wijk: str
    n_trees: int
    n_measured: int  # trees with a stem diameter, the only ones valued
    stem_area_cm2: float
    value_eur: Decimal


def factor_product(f: VvogFactors) -> Decimal:
    return f.unit_price_per_cm2 * f.species * f.location * f.condition * f.planting_form * f.surplus


def value_per_wijk(living: RegisterColumns, factors: VvogFactors = DEFAULT_VVOG) -> list[WijkValue]:
    """Per wijk (sorted by name; "" → "onbekend") the VVOG value of its living trees. The stem area
    is π·d²/4 (= omtrek²/4π as in fund_ledger.stem_area_cm2) from the register's stamdiameter."""
    d = living.stamdiameter_cm.astype("f8")
    measured = np.isfinite(d) & (d > 0)
    area = np.where(measured, math.pi * np.nan_to_num(d) ** 2 / 4.0, 0.0)
    wijken = np.array([str(w) or "onbekend" for w in living.wijk], dtype=object)
    names, inverse = np.unique(wijken, return_inverse=True) if len(wijken) else (np.array([]), np.array([]))
    per_area = np.bincount(inverse, weights=area, minlength=len(names)) if len(names) else []
    per_n = np.bincount(inverse, minlength=len(names)) if len(names) else []
    per_measured = np.bincount(inverse, weights=measured, minlength=len(names)) if len(names) else []
    product = factor_product(factors)
    return [WijkValue(str(name), int(per_n[i]), int(per_measured[i]), float(per_area[i]),
                      (Decimal(repr(round(float(per_area[i]), 2))) * product).quantize(CENT, ROUND_HALF_UP))
            for i, name in enumerate(names)]
