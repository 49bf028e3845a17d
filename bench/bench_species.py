"""Benchmark: catalogue search and score (target ≤ 50 ms), diversity 10-20-30 over 300k
generated trees per wijk / straat and what-if (target ≤ 1 s), eco columns per tree.

Species names are drawn from the Assen inventory mix when ../shared/data is present (names only),
else from the catalogue. Run: python bench/bench_species.py
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from bomenplan.domain.diversity import santamour
from bomenplan.domain.ecology import DEFAULT_WEIGHTS
from bomenplan.domain.register_columns import COLUMN_TYPES, RegisterColumns
from bomenplan.services.species_catalogue import SearchIndex
from bomenplan.services.species_csv import load_resource_catalogue
from bomenplan.services.species_register import (
    CatalogueLookup,
    diversity,
    eco_columns,
    taxon_columns,
    what_if,
)

N = 300_000
ASSEN = Path(__file__).resolve().parents[2] / "shared" / "data" / "assen-47k-nocoords" / "Assen.tidy.csv"


def best_of(fn, repeat=5):
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def name_mix(entries) -> tuple[list[str], np.ndarray]:
    if ASSEN.exists():
        with ASSEN.open(encoding="utf-8", errors="replace") as f:
            counts = Counter(r["species"] for r in csv.DictReader(f))
        names = list(counts)
        weights = np.array([counts[n] for n in names], dtype=float)
        print(f"species mix: Assen inventory, {len(names)} recorded names")
    else:
        names = [e.species.full_name for e in entries]
        weights = np.linspace(3, 0.1, len(names))
        print("species mix: catalogue names (shared data absent)")
    return names, weights / weights.sum()


def generated_register(entries, rng) -> RegisterColumns:
    names, p = name_mix(entries)
    pick = rng.choice(len(names), N, p=p)
    wijk = rng.integers(0, 12, N)
    straat = rng.integers(0, 3000, N)
    cols = {k: None for k in COLUMN_TYPES}
    cols.update(id=np.arange(1, N + 1), site_id=np.arange(1, N + 1), x=rng.uniform(0, 1e4, N),
                y=rng.uniform(0, 1e4, N), plantjaar=rng.integers(1900, 2025, N).astype("i4"),
                stamdiameter_cm=np.full(N, np.nan, "f4"))
    obj = {"species_name": np.array(names, dtype=object)[pick],
           "wijk": np.array([f"Wijk {i}" for i in range(12)], dtype=object)[wijk],
           "straat": np.array([f"Laan {i}" for i in range(3000)], dtype=object)[straat]}
    for k in COLUMN_TYPES:
        if cols[k] is None and k not in obj:
            obj[k] = np.full(N, "levend" if k == "status" else "", dtype=object)
    obj["genus"] = np.array([n.split(" ")[0] for n in obj["species_name"]], dtype=object)
    return RegisterColumns(**{k: (obj[k] if k in obj else cols[k]) for k in COLUMN_TYPES})


def main() -> None:
    entries = [replace(e, species=replace(e.species, id=i + 1))
               for i, e in enumerate(load_resource_catalogue())]
    print(f"catalogue: {len(entries)} taxa")
    index = SearchIndex.build(entries)
    t_build, _ = best_of(lambda: SearchIndex.build(entries))
    t_search, hits = best_of(lambda: index.search("linde"))
    t_search2, _ = best_of(lambda: index.search("q"))
    t_score, _ = best_of(lambda: [e.score(DEFAULT_WEIGHTS) for e in entries])
    one = next(e for e in entries if e.species.full_name == "Quercus robur")
    t_one, _ = best_of(lambda: one.score(DEFAULT_WEIGHTS), repeat=50)
    print(f"search index build: {t_build * 1e3:.2f} ms")
    print(f"search 'linde' ({len(hits)} hits): {t_search * 1e3:.3f} ms; search 'q': {t_search2 * 1e3:.3f} ms  (target ≤ 50 ms)")
    print(f"score one species: {t_one * 1e6:.1f} µs; score whole catalogue: {t_score * 1e3:.2f} ms  (target ≤ 50 ms)")

    rng = np.random.default_rng(7)
    columns = generated_register(entries, rng)
    found = CatalogueLookup(entries, {})
    print(f"register: {len(columns):,} generated trees, 12 wijken, 3000 straten")
    t_taxa, taxa = best_of(lambda: taxon_columns(columns, found), repeat=3)
    print(f"taxon columns (name → species/genus/family): {t_taxa:.3f} s")
    t_core, res = best_of(lambda: santamour(taxa, columns.wijk), repeat=3)
    print(f"santamour core per wijk ({len(res)} groups): {t_core:.3f} s")
    for by in (None, "wijk", "straat"):
        t, res = best_of(lambda by=by: diversity(columns, found, by), repeat=3)
        warn = sum(len(r.warnings) for r in res)
        print(f"diversity service by {by or 'hele bestand'}: {t:.3f} s, {len(res)} groups, {warn} warnings  (target ≤ 1 s)")
    sid = next(e.species.id for e in entries if e.species.full_name == "Ginkgo biloba")
    t_wi, wi = best_of(lambda: what_if(columns, found, "wijk", "Wijk 3", 500, sid), repeat=3)
    print(f"what-if plant 500 Ginkgo in Wijk 3: {t_wi:.3f} s (species share {wi.share_change('species')[1]:.2f} %)")
    t_eco, (score, _native) = best_of(lambda: eco_columns(columns, found), repeat=3)
    print(f"eco score + native status per tree: {t_eco:.3f} s ({np.count_nonzero(~np.isnan(score)):,} trees with a known species)")


if __name__ == "__main__":
    main()
