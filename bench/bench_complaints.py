"""Benchmark: triage of a 10,000-complaint backlog and re-examination over 10,000 past complaints.

Targets (issue 6): each ≤ 2 s. Run: python bench/bench_complaints.py
"""

from __future__ import annotations

import csv
import random
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from bomenplan.domain.complaints import (
    Channel,
    ClearanceOver,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    ComplaintRecord,
    TreeOwner,
)
from bomenplan.domain.criteria import Condition, CriteriaStatus
from bomenplan.domain.reexamination import reexamine
from bomenplan.domain.triage import compile_criteria, evaluate_complaint
from bomenplan.services.complaint_backlog import read_backlog, triage_rows, write_decisions
from bomenplan.services.criteria_defaults import default_criteria

N = 10_000


def generated_history(n: int, seed: int = 6) -> list[ComplaintRecord]:
    rnd = random.Random(seed)
    categories = list(ComplaintCategory)
    records = []
    for i in range(n):
        cats = tuple(rnd.sample(categories, rnd.choice((1, 1, 1, 2))))
        facts = ComplaintFacts(
            eigenaar=rnd.choice([TreeOwner.GEMEENTE] * 8 + [TreeOwner.PARTICULIER, TreeOwner.ONBEKEND]),
            boomnummer=f"ASN-{i}", afstand_gevel_m=rnd.choice([None, rnd.uniform(0, 4)]),
            doorrijhoogte_over=rnd.choice([None, *ClearanceOver]),
            doorrijhoogte_m=rnd.choice([None, rnd.uniform(1.5, 6)]),
            dood_hout=rnd.choice([None, True, False]))
        complaint = Complaint(i + 1, date(2020 + i % 7, 1 + i % 12, 1), Channel.EMAIL, cats,
                              rnd.choice(["", "ook over mijn zonnepanelen", "takken"]), (i + 1,))
        records.append(ComplaintRecord(complaint, facts))
    return records


def concept_from(active):
    rules = tuple(replace(r, conditions=tuple(
        Condition(c.field, c.op, 2.0) if c.field == "afstand_gevel_m" and c.op != "onbekend" else c
        for c in r.conditions)) for r in active.rules)
    return active.with_changes(label="concept 2 m", status=CriteriaStatus.CONCEPT, rules=rules)


def write_backlog_csv(path: Path, records: list[ComplaintRecord]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["id", "category", "text", "eigenaar", "afstand_gevel_m",
                    "vrije_doorrijhoogte_over", "vrije_doorrijhoogte_m", "dood_hout"])
        for r in records:
            f = r.facts
            w.writerow([r.complaint.id, "|".join(map(str, r.complaint.categories)), r.complaint.tekst,
                        "" if f.eigenaar is TreeOwner.ONBEKEND else str(f.eigenaar),
                        "" if f.afstand_gevel_m is None else f"{f.afstand_gevel_m:.2f}",
                        f.doorrijhoogte_over or "",
                        "" if f.doorrijhoogte_m is None else f"{f.doorrijhoogte_m:.2f}",
                        {None: "", True: "ja", False: "nee"}[f.dood_hout]])


def main() -> None:
    active = default_criteria()
    concept = concept_from(active)
    history = generated_history(N)

    t0 = time.perf_counter()
    compiled = compile_criteria(active)
    decisions = [evaluate_complaint(r.complaint, r.facts, compiled) for r in history]
    t_triage = time.perf_counter() - t0
    work_orders = sum(d.creates_work_order for d in decisions)
    print(f"triage of {N:,} complaints (domain): {t_triage:.3f} s  "
          f"({work_orders:,} work orders)  target ≤ 2 s")

    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "backlog.csv", Path(tmp) / "decisions.csv"
        write_backlog_csv(source, history)
        t0 = time.perf_counter()
        rows, errors = read_backlog(source, None)
        write_decisions(target, triage_rows(rows, active))
        t_csv = time.perf_counter() - t0
    print(f"batch triage CSV → CSV of {N:,} rows (parse + triage + write): {t_csv:.3f} s  "
          f"({len(errors)} rejected)  target ≤ 2 s")

    t0 = time.perf_counter()
    result = reexamine(active, concept, history)
    t_re = time.perf_counter() - t0
    old, new = result.work_order_totals()
    print(f"re-examination of 2 versions over {N:,} complaints: {t_re:.3f} s  "
          f"({result.changed_count:,} decisions change; work orders {old:,} → {new:,})  target ≤ 2 s")

    with tempfile.TemporaryDirectory() as tmp:
        bench_text_only(Path(tmp), active)
        bench_stored(Path(tmp) / "bench.sqlite", history, concept)


PHRASES = ("Er hangt een dode tak boven de stoep", "De takken schuren over ons dak",
           "De wortels drukken de stoep omhoog, ik ben gestruikeld", "Veel schaduw in de tuin",
           "De hele vogelkers zit onder het spinsel", "Rupsen in de eik bij de basisschool",
           "Mijn auto zit onder de vogelpoep", "Bladeren in de goot", "De boom staat scheef",
           "De boom van de buren hangt over mijn tuin", "geen dode takken maar wel veel blad")


def bench_text_only(tmp: Path, active) -> None:
    """Batch triage with only text and locatie, every text distinct (no cache can help)."""
    from bomenplan.domain.complaint_text_facts import find_text_facts

    rnd = random.Random(10)
    source, target = tmp / "text_only.csv", tmp / "text_decisions.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["id", "category", "text", "locatie"])
        for i in range(N):
            text = ". ".join(rnd.sample(PHRASES, 2)) + f" (melding {i})"
            w.writerow([i, "", text, f"Straat {i}"])
    find_text_facts.cache_clear()
    t0 = time.perf_counter()
    rows, errors = read_backlog(source, None)
    write_decisions(target, triage_rows(rows, active))
    t_text = time.perf_counter() - t0
    print(f"batch triage from text only, {N:,} distinct texts (parse + read text + triage + write): "
          f"{t_text:.3f} s  ({len(errors)} rejected)  target ≤ 2 s")


def bench_stored(db: Path, history: list[ComplaintRecord], concept) -> None:
    """The same comparison through the service, loading the 10,000 complaints from SQLite."""
    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork
    from bomenplan.services.criteria_admin import active_criteria, reexamine_concept, save_concept

    engine, sessions = open_database(db)
    uow = SqlUnitOfWork(sessions)
    active_criteria(uow)
    save_concept(uow, concept)
    with uow:  # complaints without linked trees: the register is not part of this benchmark
        for r in history:
            uow.complaints.add(replace(r.complaint, id=None, tree_ids=()), r.facts)
        uow.commit()
    t0 = time.perf_counter()
    result = reexamine_concept(uow, concept.label)
    t_db = time.perf_counter() - t0
    print(f"re-examination via service, {result.total:,} complaints loaded from SQLite: "
          f"{t_db:.3f} s  ({result.changed_count:,} decisions change)  target ≤ 2 s")
    engine.dispose()


if __name__ == "__main__":
    main()
