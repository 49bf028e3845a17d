"""Feature screens plug into the main window through `install(window)` in their module.

This is the one place that lists them; a missing module is an import error, not a silent gap.
"""

from __future__ import annotations

from bomenplan.ui.features import (
    base_map,
    bomenbank,
    bomenplan_print,
    complaints,
    dashboard,
    field_work,
    inspection_due,
    lanen,
    map_layers,
    monitor_3_30_300,
    species,
    standplaats,
    work_orders,
)

FEATURES = (species, lanen, complaints, standplaats, bomenbank, work_orders, dashboard,
            base_map, map_layers, bomenplan_print, monitor_3_30_300,
            inspection_due,  # after map_layers: it adds a row to the layers panel
            field_work)


def install_all(window) -> None:
    for module in FEATURES:
        module.install(window)
