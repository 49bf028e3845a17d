"""Rows of the standplaats feature: the growing-place record and problems of a site, the
user's soil-volume norms, and plan areas with the trees they affect."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base, VersionedMixin


class StandplaatsRow(VersionedMixin, Base):
    __tablename__ = "standplaats"
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), primary_key=True)
    boomspiegel_m2: Mapped[float | None] = mapped_column(Float, nullable=True)
    verharding: Mapped[str] = mapped_column(String(20), default="onbekend", nullable=False)
    bodemvolume_m3: Mapped[float | None] = mapped_column(Float, nullable=True)
    plantvak_lengte_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    plantvak_breedte_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    doorwortelbare_diepte_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    kabels_leidingen: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    wortelopdruk: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    zout: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    verdichting: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    slechte_drainage: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    parkeerdruk: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    opmerkingen: Mapped[str] = mapped_column(Text, default="", nullable=False)


class StandplaatsProblemRow(VersionedMixin, Base):
    __tablename__ = "standplaats_problem"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), nullable=False, index=True)
    type: Mapped[str] = mapped_column(String(40), nullable=False)
    severity: Mapped[str] = mapped_column(String(10), nullable=False)
    datum: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    maatregelen: Mapped[str] = mapped_column(Text, default="", nullable=False)  # "; " separated
    opmerking: Mapped[str] = mapped_column(Text, default="", nullable=False)


class SoilNormRow(Base):
    """A user-entered required soil volume per species name or grootteklasse (none shipped)."""

    __tablename__ = "soil_norm"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    required_m3: Mapped[float] = mapped_column(Float, nullable=False)
    table_name: Mapped[str] = mapped_column(String(200), nullable=False)
    source: Mapped[str] = mapped_column(Text, nullable=False)


class PlanAreaRow(Base):
    __tablename__ = "plan_area"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    source: Mapped[str] = mapped_column(Text, default="", nullable=False)
    geom: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # WKB multipolygon, RD New
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    checked_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class PlanAffectedTreeRow(Base):
    __tablename__ = "plan_affected_tree"
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan_area.id", ondelete="CASCADE"), primary_key=True)
    tree_id: Mapped[int] = mapped_column(ForeignKey("tree.id"), primary_key=True)
    boomnummer: Mapped[str] = mapped_column(String(60), nullable=False)
    distance_m: Mapped[float] = mapped_column(Float, nullable=False)
    zones: Mapped[str] = mapped_column(Text, nullable=False)  # "; " separated
    measures: Mapped[str] = mapped_column(Text, nullable=False)
