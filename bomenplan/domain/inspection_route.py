"""A walking/driving order for a route list of trees to inspect.

Method (simple, predictable for the inspector, no road network needed):
1. per wijk, then per buurt (alphabetical): one buurt is one round;
2. within a buurt, street by street: every street's trees lie in a line along the street, ordered
   by their position along the street's main direction (the principal axis of its points);
3. the first street is the one with the westernmost tree; after a street the next is the
   nearest-neighbour street: the one with an end closest to where the inspector stands, walked
   from that end. Trees without a street name form one group "(geen straat)" of their buurt,
   walked as a sweep (serpentine): strips of STRIP_M metres south to north, alternately west→east
   and east→west.
Distances are straight lines in RD New metres.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
Point = tuple[float, float]
NO_STREET = "(geen straat)"


def _principal_direction(points: Sequence[Point]) -> Point:
    """Unit vector of the largest spread of `points` (2×2 covariance, closed form)."""
    n = len(points)
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    syy = sum((p[1] - my) ** 2 for p in points)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in points)
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)
    return math.cos(angle), math.sin(angle)


def along_street(items: Sequence[T], point: Callable[[T], Point]) -> list[T]:
    """`items` ordered along their main direction (ties: west to east, south to north)."""
    if len(items) < 2:
        return list(items)
    dx, dy = _principal_direction([point(i) for i in items])
    if dx < 0 or (dx == 0 and dy < 0):  # a fixed sense: the walk then starts at the western end
        dx, dy = -dx, -dy

    def key(item: T):
        x, y = point(item)
        return (round(x * dx + y * dy, 3), x, y)
    return sorted(items, key=key)


STRIP_M = 50.0


def sweep(items: Sequence[T], point: Callable[[T], Point], strip: float = STRIP_M) -> list[T]:
    """Serpentine order: strips of `strip` m from south to north, alternating direction."""
    if len(items) < 2:
        return list(items)
    points = [point(i) for i in items]  # each point once: sweeps run over 100k+ items
    y0 = min(y for _x, y in points)
    keys = []
    for n, (x, y) in enumerate(points):
        band = int((y - y0) // strip)
        keys.append((band, x if band % 2 == 0 else -x, y, n))  # n: stable, items never compared
    return [items[k[3]] for k in sorted(keys)]


def _distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _end_distance(here: Point, line: list[T], point: Callable[[T], Point]) -> float:
    return min(_distance(here, point(line[0])), _distance(here, point(line[-1])))


def order_streets(streets: dict[str, list[T]], point: Callable[[T], Point]) -> list[T]:
    """Streets walked one after another, nearest-neighbour from the westernmost tree."""
    lines = {name: (sweep if name == NO_STREET else along_street)(trees, point)
             for name, trees in streets.items() if trees}
    if not lines:
        return []
    start = min(lines, key=lambda n: (min(point(t) for t in lines[n]), n))
    line = lines.pop(start)
    if start != NO_STREET and point(line[-1]) < point(line[0]):  # start at its western end
        line.reverse()
    route = list(line)
    while lines:
        here = point(route[-1])
        name = min(lines, key=lambda n, here=here: (_end_distance(here, lines[n], point), n))
        line = lines.pop(name)
        if _distance(here, point(line[-1])) < _distance(here, point(line[0])):
            line.reverse()
        route += line
    return route


def route_order(items: Sequence[T], point: Callable[[T], Point],
                area: Callable[[T], tuple[str, str]], street: Callable[[T], str]) -> list[T]:
    """All `items` in route order: per (wijk, buurt) from `area`, then per street."""
    by_area: dict[tuple[str, str], dict[str, list[T]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        by_area[area(item)][street(item) or NO_STREET].append(item)
    route: list[T] = []
    for key in sorted(by_area, key=lambda k: (k[0].casefold(), k[1].casefold())):
        route += order_streets(by_area[key], point)
    return route
