"""Rows of the base map (ondergrond) drawn under the trees: one polygon per row, WKB in RD New."""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base


class BaseMapRow(Base):
    __tablename__ = "base_map_feature"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    layer: Mapped[str] = mapped_column(String(20), index=True, nullable=False)
    name: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    kind: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    geom: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
