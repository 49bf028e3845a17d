"""The catalogue applied to the register: name matching, unmatched names, mapping, per-tree eco
columns and diversity (Santamour 10-20-30) per wijk / laan / any grouping."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np
import shapely

from bomenplan.domain.diversity import (
    SANTAMOUR,
    DiversityLimits,
    GroupDiversity,
    TaxonColumns,
    WhatIf,
    factorize,
    santamour,
    what_if_plant,
)
from bomenplan.domain.ecology import DEFAULT_WEIGHTS, CatalogueEntry, EcoWeights
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.roles import Permission
from bomenplan.domain.species import normalize_name, split_cultivar
from bomenplan.domain.species_names import NameResolver, is_genus_only
from bomenplan.domain.tree import FieldChange
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.sortiment_data import taxon_facts
from bomenplan.services.species_csv import load_synonyms

GENUS_ONLY = ("sp", "spec", "spp", "species")  # "Tilia sp." names a genus only
GROUPINGS = ("wijk", "buurt", "straat")  # register columns usable as groups ("straat" ≈ laan)


class CatalogueLookup:
    """Register name → catalogue entry: hand mappings first, then the NameResolver (matcher,
    synonyms, abbreviations, genus + cultivar)."""

    def __init__(self, entries: list[CatalogueEntry], mappings: dict[str, int],
                 synonyms: dict[str, str] | None = None):
        self.entries = entries
        self._by_id = {e.species.id: e for e in entries}
        self._resolver = NameResolver([e.species for e in entries],
                                      load_synonyms() if synonyms is None else synonyms)
        self._mappings = mappings
        self._cache: dict[str, CatalogueEntry | None] = {}

    def match(self, name: str) -> CatalogueEntry | None:
        if name not in self._cache:
            if name in self._mappings:
                self._cache[name] = self._by_id.get(self._mappings[name])
            else:
                sp = self._resolver.resolve(name)
                self._cache[name] = self._by_id.get(sp.id) if sp else None
        return self._cache[name]

    def suggest(self, name: str) -> CatalogueEntry | None:
        """Closest catalogue species of the same genus for an unmatched name (typos,
        abbreviations); never one of another genus ("Malus species" is no Alnus × spaethii)."""
        base, _cultivar = split_cultivar(name)
        words = normalize_name(base).split()
        if not words or is_genus_only(words):
            return None  # the genus entry would have matched already
        species = [e for e in self.entries if not e.species.cultivar
                   and normalize_name(e.species.scientific_name).split()[:1] == words[:1]]
        keys = [normalize_name(e.species.scientific_name) for e in species]
        hit = difflib.get_close_matches(" ".join(words), keys, n=1, cutoff=0.6)
        return species[keys.index(hit[0])] if hit else None


def lookup(uow) -> CatalogueLookup:
    with uow:
        return CatalogueLookup(uow.catalogue.entries(), uow.catalogue.name_mappings())


@dataclass(frozen=True)
class UnmatchedName:
    name: str
    trees: int
    suggestion: CatalogueEntry | None


def unmatched_register_species(uow) -> list[UnmatchedName]:
    """Recorded names of living trees the catalogue does not know, most trees first."""
    with uow:
        counts = uow.catalogue.register_name_counts()
        found = CatalogueLookup(uow.catalogue.entries(), uow.catalogue.name_mappings())
    missing = [(n, c) for n, c in counts.items() if found.match(n) is None]
    missing.sort(key=lambda nc: (-nc[1], nc[0]))
    return [UnmatchedName(n, c, found.suggest(n) if n.strip() else None) for n, c in missing]


def map_register_name(uow, register_name: str, species_id: int, user: str = "") -> int:
    """Map a recorded name to a catalogue species and link its trees; returns trees linked."""
    with uow:
        authorize(uow, Permission.SPECIES)
        entry = uow.catalogue.get(species_id)
        uow.catalogue.map_name(register_name, species_id, user)
        linked = uow.catalogue.link_trees(register_name, species_id)
        uow.changes.record([FieldChange("species_name_map", species_id, "register_name", "",
                                        register_name, now_text(),
                                        user, f"→ {entry.species.full_name}")])
        uow.commit()
        return linked


def link_register(uow) -> int:
    """Set species_id on every tree whose recorded name matches the catalogue."""
    with uow:
        authorize(uow, Permission.SPECIES)
        found = CatalogueLookup(uow.catalogue.entries(), uow.catalogue.name_mappings())
        linked = 0
        for name in uow.catalogue.register_name_counts():
            hit = found.match(name)
            if hit is not None:
                linked += uow.catalogue.link_trees(name, hit.species.id)
        log_change(uow, "species", 0, "register gekoppeld", "", f"{linked} bomen")
        uow.commit()
        return linked


def _per_name(columns: RegisterColumns, found: CatalogueLookup, values) -> np.ndarray:
    """Apply `values(entry_or_None, name) -> tuple` once per distinct name, spread per tree."""
    inverse, names = factorize(columns.species_name)
    table = [values(found.match(n), n) for n in names]
    out = np.empty((len(names), len(table[0]) if table else 0), dtype=object)
    for i, row in enumerate(table):
        out[i] = row
    return out[inverse.ravel()] if len(names) else np.empty((0, 0), dtype=object)


def disease_risk(taxon: str) -> str:
    """The recorded disease/pest risk of a species or genus with its source ("" = none)."""
    fact = taxon_facts().get(taxon, "ziekterisico")
    return f"{fact.value}: {fact.text()}" if fact and fact.value != "laag" else ""


def taxon_columns(columns: RegisterColumns, found: CatalogueLookup) -> TaxonColumns:
    """Species (cultivars count as their species), genus and family per tree. A name the
    catalogue does not know still counts at genus level, and at family level when the catalogue
    knows the genus ("Tilia sp." → Tilia, Malvaceae); a genus-only record has no species."""
    families = {e.species.genus: e.species.family for e in found.entries
                if e.species.genus and e.species.family}

    def labels(entry, name):
        if entry is not None:
            sp = entry.species
            return sp.scientific_name, sp.genus, sp.family
        words = split_cultivar(name)[0].split()
        genus = words[0].capitalize() if words else ""
        epithet = words[1] if len(words) > 1 and words[1].rstrip(".").lower() not in GENUS_ONLY else ""
        species = " ".join(words) if epithet else ""
        return species, genus, families.get(genus, "")

    if len(columns) == 0:
        empty = np.empty(0, dtype=object)
        return TaxonColumns(empty, empty, empty)
    table = _per_name(columns, found, labels)
    return TaxonColumns(table[:, 0], table[:, 1], table[:, 2])


def eco_columns(columns: RegisterColumns, found: CatalogueLookup,
                weights: EcoWeights = DEFAULT_WEIGHTS) -> tuple[np.ndarray, np.ndarray]:
    """Per tree: ecological score (NaN when the species is unknown) and native status ("")."""
    scores: dict[int, float] = {}

    def values(entry, _name):
        if entry is None:
            return np.nan, ""
        sid = entry.species.id
        if sid not in scores:
            scores[sid] = entry.score(weights).total
        return scores[sid], str(entry.profile.native_status)

    if len(columns) == 0:
        return np.empty(0, dtype="f8"), np.empty(0, dtype=object)
    table = _per_name(columns, found, values)
    return table[:, 0].astype("f8"), table[:, 1]


def _living(columns: RegisterColumns, rows: np.ndarray | None) -> np.ndarray:
    mask = columns.status == "levend"
    if rows is not None:
        keep = np.zeros(len(columns), bool)
        keep[rows] = True
        mask &= keep
    return mask


def laan_groups(uow, columns: RegisterColumns, distance_m: float = 3.0) -> np.ndarray:
    """Per tree the name of the (non-rejected) laan whose rows pass within `distance_m`, else ""."""
    from bomenplan.services.lanen import active_lanen

    names = np.full(len(columns), "", dtype=object)
    lanen = active_lanen(uow)
    if not lanen or not len(columns):
        return names
    tree = shapely.STRtree(shapely.points(columns.x, columns.y))
    for laan in lanen:
        hits = tree.query(laan.geometry, predicate="dwithin", distance=distance_m)
        names[hits[names[hits] == ""]] = laan.name or f"laan {laan.id}"
    return names


def _group_array(columns: RegisterColumns, by) -> np.ndarray | None:
    if by is None or isinstance(by, np.ndarray):
        return by
    if by not in GROUPINGS:
        raise ValidationError("by", f"onbekende groepering {by!r}; kies uit {', '.join(GROUPINGS)}")
    return getattr(columns, by)


def diversity(columns: RegisterColumns, found: CatalogueLookup, by=None,
              rows: np.ndarray | None = None,
              limits: DiversityLimits = SANTAMOUR) -> list[GroupDiversity]:
    """10-20-30 for living trees (optionally only `rows`): whole stock (by=None), per register
    column (by="wijk" / "buurt" / "straat") or per label array (e.g. laan_groups; "" = none)."""
    groups = _group_array(columns, by)
    taxa = taxon_columns(columns, found)
    mask = _living(columns, rows)
    if isinstance(by, np.ndarray):
        mask &= groups != ""
    sub = TaxonColumns(taxa.species[mask], taxa.genus[mask], taxa.family[mask])
    return santamour(sub, None if groups is None else groups[mask], limits)


def what_if(columns: RegisterColumns, found: CatalogueLookup, by, group: str,
            count: int, species_id: int, limits: DiversityLimits = SANTAMOUR) -> WhatIf:
    """"If I plant `count` of this species in this wijk/laan": percentages before and after."""
    entry = next((e for e in found.entries if e.species.id == species_id), None)
    if entry is None:
        raise ValidationError("species_id", f"soort {species_id} staat niet in de catalogus")
    groups = _group_array(columns, by)
    taxa = taxon_columns(columns, found)
    mask = _living(columns, None)
    sub = TaxonColumns(taxa.species[mask], taxa.genus[mask], taxa.family[mask])
    sp = entry.species
    return what_if_plant(sub, None if groups is None else groups[mask], group, count,
                         sp.scientific_name, sp.genus, sp.family, limits)
