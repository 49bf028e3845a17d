"""Use cases of the species catalogue: load, search, score, edit, add, import and export.

Register links (unmatched names, mapping, diversity) are in `services.species_register`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from bomenplan.domain.ecology import (
    DEFAULT_WEIGHTS,
    ECO_FIELDS,
    SHIPPED_WEIGHTS,
    CatalogueEntry,
    EcoProfile,
    EcoScore,
    EcoWeights,
)
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.roles import Permission
from bomenplan.domain.species import Species, normalize_name
from bomenplan.domain.tree import FieldChange
from bomenplan.domain.values import Grootteklasse
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.species_csv import (
    load_resource_catalogue,
    read_catalogue_csv,
    write_catalogue_csv,
)

SPECIES_FIELDS = ("dutch_name", "family", "grootteklasse")  # editable names/size on Species
EDITABLE_FIELDS = (*SPECIES_FIELDS, *ECO_FIELDS)


def ensure_catalogue(uow, loader=load_resource_catalogue) -> int:
    """Fill an empty catalogue from the shipped resource and store default weights.

    A catalogue still on an older shipped weights version moves to the current default (the old
    version stays stored); a version the municipality made itself stays active.
    Returns the number of species added (0 when the catalogue already had species).
    """
    with uow:
        added = 0
        if uow.catalogue.count() == 0:
            added = uow.catalogue.add_many(loader())
        active = uow.catalogue.active_weights()
        stored = {w.version for w in uow.catalogue.weight_versions()}
        shipped_older = {w.version for w in SHIPPED_WEIGHTS} - {DEFAULT_WEIGHTS.version}
        if active is None or (active.version in shipped_older
                              and DEFAULT_WEIGHTS.version not in stored):
            uow.catalogue.save_weights(DEFAULT_WEIGHTS)
        uow.commit()
        return added


def current_weights(uow) -> EcoWeights:
    with uow:
        return uow.catalogue.active_weights() or DEFAULT_WEIGHTS


def save_weights(uow, weights: EcoWeights) -> None:
    with uow:
        authorize(uow, Permission.SPECIES)
        if weights.version in {w.version for w in uow.catalogue.weight_versions()}:
            raise ValidationError("version", f"gewichtenversie {weights.version!r} bestaat al")
        uow.catalogue.save_weights(weights)
        log_change(uow, "ecogewichten", 0, "versie", "", weights.version)
        uow.commit()


def list_entries(uow) -> list[CatalogueEntry]:
    with uow:
        return uow.catalogue.entries()


def get_with_score(uow, species_id: int) -> tuple[CatalogueEntry, EcoScore]:
    with uow:
        entry = uow.catalogue.get(species_id)
        weights = uow.catalogue.active_weights() or DEFAULT_WEIGHTS
        return entry, entry.score(weights)


@dataclass(frozen=True)
class SearchIndex:
    """Catalogue entries with precomputed search keys (searching 200 entries takes ~0.1 ms)."""

    entries: tuple[CatalogueEntry, ...]
    keys: tuple[str, ...]

    @classmethod
    def build(cls, entries: list[CatalogueEntry]) -> SearchIndex:
        keys = tuple(normalize_name(" ".join((e.species.full_name, e.species.dutch_name,
                                              e.species.family))) for e in entries)
        return cls(tuple(entries), keys)

    def search(self, text: str) -> list[CatalogueEntry]:
        words = normalize_name(text).split()
        return [e for e, k in zip(self.entries, self.keys, strict=True)
                if all(w in k for w in words)]


def edit_value(uow, species_id: int, field: str, value, source: str, user: str = "",
               expected_version: int | None = None) -> CatalogueEntry:
    """Change one value of a species; the value's source is required and the change is logged."""
    if field not in EDITABLE_FIELDS:
        raise ValidationError(field, "dit veld kan niet worden gewijzigd")
    if not str(source).strip():
        raise ValidationError(field, "bron is verplicht")
    with uow:
        authorize(uow, Permission.SPECIES)
        entry = uow.catalogue.get(species_id)
        old = value_text(entry, field)
        if field in SPECIES_FIELDS:
            entry = with_species_value(entry, field, value, source)
        else:
            entry = replace(entry, profile=entry.profile.with_value(field, value, source))
        new = value_text(entry, field)
        if old == new and field in SPECIES_FIELDS:
            return entry
        stored = uow.catalogue.update(entry, expected_version)
        uow.changes.record([FieldChange("species", species_id, field, old, new, now_text(), user,
                                        f"bron: {source.strip()}")])
        uow.commit()
        return stored


def with_species_value(entry: CatalogueEntry, field: str, value, source: str) -> CatalogueEntry:
    text = str(value).strip()
    if field == "grootteklasse":
        try:
            text = Grootteklasse(text)
        except ValueError:
            raise ValidationError(field, f"ongeldige grootteklasse {value!r}") from None
    group = "size" if field == "grootteklasse" else "names"
    profile = replace(entry.profile, sources={**entry.profile.sources, group: source.strip()})
    return CatalogueEntry(replace(entry.species, **{field: text}), profile)


def value_text(entry: CatalogueEntry, field: str) -> str:
    value = getattr(entry.species if field in SPECIES_FIELDS else entry.profile, field)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def add_species(uow, species: Species, profile: EcoProfile | None = None,
                user: str = "") -> CatalogueEntry:
    """Add a species (or cultivar); the name must be new."""
    if not species.scientific_name.strip():
        raise ValidationError("scientific_name", "wetenschappelijke naam ontbreekt")
    with uow:
        authorize(uow, Permission.SPECIES)
        key = _key(species)
        if any(_key(e.species) == key for e in uow.catalogue.entries()):
            raise ValidationError("scientific_name", f"{species.full_name} staat al in de catalogus")
        entry = uow.catalogue.add(CatalogueEntry(species, profile or EcoProfile()))
        uow.changes.record([FieldChange("species", entry.species.id, "aangemaakt", "",
                                        species.full_name, now_text(), user)])
        uow.commit()
        return entry


def _key(species: Species) -> tuple[str, str]:
    return normalize_name(species.scientific_name), normalize_name(species.cultivar)


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int


def import_catalogue(uow, path: str | Path, user: str = "") -> ImportSummary:
    """Merge a catalogue CSV: known names are updated, new names added.

    The whole file is parsed first; a bad row stops the import before anything is stored.
    """
    incoming = read_catalogue_csv(path)
    added = updated = 0
    with uow:
        authorize(uow, Permission.SPECIES)
        existing = {_key(e.species): e for e in uow.catalogue.entries()}
        for entry in incoming:
            old = existing.get(_key(entry.species))
            if old is None:
                uow.catalogue.add(entry)
                added += 1
            elif old.profile != entry.profile or old.species.dutch_name != entry.species.dutch_name:
                species = replace(entry.species, id=old.species.id)
                uow.catalogue.update(CatalogueEntry(species, entry.profile))
                updated += 1
        uow.changes.record([FieldChange("species", 0, "import", "", f"{path}: +{added} ~{updated}",
                                        now_text(), user)])
        uow.commit()
    return ImportSummary(added, updated)


def export_catalogue(uow, path: str | Path) -> int:
    with uow:
        entries = uow.catalogue.entries()
        weights = uow.catalogue.active_weights() or DEFAULT_WEIGHTS
    return write_catalogue_csv(entries, path, weights)
