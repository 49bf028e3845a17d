"""Rows of the species catalogue: ecological profile per species, versioned score weights and
the mapping of register species names to catalogue species."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base, VersionedMixin


class SpeciesEcoRow(VersionedMixin, Base):
    """One row per catalogue species (species.id); columns follow domain.ecology.ECO_FIELDS."""

    __tablename__ = "species_eco"
    species_id: Mapped[int] = mapped_column(ForeignKey("species.id"), primary_key=True)
    crown_diameter_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    life_expectancy_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    insect_species: Mapped[int | None] = mapped_column(Integer, nullable=True)
    insect_basis: Mapped[str] = mapped_column(Text, default="", nullable=False)
    nectar: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pollen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    flowering_months: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    waardboom_vlinders: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    waardboom_vogels: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    fruit_people: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    fruit_birds: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    epr_host: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    allergenic_pollen: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    native_status: Mapped[str] = mapped_column(String(20), default="exoot", nullable=False)
    invasive: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    tol_drought: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tol_heat: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tol_paving: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tol_salt: Mapped[int | None] = mapped_column(Integer, nullable=True)
    tol_wet: Mapped[int | None] = mapped_column(Integer, nullable=True)
    thermal_margin_now_c: Mapped[float | None] = mapped_column(Float, nullable=True)
    thermal_margin_2050_c: Mapped[float | None] = mapped_column(Float, nullable=True)
    hydraulic_margin_now_mm: Mapped[float | None] = mapped_column(Float, nullable=True)
    hydraulic_margin_2050_mm: Mapped[float | None] = mapped_column(Float, nullable=True)
    climate_now: Mapped[int | None] = mapped_column(Integer, nullable=True)
    climate_2050: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hardiness_zone: Mapped[str] = mapped_column(String(4), default="", server_default="",
                                                nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_names: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_size: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_insects: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_bees: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_wildlife: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_native: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_tolerance: Mapped[str] = mapped_column(Text, default="", nullable=False)
    src_climate: Mapped[str] = mapped_column(Text, default="", nullable=False)


class EcoWeightsRow(Base):
    """A saved weights version (JSON component → weight); the newest active one is used."""

    __tablename__ = "eco_weights"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    weights_json: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)


class SpeciesNameMapRow(Base):
    """A register species name (as recorded) mapped by hand to a catalogue species."""

    __tablename__ = "species_name_map"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    species_id: Mapped[int] = mapped_column(ForeignKey("species.id"), nullable=False, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)
