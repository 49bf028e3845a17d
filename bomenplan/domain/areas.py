"""Area boundaries of the register: CBS buurten and wijken as polygons in RD New metres.

The CBS Wijk- en Buurtkaart (cbs.nl, "Wijk- en buurtkaart") is the usual source; the 3-30-300
monitor divides crown area by the buurt's area (DOMAIN.md §8, NINA calc_rule_3_30_300.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

BUURT = "buurt"
WIJK = "wijk"
AREA_KINDS = (BUURT, WIJK)


@dataclass(frozen=True)
class AreaBoundary:
    kind: str  # BUURT or WIJK
    name: str  # e.g. "Binnenstad"
    code: str  # CBS code, e.g. "BU01060000"; "" when the source has none
    parent: str  # the wijk of a buurt ("" when unknown or for a wijk)
    geometry: BaseGeometry  # Polygon or MultiPolygon

    def __post_init__(self):
        if self.kind not in AREA_KINDS:
            raise ValueError(f"onbekende gebiedssoort {self.kind!r}")
