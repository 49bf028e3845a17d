"""Buurt and wijk boundaries of the demo municipality, drawn from its plan (demo_plan.WIJKEN): a
wijk is its 3 × 3 block of 400 m cells, a buurt one row of three cells; the Asserbos is its own
buurt of the Centrum; a buurt also takes in its named lanen that run outside these blocks.
Made up like the rest of the demo, not CBS data."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, box

from bomenplan.domain.areas import BUURT, WIJK, AreaBoundary
from bomenplan.services.demo_base_map import ASSERBOS
from bomenplan.services.demo_plan import CELL_M, WIJKEN


def demo_areas() -> list[AreaBoundary]:
    """The demo's wijken and buurten (CBS-like codes BU/WK + a made-up gemeente 9999)."""
    areas = []
    half = 1.5 * CELL_M
    for w, wijk in enumerate(WIJKEN):
        cx, cy = wijk.centre
        wijk_code = f"WK9999{w:02d}"
        areas.append(AreaBoundary(WIJK, wijk.name, wijk_code, "Bomenstad",
                                  affinity.rotate(box(cx - half, cy - half, cx + half, cy + half),
                                                  wijk.angle_deg, origin=(cx, cy))))
        for row, buurt in enumerate(wijk.buurten):
            y0 = cy + (row - 1.5) * CELL_M
            strip = box(cx - half, y0, cx + half, y0 + CELL_M)
            areas.append(AreaBoundary(BUURT, buurt, f"BU9999{w:02d}{row:02d}", wijk.name,
                                      affinity.rotate(strip, wijk.angle_deg, origin=(cx, cy))))
    areas.append(AreaBoundary(BUURT, "Asserbos", "BU99990099", "Centrum", ASSERBOS))
    return areas


def with_outlying_lanen(areas: list[AreaBoundary], cols, margin: float = 25.0) -> list[AreaBoundary]:
    """Each buurt grown by the hull (+ margin) of its own trees outside every buurt (the named lanen
    that run between the wijken), without taking ground from another buurt."""
    buurten = [a for a in areas if a.kind == BUURT]
    if not len(cols) or not buurten:
        return areas
    polygons = np.array([a.geometry for a in buurten], dtype=object)
    outside = shapely.STRtree(polygons).query(shapely.points(cols.x, cols.y), predicate="within")[0]
    loose = np.ones(len(cols), bool)
    loose[outside] = False
    taken = shapely.union_all(polygons)
    grown = {}
    for area in buurten:
        mine = loose & (cols.buurt == area.name)
        if mine.sum() < 3:
            continue
        extra = shapely.convex_hull(shapely.multipoints(np.column_stack([cols.x[mine], cols.y[mine]])))
        extra = extra.buffer(margin).difference(taken)
        taken = taken.union(extra)
        grown[area.name] = area.geometry.union(extra)
    return [AreaBoundary(a.kind, a.name, a.code, a.parent, grown[a.name]) if a.kind == BUURT and a.name in grown
            else a for a in areas]


def store_demo_areas(uow) -> None:
    """Inside the caller's unit of work, after the trees are stored."""
    areas = with_outlying_lanen(demo_areas(), uow.trees.columns())
    uow.areas.replace(WIJK, [a for a in areas if a.kind == WIJK])
    uow.areas.replace(BUURT, [a for a in areas if a.kind == BUURT])


PATH_GRID_M = 50.0  # the demo's made-up footpaths: a 50 m grid through each wijk and the Asserbos


def demo_paths(step: float = PATH_GRID_M) -> list[LineString]:
    """A walk network for the demo (3-30-300 by network distance): a grid of paths along each
    wijk's streets and through the Asserbos. Made up; a real one comes from a file (BGT, OSM)."""
    paths = []
    frames = [(wijk.centre, 1.5 * CELL_M, 1.5 * CELL_M, wijk.angle_deg) for wijk in WIJKEN]
    x0, y0, x1, y1 = ASSERBOS.bounds
    frames.append((((x0 + x1) / 2, (y0 + y1) / 2), (x1 - x0) / 2, (y1 - y0) / 2, 0.0))
    for (cx, cy), half_w, half_h, angle in frames:
        lines = [LineString([(cx - half_w, y), (cx + half_w, y)]) for y in np.arange(cy - half_h, cy + half_h + 1, step)]
        lines += [LineString([(x, cy - half_h), (x, cy + half_h)]) for x in np.arange(cx - half_w, cx + half_w + 1, step)]
        paths += [affinity.rotate(line, angle, origin=(cx, cy)) for line in lines]
    return paths
