"""Per-taxon facts that are not in the species catalogue: planting restrictions (EU-listed or
invasive, growth form, poisonous, thorny) and disease/pest risk, each with its source.

A fact row names a taxon at genus, species or cultivar level ("Ulmus", "Fraxinus excelsior",
"Ulmus 'Lobel'", "Gleditsia triacanthos 'Skyline'"); for a name the most specific matching row
of each feature wins (a thornless cultivar overrides its thorny species). Rows of the same
specificity that disagree are an error, never decided by line order.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.species import normalize_name, split_cultivar

FEATURES = {
    "status": ("verboden", "invasief", "toegestaan"),
    "groeivorm": ("boom", "struik", "meerstammig"),
    "giftig": ("ja", "nee"),
    "doorns": ("ja", "nee"),
    "ziekterisico": ("hoog", "matig", "laag"),
    "eikenprocessierups": ("ja", "nee"),  # waardboom (host) of the oak processionary
}


@dataclass(frozen=True)
class TaxonFact:
    taxon: str
    feature: str
    value: str
    note: str  # what it is about, e.g. "essentaksterfte (Hymenoscyphus fraxineus)"
    source: str
    line: int = 0

    @property
    def key(self) -> tuple[str, str, str]:
        """(genus, epithet, cultivar), normalized; "" = any."""
        base, cultivar = split_cultivar(self.taxon)
        words = normalize_name(base).split()
        return (words[0] if words else "", " ".join(words[1:]), normalize_name(cultivar))

    @property
    def specificity(self) -> int:
        _genus, epithet, cultivar = self.key
        return (2 if cultivar else 0) + (1 if epithet else 0)

    def matches(self, name: str) -> bool:
        genus, epithet, cultivar = self.key
        base, name_cultivar = split_cultivar(name)
        words = normalize_name(base).split()
        if not words or words[0] != genus:
            return False
        return ((not epithet or " ".join(words[1:]) == epithet)
                and (not cultivar or normalize_name(name_cultivar) == cultivar))

    def text(self) -> str:
        return f"{self.note} ({self.source})" if self.note else self.source


class TaxonFacts:
    """Lookup of the facts of a species name."""

    def __init__(self, facts: list[TaxonFact]):
        self.facts = tuple(facts)
        self._by_genus: dict[str, list[TaxonFact]] = {}
        for fact in facts:
            self._by_genus.setdefault(fact.key[0], []).append(fact)
        self._check_conflicts()

    def _check_conflicts(self) -> None:
        seen: dict[tuple, TaxonFact] = {}
        for fact in self.facts:
            k = (fact.key, fact.feature)
            other = seen.get(k)
            if other is not None and other.value != fact.value:
                raise ValidationError(fact.feature, f"regel {other.line} en {fact.line}: {fact.taxon} "
                                                    f"is zowel {other.value!r} als {fact.value!r}")
            seen[k] = fact

    def get(self, name: str, feature: str) -> TaxonFact | None:
        """The most specific fact of this feature for the name; None = nothing recorded."""
        words = normalize_name(split_cultivar(name)[0]).split()
        hits = [f for f in self._by_genus.get(words[0] if words else "", [])
                if f.feature == feature and f.matches(name)]
        return max(hits, key=lambda f: f.specificity) if hits else None

    def value(self, name: str, feature: str) -> str:
        fact = self.get(name, feature)
        return fact.value if fact else ""


def parse_facts_csv(text: str, source: str) -> list[TaxonFact]:
    """Rows taxon,feature,value,note,source; errors name the file, line and field."""
    reader = csv.DictReader(io.StringIO(text))
    missing = {"taxon", "feature", "value", "note", "source"} - set(reader.fieldnames or [])
    if missing:
        raise ValidationError(", ".join(sorted(missing)), f"{source}: kolom ontbreekt")
    facts = []
    for line, row in enumerate(reader, start=2):
        feature, value = row["feature"].strip(), row["value"].strip()
        if feature not in FEATURES:
            raise ValidationError("feature", f"{source} regel {line}: onbekend kenmerk {feature!r}")
        if value not in FEATURES[feature]:
            raise ValidationError("value", f"{source} regel {line}: {value!r} is geen waarde van "
                                           f"{feature} ({', '.join(FEATURES[feature])})")
        if not row["taxon"].strip() or not row["source"].strip():
            raise ValidationError("taxon" if not row["taxon"].strip() else "source",
                                  f"{source} regel {line}: leeg")
        facts.append(TaxonFact(row["taxon"].strip(), feature, value, row["note"].strip(),
                               row["source"].strip(), line))
    return facts
