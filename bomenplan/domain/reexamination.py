"""Re-examination ("tegen het licht houden"): a concept criteria version against the active one
over all past complaints — which decisions change and what that means in work orders per year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bomenplan.domain.complaints import ComplaintRecord
from bomenplan.domain.criteria import CriteriaVersion, Decision
from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from bomenplan.domain.triage import compile_criteria, evaluate_complaint


@dataclass(frozen=True)
class DecisionChange:
    complaint_id: int | None
    year: int
    categories: str
    old: Decision
    new: Decision
    old_reason: str
    new_reason: str


@dataclass(frozen=True)
class Reexamination:
    active_label: str
    concept_label: str
    total: int
    changes: tuple[DecisionChange, ...]
    transitions: dict[tuple[Decision, Decision], int]  # (old, new) → count, changes only
    work_orders_per_year: dict[int, tuple[int, int]]  # year → (active, concept)

    @property
    def changed_count(self) -> int:
        return len(self.changes)

    def work_order_totals(self) -> tuple[int, int]:
        return (sum(a for a, _ in self.work_orders_per_year.values()),
                sum(c for _, c in self.work_orders_per_year.values()))


def reexamine(active: CriteriaVersion, concept: CriteriaVersion, history: Iterable[ComplaintRecord],
              progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
              ) -> Reexamination:
    records = list(history)
    old_rules, new_rules = compile_criteria(active), compile_criteria(concept)
    changes: list[DecisionChange] = []
    old_orders: Counter[int] = Counter()
    new_orders: Counter[int] = Counter()
    years: set[int] = set()
    step = max(1, len(records) // 100)
    for i, record in enumerate(records):
        if i % step == 0:
            check_cancelled(cancelled)
            progress(i / max(1, len(records)))
        complaint = record.complaint
        year = complaint.datum.year
        years.add(year)
        old = evaluate_complaint(complaint, record.facts, old_rules)
        new = evaluate_complaint(complaint, record.facts, new_rules)
        old_orders[year] += old.decision is Decision.INGRIJPEN
        new_orders[year] += new.decision is Decision.INGRIJPEN
        if old.decision is not new.decision:
            changes.append(DecisionChange(complaint.id, year,
                                          ", ".join(str(c) for c in complaint.categories),
                                          old.decision, new.decision, old.reason, new.reason))
    progress(1.0)
    transitions = Counter((c.old, c.new) for c in changes)
    per_year = {y: (old_orders[y], new_orders[y]) for y in sorted(years)}
    return Reexamination(active.label, concept.label, len(records), tuple(changes),
                         dict(transitions), per_year)
