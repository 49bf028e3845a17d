"""3-30-300 for the Bomenplan report when no files are given: from what the register stores.
The demo register uses the demo's houses and parks (as the app's 3-30-300 window does without
files); another register with a base map uses its building blocks and green areas; else None."""

from __future__ import annotations

import numpy as np

from bomenplan.domain.areas import BUURT
from bomenplan.domain.base_map import GEBOUWEN, GROEN
from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.services.monitor_3_30_300 import MonitorResult, run_monitor

BASE_MAP_NOTE = "panden en groen uit de ondergrond van het register (bouwblokken tellen elk als één woning)"


def polygons(features, layer: str) -> np.ndarray:
    parts = [g for f in features if f.layer == layer for g in getattr(f.geometry, "geoms", [f.geometry])]
    return np.array(parts, dtype=object)


def stored_monitor(uow_factory, progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> MonitorResult | None:
    """The 3-30-300 result from the stored buildings, green and buurt polygons, or None."""
    from bomenplan.services.demo import demo_is_present
    from bomenplan.services.monitor_in_app import monitor_for_app

    if demo_is_present(uow_factory()):
        return monitor_for_app(uow_factory, progress=progress, cancelled=cancelled)
    with uow_factory() as uow:
        features = uow.base_map.all()
        if not features:
            return None
        cols = uow.trees.columns()
        areas = uow.areas.of_kind(BUURT)
        measured = uow.trees.measured_crowns()
    buildings, greens = polygons(features, GEBOUWEN), polygons(features, GROEN)
    if not len(buildings) or not len(greens):
        return None
    result = run_monitor(cols, buildings, greens, progress=progress, cancelled=cancelled, areas=areas,
                         measured_crowns=measured)
    result.notes.insert(0, BASE_MAP_NOTE)
    return result
