"""A WMS as background against the loopback server: detected from its capabilities, one GetMap
for the view after the debounce (BBOX/WIDTH/HEIGHT worked out by hand), the disk cache serves the
same view in a new session, a failing GetMap gives a quiet message, and the WMS chosen in the
layers panel comes back in the next session."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from real_window import shown_main_window
from wmts_server import WmtsServer

from bomenplan.ui.features.map_background import CUSTOM, MapBackground
from bomenplan.ui.settings import MAP_LAYERS, Settings
from bomenplan.ui.views.map_view import MapView
from bomenplan.ui.views.map_wms_layer import WmsLayerItem
from bomenplan.ui.views.map_wmts_layer import TileFetcher


@pytest.fixture
def server():
    with WmtsServer() as running:
        yield running


def open_wms(qtbot, tmp_path, server, path="/wms"):
    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    background = MapBackground(view, TileFetcher(cache_folder=tmp_path / "cache", timeout_ms=4000))
    background.choose(CUSTOM, server.url(path + "?request=GetCapabilities&service=WMS"))
    qtbot.waitUntil(lambda: background.item is not None, timeout=5000)
    item = background.item
    item.flush()  # the image of the opening view, out of the way of the test's own views
    qtbot.waitUntil(lambda: not item._pending, timeout=5000)
    return background, item


def getmaps(server):
    return [parse_qs(urlsplit(p).query) for p in server.requests if "GetMap" in p]


@pytest.mark.parametrize("path,crs_key", [("/wms", "CRS"), ("/wms111", "SRS")])
def test_one_getmap_for_the_view_then_the_cache(qtbot, tmp_path, server, path, crs_key):
    background, item = open_wms(qtbot, tmp_path, server, path)
    assert isinstance(item, WmsLayerItem)
    assert background.attribution.text == "BGT achtergrond · © Kadaster / PDOK"
    server.requests.clear()
    # 1600 × 1200 m at 2 m per pixel: 800 × 600 pixels; asked twice quickly, sent once
    item.request_view(232000, 556000, 233000, 557000, 2.0)
    url = item.request_view(232400, 556400, 234000, 557600, 2.0)
    qtbot.waitUntil(lambda: item._shown_url == url, timeout=5000)
    (query,) = getmaps(server)
    assert query["BBOX"] == ["232400.00,556400.00,234000.00,557600.00"]
    assert (query["WIDTH"], query["HEIGHT"], query[crs_key]) == (["800"], ["600"], ["EPSG:28992"])
    assert item.boundingRect().getCoords() == (232400, 556400, 234000, 557600)
    # a new session on the same disk cache: the same view costs no request
    server.requests.clear()
    _background2, item2 = open_wms(qtbot, tmp_path, server, path)
    server.requests.clear()
    url2 = item2.request_view(232400, 556400, 234000, 557600, 2.0)
    item2.flush()
    qtbot.waitUntil(lambda: item2._shown_url == url2, timeout=5000)
    assert url2 == url
    assert getmaps(server) == []


def test_a_failing_getmap_gives_a_quiet_message(qtbot, tmp_path, server):
    background, item = open_wms(qtbot, tmp_path, server)
    item.source = item.source.__class__(**{**item.source.__dict__,
                                           "getmap_url": server.url("/e500/wms?")})
    with qtbot.waitSignal(background.message, timeout=5000) as blocker:
        item.request_view(232000, 556000, 233000, 557000, 2.0)
    assert blocker.args[0] == "Achtergrondkaart (WMS): beeld niet geladen (HTTP 500)"
    assert "e500" not in item._shown_url  # the opening view's image stays


def test_the_view_moving_asks_for_a_new_image(qtbot, tmp_path, server):
    background, item = open_wms(qtbot, tmp_path, server)
    server.requests.clear()
    background.map_view.plot_item.getViewBox().setRange(xRange=(233000, 234000),
                                                        yRange=(556000, 557000), padding=0)
    qtbot.waitUntil(lambda: len(getmaps(server)) == 1, timeout=5000)
    (query,) = getmaps(server)
    xmin, ymin, xmax, ymax = (float(v) for v in query["BBOX"][0].split(","))
    assert xmin <= 233000 and xmax >= 234000 and ymin <= 556000 and ymax >= 557000


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_custom_wms_chosen_in_the_layers_panel_is_remembered(qtbot, tmp_path, server, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the tile cache of this test
    url = server.url("/wms?request=GetCapabilities&service=WMS")
    with shown_main_window(qtbot, tmp_path, lambda f: None) as window:
        window.map_layers.state["custom_url"] = url  # as typed in the dialog
        window.map_layers.choose_background(CUSTOM, ask=False)
        qtbot.waitUntil(lambda: isinstance(window.map_layers.background.item, WmsLayerItem), timeout=5000)
    saved = json.loads(Settings.at(tmp_path / "settings.ini").get(MAP_LAYERS))
    assert (saved["background"], saved["custom_url"]) == (CUSTOM, url)
    server.requests.clear()
    with shown_main_window(qtbot, tmp_path, lambda f: None) as window:  # the next session
        qtbot.waitUntil(lambda: isinstance(window.map_layers.background.item, WmsLayerItem), timeout=5000)
        assert window.map_layers.background.attribution.text == "BGT achtergrond · © Kadaster / PDOK"
