"""Rows of offline field work (issue 15 §4).

In a field file: `field_checkout` (one row: where from, who, when, which scope) and `field_base`
(every checked-out row's values at checkout = the base of the three-way merge at check-in).
On the server: `field_hold`, which trees are out in the field with whom; `field_checkin`, the
completed check-ins, written in the same transaction as the
check-in's changes, so a re-run after an interruption never writes twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base


class FieldCheckoutRow(Base):
    __tablename__ = "field_checkout"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(40), nullable=False)  # names this checkout's check-ins
    source_url: Mapped[str] = mapped_column(Text, nullable=False)  # without password
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    checked_out_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    scope: Mapped[str] = mapped_column(Text, nullable=False)  # e.g. "wijk Centrum"
    tree_count: Mapped[int] = mapped_column(Integer, nullable=False)
    checkin_seq: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    pending_checkin: Mapped[str] = mapped_column(String(80), default="", nullable=False)


class FieldBaseRow(Base):
    __tablename__ = "field_base"
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)  # tree, site, standplaats, inspection
    entity_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    values_json: Mapped[str] = mapped_column(Text, default="", nullable=False)


class FieldCheckinRow(Base):
    __tablename__ = "field_checkin"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # "<checkout token>-<seq>"
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    checked_in_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    field_file: Mapped[str] = mapped_column(Text, default="", nullable=False)
    written_fields: Mapped[int] = mapped_column(Integer, nullable=False)
    inspections: Mapped[int] = mapped_column(Integer, nullable=False)
    conflicts: Mapped[int] = mapped_column(Integer, nullable=False)
    outcome_json: Mapped[str] = mapped_column(Text, nullable=False)  # what the field file must take over


class FieldHoldRow(Base):
    """A tree checked out to the field (office users see "in het veld bij …")."""

    __tablename__ = "field_hold"
    tree_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    holder: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    scope: Mapped[str] = mapped_column(Text, default="", nullable=False)
    since: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class FieldIdMapRow(Base):
    """In a field file: a tree, site, inspection or problem added in the field got this id on the
    server at check-in; later edits of it in the same copy go to that server row."""

    __tablename__ = "field_id_map"
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    field_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_id: Mapped[int] = mapped_column(Integer, nullable=False)
