"""Hands the report writers to the services' registry; called by the composition root (app.py)."""

from __future__ import annotations

from bomenplan.reports.complaint_letter import write_letter
from bomenplan.reports.complaint_overview import write_overview
from bomenplan.reports.plan_trees_pdf import write_plan_trees
from bomenplan.services.report_writers import register_writer


def register_report_writers() -> None:
    register_writer("complaint_letter", write_letter)
    register_writer("complaint_overview", write_overview)
    register_writer("plan_trees", write_plan_trees)
