"""WMTS background in RD New: the service's GetCapabilities parsed with OWSLib (no hard-coded
tile matrices), the matrix for a zoom level, and the tiles that cover a view (plain data only).

PDOK publishes its services in the EPSG:28992 tile matrix set (top left -285401.92, 903401.92;
3440.64 m per pixel at level 0, halved per level; 256-pixel tiles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bomenplan.domain.errors import BomenplanError

METRES_PER_PIXEL_OF_SCALE = 0.00028  # OGC standardized rendering pixel: 0.28 mm
PDOK_BRT = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0?request=GetCapabilities&service=wmts"
PDOK_LUCHTFOTO = "https://service.pdok.nl/hwh/luchtfotorgb/wmts/v1_0?request=GetCapabilities&service=wmts"
# background key → (capabilities URL, layer identifier); the user can add any other WMTS by URL
PDOK_BACKGROUNDS = {
    "brt-standaard": (PDOK_BRT, "standaard"),
    "brt-grijs": (PDOK_BRT, "grijs"),
    "brt-pastel": (PDOK_BRT, "pastel"),
    "luchtfoto": (PDOK_LUCHTFOTO, "Actueel_orthoHR"),
}
RD_MATRIX_SETS = ("EPSG:28992", "urn:ogc:def:crs:EPSG::28992")


class WmtsError(BomenplanError):
    """A capabilities document that cannot be used (message names the service)."""


@dataclass(frozen=True)
class TileMatrix:
    identifier: str
    resolution: float  # metres per pixel
    left: float  # top-left corner in RD New
    top: float
    tile_width: int
    tile_height: int
    matrix_width: int
    matrix_height: int


@dataclass(frozen=True)
class WmtsSource:
    layer: str
    matrix_set: str
    matrices: tuple[TileMatrix, ...]  # coarse to fine
    url_template: str  # with {TileMatrix}, {TileCol}, {TileRow}
    attribution: str


def parse_capabilities(xml: bytes, url: str, layer: str | None = None) -> WmtsSource:
    from owslib.wmts import WebMapTileService  # lxml-based; imported when a background is chosen

    try:
        service = WebMapTileService(url, xml=xml)
    except Exception as exc:  # OWSLib raises XML and attribute errors for broken documents
        raise WmtsError(f"{_host(url)}: ongeldig capabilities-document ({type(exc).__name__})") from None
    if layer is None:
        layer = next(iter(service.contents), None)
    if layer not in service.contents:
        raise WmtsError(f"{_host(url)}: laag {layer} bestaat niet in de dienst")
    content = service.contents[layer]
    matrix_set = next((s for s in RD_MATRIX_SETS if s in content.tilematrixsetlinks), None)
    if matrix_set is None:
        raise WmtsError(f"{_host(url)}: laag {layer} heeft geen tegels in RD New (EPSG:28992)")
    matrices = sorted((_matrix(m) for m in service.tilematrixsets[matrix_set].tilematrix.values()),
                      key=lambda m: -m.resolution)
    template = _template(service, content, layer, matrix_set, url)
    provider = getattr(service.provider, "name", "") or ""
    attribution = f"© {provider}" if provider else f"© {_host(url)}"
    return WmtsSource(layer, matrix_set, tuple(matrices), template, attribution)


def _matrix(m) -> TileMatrix:
    left, top = m.topleftcorner
    return TileMatrix(m.identifier, float(m.scaledenominator) * METRES_PER_PIXEL_OF_SCALE,
                      float(left), float(top), int(m.tilewidth), int(m.tileheight),
                      int(m.matrixwidth), int(m.matrixheight))


def _template(service, content, layer: str, matrix_set: str, url: str) -> str:
    for resource in getattr(content, "resourceURLs", []) or []:
        if resource.get("resourceType") == "tile":
            return (resource["template"].replace("{Style}", _style(content))
                    .replace("{TileMatrixSet}", matrix_set))
    base = url.split("?")[0]
    fmt = (content.formats or ["image/png"])[0]
    return (f"{base}?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE={_style(content)}"
            f"&FORMAT={fmt}&TILEMATRIXSET={matrix_set}&TILEMATRIX={{TileMatrix}}"
            f"&TILEROW={{TileRow}}&TILECOL={{TileCol}}")


def _style(content) -> str:
    styles = getattr(content, "styles", {}) or {}
    default = next((name for name, style in styles.items() if style.get("isDefault")), None)
    return default or next(iter(styles), "default")


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0]


def matrix_for(source: WmtsSource, metres_per_pixel: float) -> TileMatrix:
    """The coarsest matrix at least as sharp as the screen (the finest when zoomed in further)."""
    sharp = [m for m in source.matrices if m.resolution <= metres_per_pixel * 1.0001]
    return sharp[0] if sharp else source.matrices[-1]


def tiles_covering(matrix: TileMatrix, xmin: float, ymin: float, xmax: float,
                   ymax: float) -> list[tuple[int, int]]:
    """(column, row) of every tile that overlaps the rectangle; rows count down from the top."""
    span_x, span_y = matrix.resolution * matrix.tile_width, matrix.resolution * matrix.tile_height
    col0 = max(0, math.floor((xmin - matrix.left) / span_x))
    col1 = min(matrix.matrix_width - 1, math.floor((xmax - matrix.left) / span_x))
    row0 = max(0, math.floor((matrix.top - ymax) / span_y))
    row1 = min(matrix.matrix_height - 1, math.floor((matrix.top - ymin) / span_y))
    return [(c, r) for r in range(row0, row1 + 1) for c in range(col0, col1 + 1)]


def tile_bounds(matrix: TileMatrix, col: int, row: int) -> tuple[float, float, float, float]:
    span_x, span_y = matrix.resolution * matrix.tile_width, matrix.resolution * matrix.tile_height
    left, top = matrix.left + col * span_x, matrix.top - row * span_y
    return left, top - span_y, left + span_x, top


def tile_url(source: WmtsSource, matrix: TileMatrix, col: int, row: int) -> str:
    return (source.url_template.replace("{TileMatrix}", matrix.identifier)
            .replace("{TileCol}", str(col)).replace("{TileRow}", str(row)))
