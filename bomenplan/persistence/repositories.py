"""SQL repositories for inspections, the change log and species."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bomenplan.domain.species import Species
from bomenplan.domain.tree import FieldChange, Inspection
from bomenplan.persistence.mappers import inspection_to_domain, species_to_domain
from bomenplan.persistence.tables import ChangeLogRow, InspectionRow, SpeciesRow


class SqlInspectionRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, inspection: Inspection) -> Inspection:
        row = InspectionRow(
            tree_id=inspection.tree_id, datum=inspection.datum, inspecteur=inspection.inspecteur,
            boomveiligheidsklasse=str(inspection.boomveiligheidsklasse),
            gebreken="\n".join(inspection.gebreken), maatregelen="\n".join(inspection.maatregelen),
            volgende_controle=inspection.volgende_controle, opmerkingen=inspection.opmerkingen,
            maatregel_uiterlijk=inspection.maatregel_uiterlijk, version=1, updated_at=datetime.now())
        self.session.add(row)
        self.session.flush()
        return inspection_to_domain(row)

    def remove(self, inspection_id: int) -> None:
        row = self.session.get(InspectionRow, inspection_id)
        if row is not None:
            self.session.delete(row)
            self.session.flush()

    def for_tree(self, tree_id: int) -> list[Inspection]:
        rows = self.session.scalars(select(InspectionRow).where(InspectionRow.tree_id == tree_id)
                                    .order_by(InspectionRow.datum.desc(), InspectionRow.id.desc()))
        return [inspection_to_domain(r) for r in rows]


class SqlChangeLog:
    def __init__(self, session: Session, default_user: str = ""):
        self.session = session
        self.default_user = default_user  # who acts: signs entries that name nobody

    def record(self, changes: list[FieldChange]) -> None:
        self.session.add_all(ChangeLogRow(
            entity=c.entity, entity_id=c.entity_id, field=c.field, old=c.old, new=c.new,
            changed_at=datetime.fromisoformat(c.changed_at), user=c.user or self.default_user,
            reason=c.reason, entity_version=c.version)
            for c in changes)
        self.session.flush()

    def for_entity(self, entity: str, entity_id: int) -> list[FieldChange]:
        rows = self.session.scalars(
            select(ChangeLogRow).where(ChangeLogRow.entity == entity,
                                       ChangeLogRow.entity_id == entity_id)
            .order_by(ChangeLogRow.changed_at.desc(), ChangeLogRow.id.desc()))
        return [_change(r) for r in rows]

    def since_version(self, entity: str, entity_id: int, version: int) -> list[FieldChange]:
        """Entries that produced a version after `version`, oldest first (save conflicts); entries
        without a version (bulk import updates) count when they follow the last one up to `version`."""
        of_entity = (ChangeLogRow.entity == entity, ChangeLogRow.entity_id == entity_id)
        anchor = (select(func.max(ChangeLogRow.id))
                  .where(*of_entity, ChangeLogRow.entity_version <= version).scalar_subquery())
        rows = self.session.scalars(
            select(ChangeLogRow).where(*of_entity, or_(
                ChangeLogRow.entity_version > version,
                and_(ChangeLogRow.entity_version.is_(None), ChangeLogRow.id > anchor)))
            .order_by(ChangeLogRow.id))
        return [FieldChange(entity=r.entity, entity_id=r.entity_id, field=r.field, old=r.old, new=r.new,
                            changed_at=r.changed_at.isoformat(timespec="seconds"), user=r.user,
                            reason=r.reason, version=r.entity_version) for r in rows]

    def query(self, wanted, limit: int) -> list[FieldChange]:
        """Entries matching an AuditFilter (services/audit.py), newest first; each filter can
        use an index (ix_change_log_entity, ix_change_log_user, ix_change_log_changed_at)."""
        log = ChangeLogRow
        q = select(log.entity, log.entity_id, log.field, log.old, log.new, log.changed_at, log.user,
                   log.reason)  # plain rows: no ORM identity map for up to 100k entries
        subject = []
        if wanted.entity:
            subject.append(log.entity == wanted.entity)
        if wanted.entity_id is not None:
            subject.append(log.entity_id == wanted.entity_id)
        if subject:
            q = q.where(or_(and_(*subject), *(and_(log.entity == e, log.entity_id == i)
                                              for e, i in wanted.also)))
        if wanted.user:  # "Naam" or "Naam (rol, team)": a range scan on the index
            q = q.where(or_(log.user == wanted.user,
                            and_(log.user >= wanted.user + " (", log.user < wanted.user + " )")))
        if wanted.since is not None:
            q = q.where(log.changed_at >= datetime.combine(wanted.since, time()))
        if wanted.until is not None:
            q = q.where(log.changed_at < datetime.combine(wanted.until + timedelta(days=1), time()))
        q = q.order_by(log.changed_at.desc(), log.id.desc()).limit(limit)
        return [_change(r) for r in self.session.execute(q)]

    def entities(self) -> list[str]:
        return list(self.session.scalars(select(ChangeLogRow.entity).distinct()
                                         .order_by(ChangeLogRow.entity)))


def _change(r) -> FieldChange:
    """A ChangeLogRow, or a plain row with its columns, as a FieldChange."""
    return FieldChange(entity=r.entity, entity_id=r.entity_id, field=r.field, old=r.old,
                       new=r.new, changed_at=r.changed_at.isoformat(timespec="seconds"),
                       user=r.user, reason=r.reason)


class SqlSpeciesRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self) -> list[Species]:
        rows = self.session.scalars(select(SpeciesRow).order_by(SpeciesRow.scientific_name,
                                                                 SpeciesRow.cultivar))
        return [species_to_domain(r) for r in rows]

    def add(self, species: Species) -> Species:
        row = SpeciesRow(scientific_name=species.scientific_name, dutch_name=species.dutch_name,
                         cultivar=species.cultivar, genus=species.genus, family=species.family,
                         grootteklasse=str(species.grootteklasse), version=1,
                         updated_at=datetime.now())
        self.session.add(row)
        self.session.flush()
        return species_to_domain(row)
