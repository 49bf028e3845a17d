"""WMS capabilities (1.3.0 and 1.1.1) parsed with OWSLib and the GetMap URL for a view, worked
out by hand: a view of 2000 × 1500 m at 2.5 m per pixel is 800 × 600 pixels; EPSG:28992 has
easting first, so the BBOX is xmin,ymin,xmax,ymax in both versions."""

from urllib.parse import parse_qs, urlsplit

import pytest
from wmts_server import capabilities, wms_capabilities

from bomenplan.services.wms import getmap_url, is_wms_capabilities, parse_wms_capabilities
from bomenplan.services.wmts import WmtsError


@pytest.mark.parametrize("version,crs_key", [("1.3.0", "CRS"), ("1.1.1", "SRS")])
def test_the_rd_layer_is_chosen_and_the_getmap_is_worked_out(version, crs_key):
    xml = wms_capabilities("http://h:1", version)
    assert is_wms_capabilities(xml)
    source = parse_wms_capabilities(xml, "http://h:1/wms?request=GetCapabilities")
    assert source.layer == "bgt"  # "wereld" offers only EPSG:4326
    assert source.version == version and source.image_format == "image/png"
    assert source.attribution == "BGT achtergrond · © Kadaster / PDOK"
    url = getmap_url(source, 232000, 556000, 234000, 557500, 800, 600)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "http://h:1/wms"
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert query["REQUEST"] == "GetMap" and query["VERSION"] == version
    assert query[crs_key] == "EPSG:28992" and query["LAYERS"] == "bgt"
    assert query["BBOX"] == "232000.00,556000.00,234000.00,557500.00"
    assert (query["WIDTH"], query["HEIGHT"]) == ("800", "600")


def test_wmts_capabilities_are_not_taken_for_wms():
    assert not is_wms_capabilities(capabilities("http://h:1"))


def test_a_layer_without_rd_new_or_a_broken_document_is_refused():
    xml = wms_capabilities("http://h:1")
    with pytest.raises(WmtsError, match="RD New"):
        parse_wms_capabilities(xml, "http://h:1/wms", layer="wereld")
    with pytest.raises(WmtsError, match="bestaat niet"):
        parse_wms_capabilities(xml, "http://h:1/wms", layer="bomen")
    with pytest.raises(WmtsError, match="h:1: ongeldig"):
        parse_wms_capabilities(b"<WMS_Capabilities><Capability>", "http://h:1/wms")
