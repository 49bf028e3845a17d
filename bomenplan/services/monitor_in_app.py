"""3-30-300 for the app: on the live register with the demo's made-up houses and parks, or with
building footprints and green areas from files the user chose. Plain data in, a MonitorResult out."""

from __future__ import annotations

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from bomenplan.domain.rule_3_30_300 import DEFAULT_RULE, Rule3030300
from bomenplan.services.demo_buildings import demo_buildings, demo_greens
from bomenplan.services.monitor_3_30_300 import MonitorResult, read_polygons, run_monitor

DEMO_NOTE = "demo: verzonnen panden en parken rond de bomen (geen BAG)"


def monitor_for_app(uow_factory, buildings_path: str | None = None, green_path: str | None = None,
                    rule: Rule3030300 = DEFAULT_RULE, progress: ProgressFn = no_progress,
                    cancelled: CancelledFn = never_cancelled) -> MonitorResult:
    """Both paths None: the demo's houses and parks (services/demo_buildings.py)."""
    with uow_factory() as uow:
        cols = uow.trees.columns()
    progress(0.1)
    if buildings_path is None and green_path is None:
        buildings, greens, notes = demo_buildings(cols), demo_greens(cols), [DEMO_NOTE]
    elif buildings_path and green_path:
        buildings, b_notes = read_polygons(buildings_path)
        greens, g_notes = read_polygons(green_path)
        notes = [*b_notes, *g_notes]
        if not len(buildings):
            raise ValidationError("panden", f"{buildings_path} bevat geen vlakken")
    else:
        raise ValidationError("3-30-300", "kies zowel een bestand met panden als een met groen")
    check_cancelled(cancelled)
    result = run_monitor(cols, buildings, greens, rule, lambda f: progress(0.2 + 0.8 * f), cancelled)
    result.notes[:0] = notes
    return result
