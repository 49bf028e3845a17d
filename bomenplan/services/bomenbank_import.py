"""Fill the bomenbank from a CSV with the columns of `bomenbank list --out bank.csv`.

Every row is checked first; one bad row stops the import with a Dutch message naming file, line
and field, and nothing is stored (the bank is never half filled)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from bomenplan.domain.bomenbank import BankCondition, BankSource, BankStatus, BankTree, euros
from bomenplan.domain.errors import BomenplanError, ValidationError
from bomenplan.services.bomenbank import add_bank_trees

REQUIRED = ("code", "herkomst", "soort", "stamomtrek_cm", "x", "y")


class BankImportError(BomenplanError):
    """A row of the bank CSV is wrong; the message names file, line and field."""


def _number(text: str, field: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError(field, f"'{text}' is geen getal") from None


def _day(text: str, field: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        raise ValidationError(field, f"'{text}' is geen datum JJJJ-MM-DD") from None


def _choice(enum, text: str, field: str, default):
    if not text.strip():
        return default
    try:
        return enum(text.strip().lower())
    except ValueError:
        allowed = ", ".join(str(v) for v in enum)
        raise ValidationError(field, f"'{text}' is geen geldige waarde ({allowed})") from None


def parse_row(row: dict[str, str]) -> BankTree:
    for field in REQUIRED:
        if not (row.get(field) or "").strip():
            raise ValidationError(field, "ontbreekt")
    year = _number(row.get("plantjaar", ""), "plantjaar")
    return BankTree(
        id=None, code=row["code"].strip(), source=_choice(BankSource, row["herkomst"], "herkomst", None),
        species_name=row["soort"].strip(), stamomtrek_cm=_number(row["stamomtrek_cm"], "stamomtrek_cm"),
        x=_number(row["x"], "x"), y=_number(row["y"], "y"), location=row.get("locatie", "").strip(),
        hoogte_m=_number(row.get("hoogte_m", ""), "hoogte_m"), kluit=row.get("kluit", "").strip(),
        plantjaar=None if year is None else int(year),
        available_from=_day(row.get("beschikbaar_vanaf", ""), "beschikbaar_vanaf"),
        available_until=_day(row.get("beschikbaar_tot", ""), "beschikbaar_tot"),
        cost=euros(row.get("kosten_eur", "").strip() or "0"),
        condition=_choice(BankCondition, row.get("conditie", ""), "conditie", BankCondition.GOED),
        status=_choice(BankStatus, row.get("status", ""), "status", BankStatus.BESCHIKBAAR))


def read_bank_csv(path: Path) -> list[BankTree]:
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in REQUIRED if f not in (reader.fieldnames or [])]
        if missing:
            raise BankImportError(f"{path}: kolom(men) ontbreken: {', '.join(missing)}")
        trees = []
        for row in reader:
            try:
                trees.append(parse_row(row))
            except ValidationError as exc:
                raise BankImportError(f"{path}, regel {reader.line_num}, veld '{exc.field}': {exc.message}") from None
    return trees


def import_bank_csv(uow_factory, path: Path, user: str = "") -> list[BankTree]:
    trees = read_bank_csv(path)  # all rows valid before anything is stored
    return add_bank_trees(uow_factory(), trees, user)
