"""The shipped catalogue + synonyms against the real Assen species mix (skips without data)."""

import csv
from collections import Counter
from dataclasses import replace

from helpers import shared_file

from bomenplan.services.species_csv import load_resource_catalogue
from bomenplan.services.species_register import CatalogueLookup

NOT_SPECIES = {"", "Niet opgenomen", "Weet wel, zie opm.", "Weet niet", "Prunus subspecies"}


def test_catalogue_matches_nearly_all_named_assen_trees():
    path = shared_file("assen-47k-nocoords", "Assen.tidy.csv")
    with path.open(encoding="utf-8", errors="replace") as f:
        counts = Counter(r["species"] for r in csv.DictReader(f))
    entries = [replace(e, species=replace(e.species, id=i + 1))
               for i, e in enumerate(load_resource_catalogue())]
    found = CatalogueLookup(entries, {})
    named = {n: c for n, c in counts.items() if n not in NOT_SPECIES}
    matched = sum(c for n, c in named.items() if found.match(n) is not None)
    assert matched / sum(named.values()) > 0.98
    assert found.match("Tilia vulg. 'pallida'").species.full_name == "Tilia × europaea 'Pallida'"
    assert found.match("Quercus robur").species.full_name == "Quercus robur"
