"""Species (soort) and matching of recorded names to the catalogue.

Names are matched on the scientific or Dutch name, with or without cultivar:
"Tilia × europaea 'Pallida'" matches the catalogue's cultivar if present, otherwise its species.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bomenplan.domain.values import Grootteklasse


@dataclass(frozen=True)
class Species:
    id: int | None
    scientific_name: str  # e.g. "Tilia × europaea"
    dutch_name: str = ""  # e.g. "Hollandse linde"
    cultivar: str = ""  # e.g. "Pallida" (without quotes)
    genus: str = ""
    family: str = ""
    grootteklasse: Grootteklasse = Grootteklasse.ONBEKEND
    version: int = 0

    @property
    def full_name(self) -> str:
        return f"{self.scientific_name} '{self.cultivar}'" if self.cultivar else self.scientific_name

    @property
    def species_key(self) -> str:
        return normalize_name(self.scientific_name)


_QUOTES = "'\u2018\u2019\u201c\u201d\""
_CULTIVAR = re.compile(r"[" + _QUOTES + r"]([^" + _QUOTES + r"]+)[" + _QUOTES + r"]")


def normalize_name(name: str) -> str:
    """Lower case, no accents, hybrid sign and 'x' removed, single spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("×", " ")
    text = re.sub(r"\(.*?\)", " ", text)
    words = [w for w in re.split(r"[^a-z0-9-]+", text) if w and w != "x"]
    return " ".join(words)


def split_cultivar(name: str) -> tuple[str, str]:
    """Split "Acer platanoides 'Emerald Queen'" into ("Acer platanoides", "Emerald Queen")."""
    match = _CULTIVAR.search(name)
    if match:
        return name[: match.start()].strip(), match.group(1).strip()
    return name.strip(), ""


def genus_of(scientific_name: str) -> str:
    parts = normalize_name(scientific_name).split()
    return parts[0].capitalize() if parts else ""


class SpeciesMatcher:
    """Matches recorded names to catalogue species; caches results (300k rows, ~1.5k names)."""

    def __init__(self, catalogue: list[Species]):
        self._by_key: dict[str, Species] = {}
        for sp in catalogue:
            base = normalize_name(sp.scientific_name)
            if sp.cultivar:
                self._by_key.setdefault(f"{base} {normalize_name(sp.cultivar)}", sp)
            else:
                self._by_key[base] = sp
            if sp.dutch_name:
                self._by_key.setdefault(normalize_name(sp.dutch_name), sp)
        self._cache: dict[str, Species | None] = {}

    def match(self, name: str) -> Species | None:
        if name in self._cache:
            return self._cache[name]
        found = self._lookup(name)
        self._cache[name] = found
        return found

    def _lookup(self, name: str) -> Species | None:
        if not name or not name.strip():
            return None
        base, cultivar = split_cultivar(name)
        key = normalize_name(base)
        if cultivar and f"{key} {normalize_name(cultivar)}" in self._by_key:
            return self._by_key[f"{key} {normalize_name(cultivar)}"]
        words = key.split()
        # Try progressively shorter names: "platanus hispanica acerifolia" → "platanus hispanica".
        for n in range(len(words), 1, -1):
            hit = self._by_key.get(" ".join(words[:n]))
            if hit is not None:
                return hit
        return self._by_key.get(key)

    def unmatched(self, names: list[str]) -> list[str]:
        return sorted({n for n in names if n and self.match(n) is None})
