"""Rows of complaints (meldingen), their personal data (kept apart), criteria versions,
triage decisions with override log, and work orders."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base, VersionedMixin


class ComplaintRow(VersionedMixin, Base):
    __tablename__ = "complaint"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    datum: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    kanaal: Mapped[str] = mapped_column(String(20), nullable=False)
    categories: Mapped[str] = mapped_column(Text, nullable=False)  # ';' separated codes
    tekst: Mapped[str] = mapped_column(Text, default="", nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="open", nullable=False, index=True)
    wijk: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    facts_json: Mapped[str] = mapped_column(Text, default="{}", nullable=False)
    photos: Mapped[str] = mapped_column(Text, default="", nullable=False)  # newline separated


class ComplaintTreeRow(Base):
    __tablename__ = "complaint_tree"
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"),
                                              primary_key=True)
    tree_id: Mapped[int] = mapped_column(ForeignKey("tree.id"), primary_key=True, index=True)


class ComplainantRow(Base):
    """Personal data; only complaint handlers see it; purged after `purge_after`."""

    __tablename__ = "complainant"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"),
                                              unique=True, nullable=False)
    naam: Mapped[str] = mapped_column(String(200), nullable=False)
    adres: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    postcode: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    plaats: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    telefoon: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    email: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    purge_after: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)


class CriteriaVersionRow(VersionedMixin, Base):
    __tablename__ = "criteria_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    status: Mapped[str] = mapped_column(String(20), default="concept", nullable=False)
    auteur: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    aangemaakt_op: Mapped[date | None] = mapped_column(Date, nullable=True)
    vastgesteld_op: Mapped[date | None] = mapped_column(Date, nullable=True)
    toelichting: Mapped[str] = mapped_column(Text, default="", nullable=False)
    rules_json: Mapped[str] = mapped_column(Text, nullable=False)


class TriageDecisionRow(Base):
    """Every decision on a complaint, automatic or overridden (with the handler's motivation)."""

    __tablename__ = "triage_decision"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"),
                                              nullable=False, index=True)
    decided_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    criteria_version: Mapped[str] = mapped_column(String(100), nullable=False)
    decision: Mapped[str] = mapped_column(String(20), nullable=False)
    path: Mapped[str] = mapped_column(String(40), nullable=False)
    measure: Mapped[str] = mapped_column(String(20), nullable=False)
    measure_text: Mapped[str] = mapped_column(Text, default="", nullable=False)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    citation: Mapped[str] = mapped_column(Text, default="", nullable=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    overridden: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    original_decision: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    motivation: Mapped[str] = mapped_column(Text, default="", nullable=False)


class WorkOrderRow(VersionedMixin, Base):
    __tablename__ = "work_order"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), nullable=True, index=True)
    tree_id: Mapped[int | None] = mapped_column(ForeignKey("tree.id"), nullable=True, index=True)
    inspection_id: Mapped[int | None] = mapped_column(
        ForeignKey("inspection.id", ondelete="SET NULL", name="fk_work_order_inspection"),
        nullable=True, index=True)
    origin: Mapped[str] = mapped_column(String(30), default="melding", server_default="melding",
                                        nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    measure: Mapped[str] = mapped_column(String(20), nullable=False)
    omschrijving: Mapped[str] = mapped_column(Text, default="", nullable=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="open", nullable=False)
    type: Mapped[str] = mapped_column(String(30), default="overig", nullable=False)
    wijk: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    aannemer: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    remark: Mapped[str] = mapped_column(Text, default="", nullable=False)
    __table_args__ = (Index("ix_work_order_status", "status"),
                      Index("ix_work_order_aannemer", "aannemer"),
                      Index("ix_work_order_wijk", "wijk"))
