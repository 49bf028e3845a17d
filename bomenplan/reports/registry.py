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


def register_report_writers() -> None:
    register_writer("complaint_letter", _write_letter)
    register_writer("complaint_overview", _write_overview)
    register_writer("plan_trees", _write_plan_trees)
