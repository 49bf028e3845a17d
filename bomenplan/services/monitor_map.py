"""Map data of the 3-30-300 monitor: per buurt its outline as rings and, per rule, the share that
meets it (0-100), binned into classes for a choropleth. Plain data for the UI layer."""

from __future__ import annotations

import numpy as np
import shapely

from bomenplan.services.monitor_3_30_300 import MonitorResult

RULE_3, RULE_30, RULE_300, RULE_300_NETWORK = "3", "30", "300", "300-paden"
CLASS_BOUNDS = (25.0, 50.0, 75.0, 100.0)  # classes: <25, 25-50, 50-75, 75-<100, 100 % (met)


def buurt_rings(result: MonitorResult) -> list[np.ndarray]:
    """Per buurt (in result order) its rings as an (n, 2) array with NaN rows between rings."""
    if result.outlines is None:
        return [np.empty((0, 2)) for _b in result.buurten]
    out = []
    for outline in result.outlines:
        rings = [shapely.get_coordinates(r) for p in shapely.get_parts(outline)
                 for r in (p.exterior, *p.interiors)]
        out.append(np.vstack([np.vstack([r, [[np.nan, np.nan]]]) for r in rings]) if rings else np.empty((0, 2)))
    return out


def available_rules(result: MonitorResult) -> list[str]:
    network = any(b.near_green_network is not None for b in result.buurten)
    return [RULE_3, RULE_30, RULE_300] + ([RULE_300_NETWORK] if network else [])


def rule_shares(result: MonitorResult, rule: str) -> np.ndarray:
    """Per buurt the share (%) meeting `rule`: dwellings with 3 trees or green within 300 m; for
    30 the canopy cover as a share of the target (30 % cover = 100 %), capped at 100."""
    if rule == RULE_3:
        values = [b.pct(b.with_3_trees) for b in result.buurten]
    elif rule == RULE_30:
        target = result.rule.canopy_pct or 1.0
        values = [min(100.0, 100.0 * b.canopy_pct / target) for b in result.buurten]
    elif rule == RULE_300:
        values = [b.pct(b.near_green) for b in result.buurten]
    elif rule == RULE_300_NETWORK:
        values = [b.pct(b.near_green_network or 0) for b in result.buurten]
    else:
        raise ValueError(f"onbekende regel {rule!r}")
    return np.array(values, dtype="f8")


def share_classes(shares: np.ndarray) -> np.ndarray:
    """Class 0-4 per share: < 25, 25-50, 50-75, 75-100 and 100 % (the rule fully met)."""
    return np.searchsorted(np.array(CLASS_BOUNDS), np.asarray(shares, "f8") + 1e-9, side="right")
