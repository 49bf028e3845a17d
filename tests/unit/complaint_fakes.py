"""In-memory complaint repositories on top of the register's FakeUnitOfWork."""

from __future__ import annotations

from dataclasses import replace

from fakes import FakeUnitOfWork

from bomenplan.domain.complaints import ComplaintRecord
from bomenplan.domain.criteria import CriteriaStatus
from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.work_orders import filter_orders


class FakeComplaints:
    def __init__(self):
        self.rows: dict[int, ComplaintRecord] = {}

    def add(self, complaint, facts):
        stored = ComplaintRecord(replace(complaint, id=len(self.rows) + 1, version=1), facts)
        self.rows[stored.complaint.id] = stored
        return stored

    def update(self, complaint, facts):
        stored = ComplaintRecord(replace(complaint, version=complaint.version + 1), facts)
        self.rows[complaint.id] = stored
        return stored

    def get(self, complaint_id):
        if complaint_id not in self.rows:
            raise NotFound(complaint_id)
        return self.rows[complaint_id]

    def list(self, status=None):
        return [r for r in self.rows.values() if status is None or r.complaint.status is status]


class FakeComplainants:
    def __init__(self):
        self.rows = {}

    def add(self, person):
        self.rows[person.complaint_id] = person

    def for_complaint(self, complaint_id):
        return self.rows.get(complaint_id)

    def due(self, today):
        return [k for k, p in self.rows.items() if p.purge_after and p.purge_after <= today]

    def purge(self, today):
        gone = [k for k, p in self.rows.items() if p.purge_after and p.purge_after <= today]
        for key in gone:
            del self.rows[key]
        return len(gone)


class FakeCriteria:
    def __init__(self):
        self.rows = []

    def list(self):
        return list(self.rows)

    def get(self, label):
        found = next((v for v in self.rows if v.label == label), None)
        if found is None:
            raise NotFound(f"criteriaversie '{label}'")
        return found

    def add(self, version):
        stored = replace(version, id=len(self.rows) + 1)
        self.rows.append(stored)
        return stored

    def update(self, version):
        self.rows = [version if v.id == version.id else v for v in self.rows]
        return version

    def active(self):
        adopted = [v for v in self.rows if v.status is CriteriaStatus.VASTGESTELD]
        return max(adopted, key=lambda v: (v.vastgesteld_op, v.id)) if adopted else None


class FakeTriageLog:
    def __init__(self):
        self.entries = []

    def record(self, entry):
        self.entries.append(replace(entry, id=len(self.entries) + 1))

    def for_complaint(self, complaint_id):
        return [e for e in reversed(self.entries) if e.complaint_id == complaint_id]


class FakeWorkOrders:
    def __init__(self):
        self.rows = []

    def add(self, order):
        stored = replace(order, id=len(self.rows) + 1)
        self.rows.append(stored)
        return stored

    def for_complaint(self, complaint_id):
        return [o for o in self.rows if o.complaint_id == complaint_id]

    def for_tree(self, tree_id):
        return [o for o in self.rows if o.tree_id == tree_id]

    def get(self, order_id):
        return self.rows[order_id - 1]

    def update(self, order):
        if self.rows[order.id - 1].version != order.version:
            raise ConcurrentEditError(f"werkorder {order.id}")
        self.rows[order.id - 1] = replace(order, version=order.version + 1)
        return self.rows[order.id - 1]

    def list(self, criteria, today):
        return filter_orders(self.rows, criteria, today)


def fake_complaint_uow() -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    uow.complaints, uow.complainants = FakeComplaints(), FakeComplainants()
    uow.criteria, uow.triage_log, uow.work_orders = FakeCriteria(), FakeTriageLog(), FakeWorkOrders()
    return uow
