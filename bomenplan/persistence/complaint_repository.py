"""SQL repositories for complaints, complainants (personal data), triage log and work orders."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bomenplan.domain.complaint_log import TriageEntry
from bomenplan.domain.complaints import (
    Channel,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    ComplaintRecord,
    ComplaintStatus,
)
from bomenplan.domain.criteria import Decision, Measure
from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.triage import Intervention, TriagePath
from bomenplan.persistence.tables_complaints import (
    ComplainantRow,
    ComplaintRow,
    ComplaintTreeRow,
    TriageDecisionRow,
)
from bomenplan.persistence.work_order_repository import SqlWorkOrders


def _to_record(row: ComplaintRow, tree_ids: tuple[int, ...]) -> ComplaintRecord:
    complaint = Complaint(
        id=row.id, datum=row.datum, kanaal=Channel(row.kanaal),
        categories=tuple(ComplaintCategory(c) for c in row.categories.split(";")),
        tekst=row.tekst, tree_ids=tree_ids, status=ComplaintStatus(row.status), wijk=row.wijk,
        photos=tuple(p for p in row.photos.split("\n") if p), version=row.version)
    return ComplaintRecord(complaint, ComplaintFacts.from_dict(json.loads(row.facts_json)))


def _fill(row: ComplaintRow, complaint: Complaint, facts: ComplaintFacts) -> None:
    row.datum, row.kanaal, row.tekst = complaint.datum, str(complaint.kanaal), complaint.tekst
    row.categories = ";".join(str(c) for c in complaint.categories)
    row.status, row.wijk = str(complaint.status), complaint.wijk
    row.photos = "\n".join(complaint.photos)
    row.facts_json = json.dumps(facts.to_dict(), ensure_ascii=False)
    row.updated_at = datetime.now()


class SqlComplaintRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, complaint: Complaint, facts: ComplaintFacts) -> ComplaintRecord:
        row = ComplaintRow(version=1)
        _fill(row, complaint, facts)
        self.session.add(row)
        self.session.flush()
        self.session.add_all(ComplaintTreeRow(complaint_id=row.id, tree_id=t)
                             for t in complaint.tree_ids)
        self.session.flush()
        return _to_record(row, complaint.tree_ids)

    def update(self, complaint: Complaint, facts: ComplaintFacts) -> ComplaintRecord:
        row = self.session.get(ComplaintRow, complaint.id)
        if row is None:
            raise NotFound(f"melding {complaint.id}")
        if row.version != complaint.version:
            raise ConcurrentEditError(f"melding {complaint.id} is intussen gewijzigd")
        _fill(row, complaint, facts)
        row.version += 1
        self.session.execute(delete(ComplaintTreeRow).where(ComplaintTreeRow.complaint_id == row.id))
        self.session.add_all(ComplaintTreeRow(complaint_id=row.id, tree_id=t)
                             for t in complaint.tree_ids)
        self.session.flush()
        return _to_record(row, complaint.tree_ids)

    def get(self, complaint_id: int) -> ComplaintRecord:
        row = self.session.get(ComplaintRow, complaint_id)
        if row is None:
            raise NotFound(f"melding {complaint_id} bestaat niet")
        trees = self.session.scalars(select(ComplaintTreeRow.tree_id)
                                     .where(ComplaintTreeRow.complaint_id == complaint_id))
        return _to_record(row, tuple(sorted(trees)))

    def list(self, status: ComplaintStatus | None = None) -> list[ComplaintRecord]:
        query = select(ComplaintRow).order_by(ComplaintRow.datum, ComplaintRow.id)
        if status is not None:
            query = query.where(ComplaintRow.status == str(status))
        links: dict[int, list[int]] = {}
        for cid, tid in self.session.execute(select(ComplaintTreeRow.complaint_id,
                                                    ComplaintTreeRow.tree_id)):
            links.setdefault(cid, []).append(tid)
        return [_to_record(r, tuple(sorted(links.get(r.id, ())))) for r in self.session.scalars(query)]

    def counts_per_tree(self, open_only: bool = True) -> dict[int, int]:
        query = (select(ComplaintTreeRow.tree_id, func.count())
                 .join(ComplaintRow, ComplaintRow.id == ComplaintTreeRow.complaint_id)
                 .group_by(ComplaintTreeRow.tree_id))
        if open_only:
            query = query.where(ComplaintRow.status != str(ComplaintStatus.AFGEHANDELD))
        return dict(self.session.execute(query).all())


class SqlComplainantRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, person: Complainant) -> None:
        self.session.add(ComplainantRow(
            complaint_id=person.complaint_id, naam=person.naam, adres=person.adres,
            postcode=person.postcode, plaats=person.plaats, telefoon=person.telefoon,
            email=person.email, purge_after=person.purge_after))
        self.session.flush()

    def for_complaint(self, complaint_id: int) -> Complainant | None:
        row = self.session.scalar(select(ComplainantRow)
                                  .where(ComplainantRow.complaint_id == complaint_id))
        if row is None:
            return None
        return Complainant(row.complaint_id, row.naam, row.adres, row.postcode, row.plaats,
                           row.telefoon, row.email, row.purge_after)

    def due(self, today: date) -> list[int]:
        """Ids of the complaints whose complainant's retention ended before or on `today`."""
        return list(self.session.scalars(select(ComplainantRow.complaint_id)
                                         .where(ComplainantRow.purge_after <= today)))

    def purge(self, today: date) -> int:
        """Delete personal data whose retention ended before or on `today`."""
        result = self.session.execute(delete(ComplainantRow).where(ComplainantRow.purge_after <= today))
        self.session.flush()
        return result.rowcount or 0


