"""Exports of complaints: CSV and the overview PDF input. Built from Complaint records and the
decision log only — personal data (Complainant) is never read here."""

from __future__ import annotations

from pathlib import Path

from bomenplan.domain.complaints import ComplaintRecord
from bomenplan.services.csv_output import write_csv

EXPORT_COLUMNS = ("id", "datum", "kanaal", "categorieen", "tekst", "status", "wijk", "bomen",
                  "boomnummer", "eigenaar", "soort", "besluit")


def complaints_with_decisions(uow) -> tuple[list[ComplaintRecord], dict[int, str]]:
    with uow:
        return uow.complaints.list(), uow.triage_log.latest_decisions()


def export_complaints_csv(uow, path: Path) -> int:
    records, decisions = complaints_with_decisions(uow)
    rows = []
    for r in records:
        c, f = r.complaint, r.facts
        rows.append([c.id, c.datum.isoformat(), str(c.kanaal), "|".join(map(str, c.categories)),
                     c.tekst, str(c.status), c.wijk, "|".join(map(str, c.tree_ids)), f.boomnummer,
                     str(f.eigenaar), f.soort, decisions.get(c.id, "")])
    write_csv(path, EXPORT_COLUMNS, rows)
    return len(records)
