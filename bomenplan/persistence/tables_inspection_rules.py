"""The municipality's controle intervals per omgevingsrisicoklasse (migration 0034_inspdue);
a class without a row follows the shipped table in domain/inspection_rules.py."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bomenplan.persistence.tables import Base, VersionedMixin


class InspectionRuleRow(VersionedMixin, Base):
    __tablename__ = "inspection_rule"
    omgevingsrisicoklasse: Mapped[str] = mapped_column(String(20), primary_key=True)
    regular_months: Mapped[int] = mapped_column(Integer, nullable=False)
    attentieboom_months: Mapped[int] = mapped_column(Integer, nullable=False)
    measure_days: Mapped[int] = mapped_column(Integer, nullable=False)
