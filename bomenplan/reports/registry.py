"""Hands the report writers to the services' registry; called by the composition root (app.py).
The writers import reportlab on first use, not at start-up (~0.3 s)."""

from __future__ import annotations

from bomenplan.services.report_writers import register_writer


def _write_letter(*args, **kwargs):
    from bomenplan.reports.complaint_letter import write_letter

    return write_letter(*args, **kwargs)


def _write_overview(*args, **kwargs):
    from bomenplan.reports.complaint_overview import write_overview

    return write_overview(*args, **kwargs)


def _write_plan_trees(*args, **kwargs):
    from bomenplan.reports.plan_trees_pdf import write_plan_trees

    return write_plan_trees(*args, **kwargs)


def _write_bank_list(*args, **kwargs):
    from bomenplan.reports.bomenbank_lists import write_bank_list

    return write_bank_list(*args, **kwargs)


def _write_fund_statement(*args, **kwargs):
    from bomenplan.reports.bomenbank_lists import write_fund_statement

    return write_fund_statement(*args, **kwargs)


def _write_bank_plan(*args, **kwargs):
    from bomenplan.reports.bomenbank_plan import write_plan

    return write_plan(*args, **kwargs)


def _write_work_list(*args, **kwargs):
    from bomenplan.reports.work_list_pdf import write_work_list_pdf

    return write_work_list_pdf(*args, **kwargs)


def _write_bomenplan(*args, **kwargs):
    from bomenplan.reports.bomenplan_report import write_bomenplan

    return write_bomenplan(*args, **kwargs)


def _write_inspection_route(*args, **kwargs):
    from bomenplan.reports.inspection_route_pdf import write_route_pdf

    return write_route_pdf(*args, **kwargs)


def register_report_writers() -> None:
    register_writer("complaint_letter", _write_letter)
    register_writer("complaint_overview", _write_overview)
    register_writer("plan_trees", _write_plan_trees)
    register_writer("bomenbank_list", _write_bank_list)
    register_writer("fund_statement", _write_fund_statement)
    register_writer("bomenbank_plan", _write_bank_plan)
    register_writer("work_list", _write_work_list)
    register_writer("bomenplan", _write_bomenplan)
    register_writer("inspection_route", _write_inspection_route)
