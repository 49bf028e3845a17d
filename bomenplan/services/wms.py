"""WMS background in RD New (the QGIS habit of adding a service by URL): the GetCapabilities
parsed with OWSLib (WMS 1.3.0 and 1.1.1), a layer that offers EPSG:28992, and the GetMap URL
for one image of the current view (plain data only).

Axis order: WMS 1.3.0 takes the BBOX in the CRS's own axis order (OGC 06-042 §6.7.3.3);
EPSG:28992 (Amersfoort / RD New) defines easting (X) first, northing (Y) second, so the BBOX is
xmin,ymin,xmax,ymax in both 1.3.0 (CRS=) and 1.1.1 (SRS=).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from bomenplan.services.wmts import WmtsError, _host

RD_CRS = "EPSG:28992"
PREFERRED_FORMATS = ("image/png", "image/jpeg")


@dataclass(frozen=True)
class WmsSource:
    getmap_url: str  # the service's GetMap address (may carry its own query)
    layer: str
    version: str  # "1.3.0" or "1.1.1"
    image_format: str
    title: str
    attribution: str


def is_wms_capabilities(xml: bytes) -> bool:
    """True for a WMS capabilities document (WMS_Capabilities / WMT_MS_Capabilities), not WMTS."""
    head = xml[:4000].decode("utf-8", "replace")
    return re.search(r"<(\w+:)?(WMS_Capabilities|WMT_MS_Capabilities)\b", head) is not None


def wms_version(xml: bytes) -> str:
    head = xml[:4000].decode("utf-8", "replace")
    return "1.1.1" if "WMT_MS_Capabilities" in head else "1.3.0"


def parse_wms_capabilities(xml: bytes, url: str, layer: str | None = None) -> WmsSource:
    from owslib.wms import WebMapService  # lxml-based; imported when a background is chosen

    version = wms_version(xml)
    try:
        service = WebMapService(url, version=version, xml=xml)
        contents = service.contents
    except Exception as exc:  # OWSLib raises XML and attribute errors for broken documents
        raise WmtsError(f"{_host(url)}: ongeldig WMS-capabilities-document ({type(exc).__name__})") from None
    if layer is not None and layer not in contents:
        raise WmtsError(f"{_host(url)}: laag {layer} bestaat niet in de dienst")
    names = [layer] if layer is not None else list(contents)
    chosen = next((n for n in names if RD_CRS in _crs_codes(contents[n])), None)
    if chosen is None:
        raise WmtsError(f"{_host(url)}: geen laag in RD New (EPSG:28992) in deze WMS-dienst")
    content = contents[chosen]
    getmap = service.getOperationByName("GetMap")
    formats = list(getattr(getmap, "formatOptions", []) or [])
    image_format = next((f for f in PREFERRED_FORMATS if f in formats), formats[0] if formats else "image/png")
    address = next((m.get("url") for m in getmap.methods if m.get("type", "").lower() == "get"), None)
    provider = getattr(service.provider, "name", "") or ""
    credit = (getattr(content, "attribution", None) or {}).get("title") or provider or _host(url)
    return WmsSource(address or url.split("?")[0], chosen, version, image_format,
                     content.title or chosen, f"{content.title or chosen} · © {credit}")


def _crs_codes(content) -> set[str]:
    codes = set()
    for option in getattr(content, "crsOptions", []) or []:
        codes.add(option.upper().replace("URN:OGC:DEF:CRS:EPSG::", "EPSG:"))
    return codes


def getmap_url(source: WmsSource, xmin: float, ymin: float, xmax: float, ymax: float,
               width: int, height: int) -> str:
    """One GetMap image of `width` × `height` pixels for the RD New rectangle (metres, 2 decimals)."""
    params = {"SERVICE": "WMS", "REQUEST": "GetMap", "VERSION": source.version,
              "LAYERS": source.layer, "STYLES": "",
              ("CRS" if source.version == "1.3.0" else "SRS"): RD_CRS,
              "BBOX": ",".join(f"{v:.2f}" for v in (xmin, ymin, xmax, ymax)),
              "WIDTH": str(width), "HEIGHT": str(height), "FORMAT": source.image_format,
              "TRANSPARENT": "TRUE"}
    base = source.getmap_url.rstrip("?&")
    return base + ("&" if "?" in base else "?") + urlencode(params, safe=":,/")
