"""Rows of the replanting advice: location facts of a laan that change the advice (monumental:
statigheid weighs as on the hoofdbomenstructuur; near a play area or school: no poisonous or
thorny taxa)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base


class LaanSiteRow(Base):
    __tablename__ = "laan_site"
    laan_id: Mapped[int] = mapped_column(ForeignKey("laan.id", ondelete="CASCADE"), primary_key=True)
    monumental: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    near_play_or_school: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    user: Mapped[str] = mapped_column(String(120), default="", nullable=False)
