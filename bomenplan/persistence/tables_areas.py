"""Rows of the area boundaries (CBS buurten and wijken): one polygon per row, WKB in RD New."""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base


class AreaBoundaryRow(Base):
    __tablename__ = "area_boundary"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), index=True, nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    code: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    parent: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    geom: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
