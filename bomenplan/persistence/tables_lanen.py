"""Rows of the lanen feature: lanen (WKB multilinestring, RD New), replanting choices and
sortiment matrix versions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base, VersionedMixin


class LaanRow(VersionedMixin, Base):
    __tablename__ = "laan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    straat: Mapped[str] = mapped_column(String(200), default="", nullable=False, index=True)
    laan_type: Mapped[str] = mapped_column(String(40), nullable=False)
    geom: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # WKB multilinestring
    spacing_m: Mapped[float] = mapped_column(Float, nullable=False)
    intended_species: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    herplantstrategie: Mapped[str] = mapped_column(String(20), nullable=False)
    hoofdbomenstructuur: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)


class LaanChoiceRow(Base):
    __tablename__ = "laan_choice"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    laan_id: Mapped[int] = mapped_column(ForeignKey("laan.id", ondelete="CASCADE"), nullable=False,
                                         index=True)
    strategy: Mapped[str] = mapped_column(String(20), nullable=False)
    species: Mapped[str] = mapped_column(Text, nullable=False)  # "|" separated
    pattern: Mapped[str] = mapped_column(Text, default="", nullable=False)
    planting_size: Mapped[str] = mapped_column(Text, default="", nullable=False)
    rationale: Mapped[str] = mapped_column(Text, nullable=False)
    decided_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    gap_index: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SortimentMatrixRow(Base):
    __tablename__ = "sortiment_matrix"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(60), nullable=False, unique=True)
    csv_text: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
