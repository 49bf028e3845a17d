"""SQL repository of the species catalogue (species + species_eco), score weights and name map."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bomenplan.domain.ecology import (
    ECO_FIELDS,
    SOURCE_GROUPS,
    CatalogueEntry,
    EcoProfile,
    EcoWeights,
    profile_from_values,
)
from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.species import Species
from bomenplan.domain.values import Grootteklasse
from bomenplan.persistence.tables import SpeciesRow, TreeRow
from bomenplan.persistence.tables_species import EcoWeightsRow, SpeciesEcoRow, SpeciesNameMapRow

_SCALE_KEY = "insect_scale"


def _weights(row: EcoWeightsRow) -> EcoWeights:
    """Stored JSON → weights; versions saved before eco-2026.2 have no scale key: log."""
    data = json.loads(row.weights_json)
    scale = data.pop(_SCALE_KEY, "log")
    return EcoWeights(row.version, data, insect_scale=scale)


def _profile(row: SpeciesEcoRow | None) -> EcoProfile:
    if row is None:
        return EcoProfile()
    values = {name: getattr(row, name) for name in ECO_FIELDS}
    values["native_status"] = row.native_status
    return profile_from_values(values, {g: getattr(row, f"src_{g}") for g in SOURCE_GROUPS})


def _species(row: SpeciesRow) -> Species:
    return Species(row.id, row.scientific_name, row.dutch_name, row.cultivar, row.genus, row.family,
                   Grootteklasse(row.grootteklasse), row.version)


def _fill(row: SpeciesEcoRow, profile: EcoProfile) -> None:
    for name in ECO_FIELDS:
        value = getattr(profile, name)
        setattr(row, name, str(value) if name == "native_status" else value)
    for group in SOURCE_GROUPS:
        setattr(row, f"src_{group}", profile.source(group))


class SqlSpeciesCatalogue:
    def __init__(self, session: Session):
        self.session = session

    # --- catalogue entries -------------------------------------------------------------------
    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(SpeciesRow)) or 0

    def entries(self) -> list[CatalogueEntry]:
        rows = self.session.execute(
            select(SpeciesRow, SpeciesEcoRow).outerjoin(SpeciesEcoRow,
                                                        SpeciesEcoRow.species_id == SpeciesRow.id)
            .order_by(SpeciesRow.scientific_name, SpeciesRow.cultivar))
        return [CatalogueEntry(_species(sp), _profile(eco)) for sp, eco in rows]

    def get(self, species_id: int) -> CatalogueEntry:
        sp = self.session.get(SpeciesRow, species_id)
        if sp is None:
            raise NotFound(f"soort {species_id}")
        return CatalogueEntry(_species(sp), _profile(self.session.get(SpeciesEcoRow, species_id)))

    def add(self, entry: CatalogueEntry) -> CatalogueEntry:
        sp = entry.species
        row = SpeciesRow(scientific_name=sp.scientific_name, dutch_name=sp.dutch_name,
                         cultivar=sp.cultivar, genus=sp.genus, family=sp.family,
                         grootteklasse=str(sp.grootteklasse), version=1, updated_at=datetime.now())
        self.session.add(row)
        self.session.flush()
        eco = SpeciesEcoRow(species_id=row.id, version=1, updated_at=datetime.now())
        _fill(eco, entry.profile)
        self.session.add(eco)
        self.session.flush()
        return self.get(row.id)

    def add_many(self, entries: list[CatalogueEntry]) -> int:
        for entry in entries:
            self.add(entry)
        return len(entries)

    def update(self, entry: CatalogueEntry, expected_version: int | None = None) -> CatalogueEntry:
        """Store names and profile; raises ConcurrentEditError on a stale species version."""
        sp = entry.species
        row = self.session.get(SpeciesRow, sp.id)
        if row is None:
            raise NotFound(f"soort {sp.id}")
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentEditError(f"soort {sp.id} is intussen gewijzigd")
        row.dutch_name, row.family, row.genus = sp.dutch_name, sp.family, sp.genus
        row.grootteklasse = str(sp.grootteklasse)
        row.version += 1
        row.updated_at = datetime.now()
        eco = self.session.get(SpeciesEcoRow, sp.id)
        if eco is None:
            eco = SpeciesEcoRow(species_id=sp.id, version=0)
            self.session.add(eco)
        _fill(eco, entry.profile)
        eco.version = (eco.version or 0) + 1
        eco.updated_at = datetime.now()
        self.session.flush()
        return self.get(sp.id)

    # --- weights -------------------------------------------------------------------------------
    def active_weights(self) -> EcoWeights | None:
        row = self.session.scalars(select(EcoWeightsRow).where(EcoWeightsRow.active)
                                   .order_by(EcoWeightsRow.created_at.desc(),
                                             EcoWeightsRow.id.desc())).first()
        return _weights(row) if row else None

    def weight_versions(self) -> list[EcoWeights]:
        rows = self.session.scalars(select(EcoWeightsRow).order_by(EcoWeightsRow.id))
        return [_weights(r) for r in rows]

    def save_weights(self, weights: EcoWeights) -> None:
        """Store a new version and make it the active one (older versions are kept)."""
        self.session.execute(update(EcoWeightsRow).values(active=False))
        self.session.add(EcoWeightsRow(version=weights.version,
                                       weights_json=json.dumps(
                                           {**weights.weights, _SCALE_KEY: weights.insect_scale},
                                           sort_keys=True),
                                       created_at=datetime.now(), active=True))
        self.session.flush()

    # --- register names ------------------------------------------------------------------------
    def name_mappings(self) -> dict[str, int]:
        rows = self.session.execute(select(SpeciesNameMapRow.register_name,
                                           SpeciesNameMapRow.species_id))
        return dict(rows.all())

    def map_name(self, register_name: str, species_id: int, user: str = "") -> None:
        row = self.session.scalar(select(SpeciesNameMapRow)
                                  .where(SpeciesNameMapRow.register_name == register_name))
        if row is None:
            self.session.add(SpeciesNameMapRow(register_name=register_name, species_id=species_id,
                                               created_at=datetime.now(), user=user))
        else:
            row.species_id = species_id
        self.session.flush()

    def register_name_counts(self) -> dict[str, int]:
        """Recorded species name → number of living trees."""
        rows = self.session.execute(select(TreeRow.species_name, func.count())
                                    .where(TreeRow.status == "levend")
                                    .group_by(TreeRow.species_name))
        return {name: int(n) for name, n in rows.all()}

    def link_trees(self, register_name: str, species_id: int | None) -> int:
        """Set species_id on every tree recorded with this name; returns the number changed."""
        result = self.session.execute(
            update(TreeRow).where(TreeRow.species_name == register_name,
                                  (TreeRow.species_id.is_(None)) | (TreeRow.species_id != species_id))
            .values(species_id=species_id))
        self.session.flush()
        return result.rowcount or 0
