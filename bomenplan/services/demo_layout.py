"""Pure geometry for the demo municipality: laan rows, gaps and park groups (RD New metres).

Every function is deterministic for a given numpy Generator and has no side effects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString

# What happened at a position of a laan row. None = a living tree of the laan stands there.
GAP_STOBBE = "stobbe"
GAP_GEKAPT = "gekapt"
GAP_LEEG = "leeg plantvak"
GAP_ONTBREEKT = "ontbreekt"  # no record at all: the tree simply is not there
REPLACEMENT = "herplant"  # a young replacement among the old trees
GAP_KINDS = (GAP_STOBBE, GAP_GEKAPT, GAP_LEEG, GAP_ONTBREEKT)


@dataclass(frozen=True)
class LaanSpec:
    """A laan to be generated: centre line, rows, spacing and what is missing."""

    straat: str
    wijk: str
    buurt: str
    centre: LineString
    spacing_m: float
    two_sided: bool
    half_width_m: float  # distance of each row from the centre line
    species: tuple[str, ...]  # one species, or several for a mixed laan (planted in turn)
    plantjaar: int
    gap_fraction: float = 0.04
    min_gaps: int = 0
    replacement_fraction: float = 0.03
    hoofdbomenstructuur: bool = False
    beheertype: str = "vrij uitgroeiend"
    extra: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class PlannedPosition:
    x: float
    y: float
    row: int  # 0 or 1 (side of the street)
    index: int  # position number along the row
    kind: str | None  # None, one of GAP_KINDS, or REPLACEMENT
    species: str


def curved_line(start: tuple[float, float], end: tuple[float, float], bulge_m: float = 0.0,
                segments: int = 24) -> LineString:
    """A straight line, or a gentle curve (quadratic Bézier) bulging bulge_m to the left."""
    p0, p2 = np.asarray(start, float), np.asarray(end, float)
    if bulge_m == 0.0:
        return LineString([p0, p2])
    direction = p2 - p0
    normal = np.array([-direction[1], direction[0]]) / np.hypot(*direction)
    p1 = (p0 + p2) / 2 + 2 * bulge_m * normal  # the curve's midpoint then lies bulge_m off
    t = np.linspace(0.0, 1.0, segments + 1)[:, None]
    points = (1 - t) ** 2 * p0 + 2 * (1 - t) * t * p1 + t**2 * p2
    return LineString(points)


def row_lines(centre: LineString, two_sided: bool, half_width_m: float) -> list[LineString]:
    """The tree rows of a laan: one row on the left, or one on each side of the centre line."""
    if not two_sided:
        return [shapely.offset_curve(centre, half_width_m)]
    return [shapely.offset_curve(centre, half_width_m), shapely.offset_curve(centre, -half_width_m)]


def positions_along(line: LineString, spacing_m: float, rng: np.random.Generator,
                    jitter_m: float = 0.3, end_margin_m: float = 4.0) -> np.ndarray:
    """Regularly spaced (n, 2) positions along a line, each moved at most jitter_m per axis."""
    usable = line.length - 2 * end_margin_m
    if usable < 0:
        return np.empty((0, 2))
    count = int(usable // spacing_m) + 1
    distances = end_margin_m + (usable - (count - 1) * spacing_m) / 2 + spacing_m * np.arange(count)
    points = shapely.line_interpolate_point(line, distances)
    xy = shapely.get_coordinates(points)
    return xy + rng.uniform(-jitter_m, jitter_m, size=xy.shape)


def pick_gaps(count: int, fraction: float, rng: np.random.Generator, minimum: int = 0,
              replacement_fraction: float = 0.0) -> list[str | None]:
    """A kind per position: mostly None (a tree), some gaps, some young replacements."""
    kinds: list[str | None] = [None] * count
    if count == 0:
        return kinds
    n_gaps = min(count, max(minimum, int(rng.binomial(count, fraction))))
    n_repl = min(count - n_gaps, int(rng.binomial(count, replacement_fraction)))
    chosen = rng.choice(count, size=n_gaps + n_repl, replace=False)
    weights = np.array([0.35, 0.15, 0.2, 0.3])  # stobbe, gekapt, leeg plantvak, ontbreekt
    for i in chosen[:n_gaps]:
        kinds[int(i)] = GAP_KINDS[int(rng.choice(4, p=weights))]
    for i in chosen[n_gaps:]:
        kinds[int(i)] = REPLACEMENT
    return kinds


def plan_laan(spec: LaanSpec, rng: np.random.Generator) -> list[PlannedPosition]:
    """All intended positions of a laan, with its gaps, replacements and species."""
    positions: list[PlannedPosition] = []
    for row, line in enumerate(row_lines(spec.centre, spec.two_sided, spec.half_width_m)):
        xy = positions_along(line, spec.spacing_m, rng)
        positions += [PlannedPosition(float(x), float(y), row, i, None,
                                      spec.species[i % len(spec.species)])
                      for i, (x, y) in enumerate(xy)]
    kinds = pick_gaps(len(positions), spec.gap_fraction, rng, spec.min_gaps,
                      spec.replacement_fraction)
    return [PlannedPosition(p.x, p.y, p.row, p.index, k, p.species)
            for p, k in zip(positions, kinds, strict=True)]


def expected_positions(spec: LaanSpec) -> np.ndarray:
    """Intended (n, 2) positions of a laan without jitter (what a gap analysis expects)."""
    no_jitter = np.random.default_rng(0)
    rows = [positions_along(line, spec.spacing_m, no_jitter, jitter_m=0.0)
            for line in row_lines(spec.centre, spec.two_sided, spec.half_width_m)]
    return np.vstack(rows) if rows else np.empty((0, 2))


def scatter_group(centre: tuple[float, float], radius_m: float, count: int, min_distance_m: float,
                  rng: np.random.Generator, avoid: np.ndarray | None = None,
                  avoid_distance_m: float = 0.0) -> np.ndarray:
    """Up to `count` positions in a disc, at least min_distance_m apart (dart throwing)."""
    cx, cy = centre
    chosen: list[tuple[float, float]] = []
    for _ in range(count * 30):
        if len(chosen) >= count:
            break
        r = radius_m * np.sqrt(rng.uniform())
        a = rng.uniform(0, 2 * np.pi)
        x, y = cx + r * np.cos(a), cy + r * np.sin(a)
        if chosen and np.min(np.hypot(*(np.asarray(chosen) - (x, y)).T)) < min_distance_m:
            continue
        if avoid is not None and len(avoid) and \
                np.min(np.hypot(avoid[:, 0] - x, avoid[:, 1] - y)) < avoid_distance_m:
            continue
        chosen.append((x, y))
    return np.asarray(chosen, dtype=float).reshape(-1, 2)


def rotate(points: np.ndarray, angle_deg: float, origin: tuple[float, float]) -> np.ndarray:
    """Rotate (n, 2) points counter-clockwise about origin."""
    a = np.radians(angle_deg)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    o = np.asarray(origin, float)
    return (np.asarray(points, float) - o) @ rot.T + o


def min_distance_to_others(xy: np.ndarray) -> float:
    """Smallest distance between any two of the (n, 2) points (for sanity checks)."""
    if len(xy) < 2:
        return float("inf")
    tree = shapely.STRtree(shapely.points(xy))
    left, right = tree.query(shapely.points(xy), predicate="dwithin", distance=50.0)
    mask = left != right
    if not mask.any():
        return float("inf")
    return float(np.min(np.hypot(*(xy[left[mask]] - xy[right[mask]]).T)))
