"""Batch triage of a complaint backlog from a previous system (CSV in, decisions CSV out).

Input columns (header row; ',' or ';' separated; decimal comma allowed):
  id, category (several joined with '|'; may be empty: the text then decides), text, and either
  boomnummer or the facts:
  eigenaar (gemeente/particulier/anders), soort, afstand_gevel_m, stamdiameter_cm,
  vrije_doorrijhoogte_over (rijbaan/fietspad/voetpad), vrije_doorrijhoogte_m, locatie;
  optional: datum (YYYY-MM-DD), dood_hout (ja/nee).
Output per id: besluit, reden, maatregel, maatregel_tekst, bron, criteriaversie, route, urgent,
feiten_uit_tekst (the facts read from text and locatie, each with the words that matched).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bomenplan.domain.complaints import (
    Channel,
    ClearanceOver,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
    owner_from_register,
    parse_enum,
)
from bomenplan.domain.criteria import CriteriaVersion
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.triage import Intervention, compile_criteria, evaluate_complaint
from bomenplan.services.criteria_admin import active_criteria
from bomenplan.services.csv_output import write_csv

ALIASES = {"category": ("category", "categorie"), "text": ("text", "tekst")}
OUTPUT_COLUMNS = ("id", "besluit", "reden", "maatregel", "maatregel_tekst", "bron",
                  "criteriaversie", "route", "urgent", "feiten_uit_tekst")


@dataclass(frozen=True)
class BacklogRow:
    line: int
    id: str
    complaint: Complaint
    facts: ComplaintFacts


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"regel {self.line}, veld {self.field}: {self.message}"


def _get(record: dict, name: str) -> str:
    for key in ALIASES.get(name, (name,)):
        if record.get(key):
            return record[key].strip()
    return ""


def _number(record: dict, name: str) -> float | None:
    text = _get(record, name).replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValidationError(name, f"'{text}' is geen getal") from None
    if not math.isfinite(value):
        raise ValidationError(name, f"'{text}' is geen getal")
    return value


def _yes_no(record: dict, name: str) -> bool | None:
    text = _get(record, name).lower()
    if not text:
        return None
    if text in ("ja", "j", "yes", "true", "1"):
        return True
    if text in ("nee", "n", "no", "false", "0"):
        return False
    raise ValidationError(name, f"'{text}' is geen ja/nee")


class RegisterIndex:
    """Boomnummer → facts from the register's column arrays."""

    def __init__(self, columns: RegisterColumns):
        self.columns = columns
        self.row_of = {str(n): i for i, n in enumerate(columns.boomnummer)}

    def facts(self, boomnummer: str) -> ComplaintFacts | None:
        i = self.row_of.get(boomnummer)
        if i is None:
            return None
        c = self.columns
        diameter = float(c.stamdiameter_cm[i])
        return ComplaintFacts(eigenaar=owner_from_register(str(c.eigenaar[i])),
                              soort=str(c.species_name[i]), boomnummer=boomnummer,
                              stamdiameter_cm=diameter if diameter > 0 else None,
                              locatie=str(c.straat[i]))


def parse_row(line: int, record: dict, register: RegisterIndex | None) -> BacklogRow:
    ident = _get(record, "id")
    if not ident:
        raise ValidationError("id", "ontbreekt")
    codes = [c for c in _get(record, "category").replace("+", "|").split("|") if c.strip()]
    if not codes and not _get(record, "text") and not _get(record, "locatie"):
        raise ValidationError("category", "ontbreekt (en er is geen tekst om uit af te leiden)")
    # no category: 'overig' until triage reads the categories from text and locatie
    categories = tuple(dict.fromkeys(parse_enum(ComplaintCategory, c, "category") for c in codes)) \
        or (ComplaintCategory.OVERIG,)
    over = _get(record, "vrije_doorrijhoogte_over")
    owner = _get(record, "eigenaar")
    facts = ComplaintFacts(
        eigenaar=parse_enum(TreeOwner, owner, "eigenaar") if owner else TreeOwner.ONBEKEND,
        soort=_get(record, "soort"), boomnummer=_get(record, "boomnummer"),
        afstand_gevel_m=_number(record, "afstand_gevel_m"),
        stamdiameter_cm=_number(record, "stamdiameter_cm"),
        doorrijhoogte_over=parse_enum(ClearanceOver, over, "vrije_doorrijhoogte_over") if over else None,
        doorrijhoogte_m=_number(record, "vrije_doorrijhoogte_m"),
        dood_hout=_yes_no(record, "dood_hout"), locatie=_get(record, "locatie"))
    if facts.boomnummer and register is not None:
        known = register.facts(facts.boomnummer)
        if known is None and facts.eigenaar is TreeOwner.ONBEKEND:
            raise ValidationError("boomnummer", f"'{facts.boomnummer}' staat niet in het register")
        if known is not None:
            facts = facts.filled_from(known)
    try:
        datum = date.fromisoformat(_get(record, "datum")) if _get(record, "datum") else date.today()
    except ValueError:
        raise ValidationError("datum", f"'{_get(record, 'datum')}' is geen datum (JJJJ-MM-DD)") from None
    complaint = Complaint(None, datum, Channel.WEBSITE, categories, _get(record, "text"))
    return BacklogRow(line, ident, complaint, facts)


def read_backlog(path: Path, register: RegisterIndex | None) -> tuple[list[BacklogRow], list[RowError]]:
    text = path.read_text(encoding="utf-8-sig")
    first = text.splitlines()[0] if text else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    header = {h.strip().lower() for h in reader.fieldnames or ()}
    if "id" not in header or not header & {"category", "categorie", "text", "tekst"}:
        return [], [RowError(1, "kopregel",
                             f"{path}: kolommen 'id' en 'category' (of 'text') zijn verplicht")]
    rows, errors = [], []
    for line, raw in enumerate(reader, start=2):
        record = {(k or "").strip().lower(): (v or "") for k, v in raw.items() if k}
        try:
            rows.append(parse_row(line, record, register))
        except ValidationError as exc:
            errors.append(RowError(line, exc.field, exc.message))
    return rows, errors


def triage_rows(rows: list[BacklogRow], criteria: CriteriaVersion) -> list[tuple[str, Intervention]]:
    compiled = compile_criteria(criteria)
    return [(row.id, evaluate_complaint(row.complaint, row.facts, compiled)) for row in rows]


def write_decisions(path: Path, results: list[tuple[str, Intervention]]) -> None:
    write_csv(path, OUTPUT_COLUMNS,
              ([ident, str(i.decision), i.reason, str(i.measure), i.measure_text, i.citation,
                i.version, str(i.path), "ja" if i.urgent else "nee", " | ".join(i.findings.describe())]
               for ident, i in results))


def triage_backlog(uow, source: Path, target: Path) -> tuple[int, list[RowError]]:
    """Triage every good row with the active criteria; returns (rows written, row errors)."""
    criteria = active_criteria(uow)
    with uow:
        register = RegisterIndex(uow.trees.columns())
    rows, errors = read_backlog(source, register)
    results = triage_rows(rows, criteria)
    write_decisions(target, results)
    return len(results), errors
