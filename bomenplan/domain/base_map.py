"""The base map (ondergrond) under the trees: named polygons per layer in RD New metres.

The demo town writes one; the map draws the layers in LAYER_ORDER (first = bottom).
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

GROEN = "groen"  # parks, woods, grassland
WATER = "water"
WEGEN = "wegen"  # roads and squares
GEBOUWEN = "gebouwen"  # building blocks
LAYER_ORDER = (GROEN, WATER, WEGEN, GEBOUWEN)


@dataclass(frozen=True)
class BaseMapFeature:
    layer: str  # one of LAYER_ORDER
    name: str  # street, water or park name; "" for a building block
    kind: str  # e.g. "straat", "laan", "plein", "vaart", "wetering", "park", "bos", "bouwblok"
    geometry: BaseGeometry  # a Polygon or MultiPolygon

    def __post_init__(self):
        if self.layer not in LAYER_ORDER:
            raise ValueError(f"onbekende kaartlaag {self.layer!r}")
