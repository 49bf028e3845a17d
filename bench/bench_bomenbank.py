"""Benchmark of the bomenbank: match 10k open gap positions against 2k bank trees (target ≤ 1 s),
and the bank list / fund statement PDFs with 500 rows (target ≤ 1 s each).

Run: `python3 bench/bench_bomenbank.py`
"""

from __future__ import annotations

import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np

from bomenplan.domain.bank_matching import GapDemand, match_columns, match_gaps
from bomenplan.domain.bomenbank import BankTree
from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry

SPECIES = ("Fagus sylvatica", "Quercus robur", "Tilia × europaea", "Acer pseudoplatanus",
           "Platanus × hispanica", "Ulmus 'Columella'", "Quercus rubra", "Carpinus betulus")


def generated(n_gaps: int = 10_000, n_bank: int = 2_000, seed: int = 13):
    rng = np.random.default_rng(seed)
    demands = [GapDemand(laan_id=int(i // 20), laan_name=f"laan {i // 20}",
                         x=float(220000 + rng.uniform(0, 20000)), y=float(550000 + rng.uniform(0, 20000)),
                         species=(SPECIES[int(rng.integers(len(SPECIES)))],), mixed=bool(rng.random() < 0.3),
                         neighbour_stamomtrek_cm=float(rng.uniform(40, 300)),
                         soil_volume_m3=float(rng.uniform(5, 60)) if rng.random() < 0.3 else None)
               for i in range(n_gaps)]
    today = date(2026, 11, 15)
    bank = [BankTree(id=i, code=f"KW-{i:04d}", source="kwekerij",
                     species_name=SPECIES[int(rng.integers(len(SPECIES)))],
                     stamomtrek_cm=float(rng.uniform(20, 120)), x=float(215000 + rng.uniform(0, 30000)),
                     y=float(545000 + rng.uniform(0, 30000)),
                     available_from=today + timedelta(days=int(rng.integers(-200, 300))),
                     cost=Decimal(int(rng.integers(300, 5000))),
                     min_soil_volume_m3=float(rng.uniform(10, 40)) if rng.random() < 0.5 else None)
            for i in range(n_bank)]
    return demands, bank, today


def timed(label: str, fn, target: float) -> float:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    print(f"{label}: {took:.3f} s (doel ≤ {target} s) {'OK' if took <= target else 'TE TRAAG'}")
    return took


def main() -> None:
    demands, bank, today = generated()
    label = f"matchen {len(demands)} gatposities × {len(bank)} bankbomen"
    timed(label + " (kolommen)", lambda: match_columns(demands, bank, today), 1.0)
    timed(label + " (met redenen per voorstel)", lambda: match_gaps(demands, bank, today), 1.0)
    try:
        from bomenplan.reports.bomenbank_lists import write_bank_list, write_fund_statement
    except ImportError:
        return
    entries = [LedgerEntry(i, date(2026, 1, 1) + timedelta(days=i % 360),
                           EntryKind.BUDGET if i % 3 == 0 else EntryKind.AANKOOP, Decimal("123.45"),
                           f"boeking {i}") for i in range(500)]
    with tempfile.TemporaryDirectory() as tmp:
        timed("PDF bomenbank 500 rijen", lambda: write_bank_list(bank[:500], today, Path(tmp, "b.pdf")), 1.0)
        timed("PDF fondsoverzicht 500 rijen",
              lambda: write_fund_statement(entries, [], 2026, today, Path(tmp, "f.pdf")), 1.0)
        from bomenplan.domain.bank_plan import assign_greedy
        from bomenplan.reports.bomenbank_plan import write_plan

        lines = assign_greedy(match_columns(demands, bank, today), [f"wijk {i % 9}" for i in range(len(demands))])
        timed(f"PDF verplantplan {len(lines[:500])} rijen, 9 kaartjes",
              lambda: write_plan(lines[:500], today, Path(tmp, "p.pdf")), 1.0)


if __name__ == "__main__":
    main()
