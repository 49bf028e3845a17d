"""The demo town's base map, drawn from the same plan as its trees (demo_generate.DemoRows):
every laan's centre line buffered to a road, building blocks behind the tree rows, the Vaart,
the canal along the Kanaalweg and the weteringen as water, parks, the Brink and the Asserbos
as green. Road widths follow the tree rows: the trees stand in a verge beside the road."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, box
from shapely.ops import substring

from bomenplan.domain.base_map import GEBOUWEN, GROEN, WATER, WEGEN, BaseMapFeature
from bomenplan.services.demo_layout import LaanSpec
from bomenplan.services.demo_plan import CELL_M, CellPlan, Wijk

ASSERBOS = box(232500, 554600, 233990, 556220)
VERGE_M = 2.5  # from the tree row to the kerb
MIN_ROAD_HALF_M = 3.0
WIJK_ROAD_HALF_M = 4.0
BLOCK_M, BLOCK_GAP_M = 40.0, 7.0  # building blocks along a street and the gaps between them
FRONT_GARDEN_M, BLOCK_DEPTH_M = 5.0, 12.0
CANAL_NAME = "Noord-Willemskanaal"  # the canal along Assen's west side


def demo_base_map(streets: list[LaanSpec], cells: list[tuple[Wijk, CellPlan]]) -> list[BaseMapFeature]:
    features = [BaseMapFeature(GROEN, "Asserbos", "bos", ASSERBOS)]
    features += [_cell_green(wijk, cell) for wijk, cell in cells if cell.kind in ("park", "leeg")]
    features += _wijk_roads({wijk.name: wijk for wijk, _cell in cells}.values())
    builtup: list[tuple[LaanSpec, float]] = []  # streets with houses: (spec, first house offset)
    for spec in streets:
        features += _street_features(spec)
        if _has_houses(spec):
            builtup.append((spec, _row_offset(spec) + FRONT_GARDEN_M))
    obstacles = [f.geometry for f in features if f.layer in (WATER, WEGEN)]
    features += _building_blocks(builtup, shapely.buffer(np.array(obstacles, dtype=object), 2.0))
    return features


def _cell_green(wijk: Wijk, cell: CellPlan) -> BaseMapFeature:
    cx, cy = cell.centre
    half = CELL_M / 2 - 25 if cell.kind == "park" else CELL_M / 2 - 60
    square = affinity.rotate(box(cx - half, cy - half, cx + half, cy + half), wijk.angle_deg,
                             origin=(cx, cy))
    if cell.kind == "park":
        return BaseMapFeature(GROEN, f"Park {cell.buurt}", "park", square)
    return BaseMapFeature(GROEN, "", "grasland", square)


def _wijk_roads(wijken) -> list[BaseMapFeature]:
    """The roads between the 3 × 3 cells of each wijk (no trees of their own), 8 m wide."""
    roads = []
    half = 1.5 * CELL_M
    for wijk in wijken:
        cx, cy = wijk.centre
        lines = []
        for k in (-1.5, -0.5, 0.5, 1.5):
            lines.append(LineString([(cx - half, cy + k * CELL_M), (cx + half, cy + k * CELL_M)]))
            lines.append(LineString([(cx + k * CELL_M, cy - half), (cx + k * CELL_M, cy + half)]))
        grid = shapely.union_all([line.buffer(WIJK_ROAD_HALF_M, cap_style="flat") for line in lines])
        roads.append(BaseMapFeature(WEGEN, "", "wijkweg",
                                    affinity.rotate(grid, wijk.angle_deg, origin=(cx, cy))))
    return roads


def _row_offset(spec: LaanSpec) -> float:
    return spec.half_width_m if spec.two_sided else max(spec.half_width_m, MIN_ROAD_HALF_M + 1)


def _road_half_width(spec: LaanSpec) -> float:
    if spec.two_sided:
        return max(MIN_ROAD_HALF_M, spec.half_width_m - VERGE_M)
    return MIN_ROAD_HALF_M


def _has_houses(spec: LaanSpec) -> bool:
    return spec.straat not in ("Hoofdlaan", "Vaart", "Brink", "Kanaalweg") \
        and not spec.straat.startswith("Weteringpad")


def _street_features(spec: LaanSpec) -> list[BaseMapFeature]:
    line = spec.centre
    if spec.straat == "Brink":
        square = shapely.Polygon(line.coords)
        return [BaseMapFeature(WEGEN, "Brink", "plein",
                               square.buffer(8.0, join_style="mitre").difference(square.buffer(-5.0))),
                BaseMapFeature(GROEN, "Brink", "plantsoen", square.buffer(-5.0))]
    if spec.straat == "Vaart":
        quays = [shapely.offset_curve(line, d).buffer(3.0, cap_style="flat") for d in (-19.0, 19.0)]
        return [BaseMapFeature(WATER, "Vaart", "vaart", line.buffer(9.0, cap_style="flat")),
                BaseMapFeature(WEGEN, "Vaart", "kade", shapely.union_all(quays))]
    if spec.straat.startswith("Weteringpad"):
        water = shapely.offset_curve(line, -2.0).buffer(2.0, cap_style="flat")
        return [BaseMapFeature(WATER, "", "wetering", water),
                BaseMapFeature(WEGEN, spec.straat, "pad",
                               shapely.offset_curve(line, 6.0).buffer(1.2, cap_style="flat"))]
    road = BaseMapFeature(WEGEN, spec.straat, "laan" if spec.hoofdbomenstructuur else "straat",
                          line.buffer(_road_half_width(spec), cap_style="flat"))
    if spec.straat == "Kanaalweg":
        canal = shapely.offset_curve(line, -16.0).buffer(9.0, cap_style="flat")
        return [road, BaseMapFeature(WATER, CANAL_NAME, "kanaal", canal)]
    return [road]


def _building_blocks(builtup: list[tuple[LaanSpec, float]], obstacles) -> list[BaseMapFeature]:
    segments, near, far = [], [], []
    for spec, offset in builtup:
        line: LineString = spec.centre
        starts = np.arange(8.0, line.length - 8.0 - BLOCK_M / 2, BLOCK_M + BLOCK_GAP_M)
        for start in starts:
            segment = substring(line, float(start), float(min(start + BLOCK_M, line.length - 8.0)))
            for side in (1.0, -1.0):
                segments.append(segment)
                near.append(side * offset)
                far.append(side * (offset + BLOCK_DEPTH_M))
    if not segments:
        return []
    segments = np.array(segments, dtype=object)
    outer = shapely.buffer(segments, np.array(far), single_sided=True, cap_style="flat")
    inner = shapely.buffer(segments, np.array(near), single_sided=True, cap_style="flat")
    blocks = shapely.difference(outer, inner)
    block_index, obstacle_index = shapely.STRtree(obstacles).query(blocks, predicate="intersects")
    for b in np.unique(block_index):  # only the blocks that touch a road or water are cut
        blocks[b] = blocks[b].difference(shapely.union_all(obstacles[obstacle_index[block_index == b]]))
    return [BaseMapFeature(GEBOUWEN, "", "bouwblok", b) for b in blocks
            if not b.is_empty and b.area >= 60.0]
