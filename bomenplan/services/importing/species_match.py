"""Match recorded species names (per distinct value) to the catalogue; count unmatched names."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from bomenplan.domain.species_names import NameResolver

# "Alnus glutinosa, Schwarz-Erle" / "Sophora japonica 'Regent' – Honingboom": keep the first part.
_NAME_SUFFIX = re.compile(r"\s*(,|\s[–—]\s).*$")


def clean_species_name(name: str) -> str:
    """Drop a trailing vernacular name; cultivar quotes `Dodoens` → 'Dodoens'."""
    return _NAME_SUFFIX.sub("", name).replace("`", "'").strip()


class SpeciesLookup:
    """Recorded name → catalogue species id: the user's confirmed name mappings first, then the
    NameResolver (exact / cultivar / Dutch name, synonyms, abbreviated epithets)."""

    def __init__(self, catalogue, synonyms: dict[str, str] | None = None,
                 mappings: dict[str, int] | None = None):
        self._resolver = NameResolver(catalogue, synonyms or {})
        self._mappings = mappings or {}

    def species_id(self, recorded: str, cleaned: str) -> int | None:
        for name in (recorded, cleaned):
            if name in self._mappings:
                return self._mappings[name]
        hit = self._resolver.resolve(cleaned)
        return hit.id if hit is not None else None


def _encode(arr: pa.Array) -> tuple[list[str], np.ndarray]:
    encoded = pc.dictionary_encode(arr)
    return encoded.dictionary.to_pylist(), encoded.indices.to_numpy(zero_copy_only=False)


def match_species(matcher: SpeciesLookup, names: pa.Array, dutch: pa.Array | None,
                  accepted: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[tuple[str, int]]]:
    """Returns cleaned names per row, species id per row (None = unmatched) and the unmatched
    names of accepted rows with their row counts, most frequent first."""
    uniques, idx = _encode(names)
    cleaned = np.empty(len(uniques), dtype=object)
    ids = np.empty(len(uniques), dtype=object)
    for i, raw in enumerate(uniques):
        cleaned[i] = clean_species_name(raw)
        ids[i] = matcher.species_id(raw, cleaned[i])
    row_names, row_ids = cleaned[idx], ids[idx]
    if dutch is not None:
        d_uniques, d_idx = _encode(dutch)
        d_ids = np.empty(len(d_uniques), dtype=object)
        for i, raw in enumerate(d_uniques):
            d_ids[i] = matcher.species_id(raw, clean_species_name(raw))
        missing = np.equal(row_ids, None)
        row_ids = np.where(missing, d_ids[d_idx], row_ids)
    unmatched_rows = accepted & np.equal(row_ids, None) & (row_names != "")
    counts = np.bincount(idx[unmatched_rows], minlength=len(uniques))
    totals: dict[str, int] = {}
    for i in np.flatnonzero(counts):
        totals[cleaned[i]] = totals.get(cleaned[i], 0) + int(counts[i])
    unmatched = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return row_names, row_ids, unmatched
