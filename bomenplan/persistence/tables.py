"""SQLAlchemy 2 rows of the register. Geometry is stored as WKB (plus x/y for fast bulk reads).

Every editable row has a `version` column (optimistic locking) and its changes go to `change_log`.
Feature modules add their rows in their own `tables_<feature>.py`, on the same `Base`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class VersionedMixin:
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SpeciesRow(VersionedMixin, Base):
    __tablename__ = "species"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scientific_name: Mapped[str] = mapped_column(String(200), nullable=False)
    dutch_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    cultivar: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    genus: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    family: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    grootteklasse: Mapped[str] = mapped_column(String(20), default="onbekend", nullable=False)


class SiteRow(VersionedMixin, Base):
    __tablename__ = "site"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    x: Mapped[float] = mapped_column(Float, nullable=False)
    y: Mapped[float] = mapped_column(Float, nullable=False)
    geom: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # WKB point, RD New
    straat: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    wijk: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    buurt: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    __table_args__ = (Index("ix_site_xy", "x", "y"),)


class TreeRow(VersionedMixin, Base):
    __tablename__ = "tree"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    boomnummer: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), nullable=False, index=True)
    species_name: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    species_id: Mapped[int | None] = mapped_column(ForeignKey("species.id"), nullable=True)
    plantjaar: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hoogteklasse: Mapped[str] = mapped_column(String(20), default="onbekend", nullable=False)
    stamdiameter_cm: Mapped[float | None] = mapped_column(Float, nullable=True)
    kroondiameter_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    boomveiligheidsklasse: Mapped[str] = mapped_column(String(30), default="onbekend", nullable=False)
    beheertype: Mapped[str] = mapped_column(String(30), default="vrij uitgroeiend", nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="levend", nullable=False, index=True)
    beleidsstatus: Mapped[str] = mapped_column(String(30), default="geen", nullable=False)
    boomgroep: Mapped[str] = mapped_column(String(20), default="onbekend", nullable=False)
    omgevingsrisicoklasse: Mapped[str] = mapped_column(String(20), default="onbekend",
                                                       server_default="onbekend", nullable=False)
    eigenaar: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    beheerder: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    verplantbaar: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    opmerkingen: Mapped[str] = mapped_column(Text, default="", nullable=False)
    nvtb_waarde_cent: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # NVTB value, € cents


class InspectionRow(VersionedMixin, Base):
    __tablename__ = "inspection"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tree_id: Mapped[int] = mapped_column(ForeignKey("tree.id"), nullable=False, index=True)
    datum: Mapped[date] = mapped_column(Date, nullable=False)
    inspecteur: Mapped[str] = mapped_column(String(120), nullable=False)
    boomveiligheidsklasse: Mapped[str] = mapped_column(String(30), nullable=False)
    gebreken: Mapped[str] = mapped_column(Text, default="", nullable=False)  # newline separated
    maatregelen: Mapped[str] = mapped_column(Text, default="", nullable=False)
    volgende_controle: Mapped[date | None] = mapped_column(Date, nullable=True)
    opmerkingen: Mapped[str] = mapped_column(Text, default="", nullable=False)
    maatregel_uiterlijk: Mapped[date | None] = mapped_column(Date, nullable=True)


class ChangeLogRow(Base):
    __tablename__ = "change_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    old: Mapped[str] = mapped_column(Text, default="", nullable=False)
    new: Mapped[str] = mapped_column(Text, default="", nullable=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    entity_version: Mapped[int | None] = mapped_column(Integer, nullable=True)  # version after the change
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),
                      Index("ix_change_log_user", "user", "changed_at"),  # audit per user
                      Index("ix_change_log_changed_at", "changed_at"))  # audit per period


class ImportRunRow(Base):
    """One import: which file, when, how many rows read / accepted / rejected."""

    __tablename__ = "import_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text, nullable=False)
    started_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    rows_read: Mapped[int] = mapped_column(Integer, nullable=False)
    rows_accepted: Mapped[int] = mapped_column(Integer, nullable=False)
    rows_rejected: Mapped[int] = mapped_column(Integer, nullable=False)
    transformation: Mapped[str] = mapped_column(Text, default="", nullable=False)
    outcome: Mapped[str] = mapped_column(Text, default="", server_default="", nullable=False)
    # "" = stored; else why it failed (nothing of it is in the register)
