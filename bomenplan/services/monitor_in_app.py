"""3-30-300 on the live register (app and command line): the stored buurt polygons and measured
crown diameters, with the demo's made-up houses, parks and streets or with building footprints,
green areas and a path network from files. Plain data in, a MonitorResult out."""

from __future__ import annotations

import numpy as np
import shapely

from bomenplan.domain.areas import BUURT
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from bomenplan.domain.rule_3_30_300 import DEFAULT_RULE, Rule3030300
from bomenplan.services.demo_areas import demo_paths
from bomenplan.services.demo_buildings import demo_buildings, demo_greens
from bomenplan.services.monitor_3_30_300 import (
    MonitorResult,
    read_lines,
    read_polygons,
    run_monitor,
)

DEMO_NOTE = "demo: verzonnen panden en parken rond de bomen (geen BAG)"
DEMO_NETWORK_NOTE = "demo: verzonnen padennet (raster van 50 m door elke wijk en het Asserbos)"


def monitor_for_app(uow_factory, buildings_path: str | None = None, green_path: str | None = None,
                    rule: Rule3030300 = DEFAULT_RULE, progress: ProgressFn = no_progress,
                    cancelled: CancelledFn = never_cancelled, network_path: str | None = None) -> MonitorResult:
    """Both paths None: the demo's houses and parks (services/demo_buildings.py) and, without a
    network file, the demo's made-up footpaths (services/demo_areas.py)."""
    with uow_factory() as uow:
        cols = uow.trees.columns()
        areas = uow.areas.of_kind(BUURT)
        measured = uow.trees.measured_crowns()
    progress(0.1)
    network, notes = None, []
    if network_path:
        network, notes = read_lines(network_path)
    if buildings_path is None and green_path is None:
        buildings, greens = demo_buildings(cols), demo_greens(cols)
        notes.append(DEMO_NOTE)
        if network is None and len(cols):
            paths = np.array(demo_paths(), dtype=object)
            extent = shapely.box(cols.x.min(), cols.y.min(), cols.x.max(), cols.y.max())
            network = paths[shapely.intersects(paths, extent)]  # none on a register elsewhere
            if len(network):
                notes.append(DEMO_NETWORK_NOTE)
    elif buildings_path and green_path:
        buildings, b_notes = read_polygons(buildings_path)
        greens, g_notes = read_polygons(green_path)
        notes += [*b_notes, *g_notes]
        if not len(buildings):
            raise ValidationError("panden", f"{buildings_path} bevat geen vlakken")
    else:
        raise ValidationError("3-30-300", "kies zowel een bestand met panden als een met groen")
    check_cancelled(cancelled)
    result = run_monitor(cols, buildings, greens, rule, lambda f: progress(0.2 + 0.8 * f), cancelled,
                         areas=areas, measured_crowns=measured, network_lines=network)
    result.notes[:0] = notes
    return result
