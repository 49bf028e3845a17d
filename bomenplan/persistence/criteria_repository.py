"""Criteria versions stored as rows with their rules as JSON text."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bomenplan.domain.criteria import CriteriaStatus, CriteriaVersion
from bomenplan.domain.criteria_json import rules_from_json, rules_to_json
from bomenplan.domain.errors import ConcurrentEditError, NotFound, ValidationError
from bomenplan.persistence.tables_complaints import CriteriaVersionRow


def _to_domain(row: CriteriaVersionRow) -> CriteriaVersion:
    return CriteriaVersion(
        label=row.label, rules=rules_from_json(row.rules_json), status=CriteriaStatus(row.status),
        auteur=row.auteur, aangemaakt_op=row.aangemaakt_op, vastgesteld_op=row.vastgesteld_op,
        toelichting=row.toelichting, id=row.id)


def _fill(row: CriteriaVersionRow, version: CriteriaVersion) -> None:
    row.label, row.status, row.auteur = version.label, str(version.status), version.auteur
    row.aangemaakt_op, row.vastgesteld_op = version.aangemaakt_op, version.vastgesteld_op
    row.toelichting, row.rules_json = version.toelichting, rules_to_json(version.rules)
    row.updated_at = datetime.now()


class SqlCriteriaRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self) -> list[CriteriaVersion]:
        return [_to_domain(r) for r in self.session.scalars(
            select(CriteriaVersionRow).order_by(CriteriaVersionRow.id))]

    def get(self, label: str) -> CriteriaVersion:
        row = self.session.scalar(select(CriteriaVersionRow).where(CriteriaVersionRow.label == label))
        if row is None:
            raise NotFound(f"criteriaversie '{label}'")
        return _to_domain(row)

    def add(self, version: CriteriaVersion) -> CriteriaVersion:
        if self.session.scalar(select(CriteriaVersionRow.id)
                               .where(CriteriaVersionRow.label == version.label)):
            raise ValidationError("versie", f"'{version.label}' bestaat al")
        row = CriteriaVersionRow(version=1)
        _fill(row, version)
        self.session.add(row)
        self.session.flush()
        return _to_domain(row)

    def update(self, version: CriteriaVersion) -> CriteriaVersion:
        row = self.session.get(CriteriaVersionRow, version.id)
        if row is None:
            raise NotFound(f"criteriaversie '{version.label}'")
        if row.status == str(CriteriaStatus.VASTGESTELD):
            raise ConcurrentEditError(f"versie '{row.label}' is vastgesteld en kan niet meer wijzigen")
        _fill(row, version)
        row.version += 1
        self.session.flush()
        return _to_domain(row)

    def remove(self, label: str) -> None:
        row = self.session.scalar(select(CriteriaVersionRow).where(CriteriaVersionRow.label == label))
        if row is not None and row.status == str(CriteriaStatus.CONCEPT):
            self.session.delete(row)
            self.session.flush()

    def active(self) -> CriteriaVersion | None:
        """The most recently adopted version."""
        row = self.session.scalar(
            select(CriteriaVersionRow).where(CriteriaVersionRow.status == str(CriteriaStatus.VASTGESTELD))
            .order_by(CriteriaVersionRow.vastgesteld_op.desc(), CriteriaVersionRow.id.desc()).limit(1))
        return None if row is None else _to_domain(row)
