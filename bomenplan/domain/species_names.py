"""Resolving recorded species names the plain SpeciesMatcher misses, as found in real registers:
synonyms ("Tilia vulgaris" → Tilia × europaea), abbreviated epithets ("Acer plat. 'Globosum'"),
unquoted cultivars ("Carpinus bet. fastigiata") and genus plus cultivar ("Ulmus 'Columella'").
"Genus sp." / "spec." / "species" / "spp." names the genus only: it resolves to the catalogue's
genus entry when there is one, never to a species (not even one whose epithet starts with "sp").
"""

from __future__ import annotations

from bomenplan.domain.species import Species, SpeciesMatcher, normalize_name, split_cultivar

GENUS_ONLY_WORDS = frozenset({"sp", "spec", "species", "spp", "ssp"})


def is_genus_only(words: list[str]) -> bool:
    """["malus", "sp"]: a name that fixes only the genus."""
    return len(words) >= 2 and words[1] in GENUS_ONLY_WORDS


class NameResolver:
    def __init__(self, catalogue: list[Species], synonyms: dict[str, str] | None = None):
        self.catalogue = catalogue
        self._matcher = SpeciesMatcher(catalogue)
        # normalized synonym → normalized accepted name
        self._synonyms = {normalize_name(k): normalize_name(v) for k, v in (synonyms or {}).items()}
        self._epithets: dict[str, set[str]] = {}
        for sp in catalogue:
            words = normalize_name(sp.scientific_name).split()
            if len(words) >= 2:
                self._epithets.setdefault(words[0], set()).add(words[1])
        for key in self._synonyms:
            words = key.split()
            if len(words) >= 2:
                self._epithets.setdefault(words[0], set()).add(words[1])

    def resolve(self, name: str) -> Species | None:
        if not name or not name.strip():
            return None
        hit = self._matcher.match(name)
        if hit is not None:
            return hit
        base, cultivar = split_cultivar(name)
        words = normalize_name(base).split()
        if not words:
            return None
        if len(words) == 1:
            return self._genus_cultivar(words[0], cultivar)
        if is_genus_only(words):
            return self._genus_cultivar(words[0], cultivar) or self.genus_entry(words[0])
        genus, epithet, rest = words[0], words[1], words[2:]
        full = self._expand(genus, epithet)
        if full is None:
            return None
        if not cultivar and rest:  # "Carpinus bet. fastigiata": the rest is the cultivar
            cultivar, rest = " ".join(rest), []
        key = " ".join([genus, full, *rest])
        key = self._synonyms.get(key, key)
        return self._matcher.match(f"{key} '{cultivar}'" if cultivar else key)

    def _expand(self, genus: str, epithet: str) -> str | None:
        """The full epithet: exact, or the only one of this genus starting with the abbreviation."""
        known = self._epithets.get(genus, set())
        if epithet in known:
            return epithet
        candidates = [e for e in known if e.startswith(epithet)]
        return candidates[0] if len(candidates) == 1 else None

    def genus_entry(self, genus: str) -> Species | None:
        """The catalogue's entry for the genus itself ("Malus", no epithet), if it has one."""
        hits = [sp for sp in self.catalogue if not sp.cultivar
                and normalize_name(sp.scientific_name) == genus]
        return hits[0] if hits else None

    def _genus_cultivar(self, genus: str, cultivar: str) -> Species | None:
        if not cultivar:
            return None
        wanted = normalize_name(cultivar)
        hits = [sp for sp in self.catalogue if sp.cultivar
                and normalize_name(sp.genus) == genus and normalize_name(sp.cultivar) == wanted]
        return hits[0] if len(hits) == 1 else None
