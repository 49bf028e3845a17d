"""Rows of the bomenbank and the transplantiefonds. Money is stored as whole cents (exact)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base, VersionedMixin


class BankTreeRow(VersionedMixin, Base):
    __tablename__ = "bank_tree"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60), nullable=False, index=True)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    species_name: Mapped[str] = mapped_column(String(200), nullable=False)
    stamomtrek_cm: Mapped[float] = mapped_column(Float, nullable=False)
    x: Mapped[float] = mapped_column(Float, nullable=False)
    y: Mapped[float] = mapped_column(Float, nullable=False)
    location: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    hoogte_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    kluit: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    plantjaar: Mapped[int | None] = mapped_column(Integer, nullable=True)
    available_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    available_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    cost_cents: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    condition: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    register_tree_id: Mapped[int | None] = mapped_column(ForeignKey("tree.id"), nullable=True)
    min_soil_volume_m3: Mapped[float | None] = mapped_column(Float, nullable=True)
    reserved_laan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reserved_x: Mapped[float | None] = mapped_column(Float, nullable=True)
    reserved_y: Mapped[float | None] = mapped_column(Float, nullable=True)
    planted_tree_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class BankEventRow(Base):
    """A line of the bomenpaspoort."""

    __tablename__ = "bank_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank_tree_id: Mapped[int] = mapped_column(ForeignKey("bank_tree.id", ondelete="CASCADE"),
                                              nullable=False, index=True)
    datum: Mapped[str] = mapped_column(String(30), nullable=False)
    event: Mapped[str] = mapped_column(String(60), nullable=False)
    detail: Mapped[str] = mapped_column(Text, default="", nullable=False)
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)


class FundEntryRow(Base):
    __tablename__ = "fund_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    datum: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    amount_cents: Mapped[int] = mapped_column(Integer, nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    bank_tree_id: Mapped[int | None] = mapped_column(ForeignKey("bank_tree.id"), nullable=True, index=True)
    tree_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ObligationRow(Base):
    __tablename__ = "herplant_obligation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    felled_on: Mapped[date] = mapped_column(Date, nullable=False)
    location: Mapped[str] = mapped_column(String(200), nullable=False)
    n_trees: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    fulfilled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    felled_tree_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
