"""Worker functions of the Bomenbank dock. Each captures plain data only (the unit-of-work
factory, ids, a path, a year) and returns plain results or a Dutch error text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bomenplan.domain.errors import BomenplanError
from bomenplan.services import bomenbank as svc
from bomenplan.services import fund
from bomenplan.services.bomenbank_import import import_bank_csv


def load_job(factory, on: date):
    def job(progress, _cancelled):
        bank = svc.list_bank(factory())
        progress(0.2)
        return bank, svc.match(factory(), on)
    return job


def add_job(factory, tree_ids: list[int]):
    def job(_progress, _cancelled):
        try:
            return len(svc.bank_from_register(factory(), tree_ids))
        except BomenplanError as exc:
            return str(exc)
    return job


def import_job(factory, path: Path):
    def job(_progress, _cancelled):
        try:
            return len(import_bank_csv(factory, path))
        except (BomenplanError, OSError) as exc:
            return str(exc)
    return job


def fund_job(factory, year: int):
    def job(_progress, _cancelled):
        return fund.statement(factory(), year)
    return job