class SqlTriageLog:
    def __init__(self, session: Session):
        self.session = session

    def record(self, entry: TriageEntry) -> None:
        i = entry.intervention
        self.session.add(TriageDecisionRow(
            complaint_id=entry.complaint_id, decided_at=datetime.fromisoformat(entry.decided_at),
            user=entry.user, criteria_version=i.version, decision=str(i.decision),
            path=str(i.path), measure=str(i.measure), measure_text=i.measure_text,
            reason=i.reason, citation=i.citation, urgent=i.urgent, overridden=entry.overridden,
            original_decision=str(entry.original_decision or ""), motivation=entry.motivation))
        self.session.flush()

    def for_complaint(self, complaint_id: int) -> list[TriageEntry]:
        """Newest first."""
        rows = self.session.scalars(select(TriageDecisionRow)
                                    .where(TriageDecisionRow.complaint_id == complaint_id)
                                    .order_by(TriageDecisionRow.id.desc()))
        return [TriageEntry(
            r.id, r.complaint_id, r.decided_at.isoformat(timespec="seconds"), r.user,
            Intervention(Decision(r.decision), r.reason, Measure(r.measure), r.measure_text,
                         r.citation, r.criteria_version, TriagePath(r.path), r.urgent),
            r.overridden, Decision(r.original_decision) if r.original_decision else None,
            r.motivation) for r in rows]

    def latest_decisions(self) -> dict[int, str]:
        """complaint id → its newest decision code."""
        newest = (select(func.max(TriageDecisionRow.id)).group_by(TriageDecisionRow.complaint_id))
        rows = self.session.execute(select(TriageDecisionRow.complaint_id, TriageDecisionRow.decision)
                                    .where(TriageDecisionRow.id.in_(newest)))
        return dict(rows.all())


def attach_complaint_repositories(uow, session: Session) -> None:
    """Called from SqlUnitOfWork._extend."""
    from bomenplan.persistence.criteria_repository import SqlCriteriaRepository

    uow.complaints = SqlComplaintRepository(session)
    uow.complainants = SqlComplainantRepository(session)
    uow.criteria = SqlCriteriaRepository(session)
    uow.triage_log = SqlTriageLog(session)
    uow.work_orders = SqlWorkOrders(session)
