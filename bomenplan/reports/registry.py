"""Hands the report writers to the services' registry; called by the composition root (app.py)."""

from __future__ import annotations

from bomenplan.reports.bomenbank_lists import write_bank_list, write_fund_statement
from bomenplan.reports.bomenbank_plan import write_plan
from bomenplan.reports.complaint_letter import write_letter
from bomenplan.reports.complaint_overview import write_overview
from bomenplan.services.report_writers import register_writer


def register_report_writers() -> None:
    register_writer("complaint_letter", write_letter)
    register_writer("complaint_overview", write_overview)
    register_writer("bomenbank_list", write_bank_list)
    register_writer("fund_statement", write_fund_statement)
    register_writer("bomenbank_plan", write_plan)
