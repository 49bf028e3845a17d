"""The online background against a loopback WMTS: exactly the tiles covering the view are
requested, the disk cache serves a second view without new requests, and 404 / 500 / garbage /
timeout / a broken capabilities document each give a message while the map keeps working."""

import pytest
from wmts_server import WmtsServer

from bomenplan.ui.features.map_background import CUSTOM, MapBackground
from bomenplan.ui.views.map_view import MapView
from bomenplan.ui.views.map_wmts_layer import TileFetcher


@pytest.fixture
def server():
    with WmtsServer() as running:
        yield running


def make_background(qtbot, tmp_path, timeout_ms=4000):
    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    fetcher = TileFetcher(cache_folder=tmp_path / "cache", timeout_ms=timeout_ms)
    background = MapBackground(view, fetcher)
    return view, background


def open_service(qtbot, background, server, path="/wmts"):
    background.choose(CUSTOM, server.url(path + "?request=GetCapabilities&service=wmts"), "standaard")
    qtbot.waitUntil(lambda: background.item is not None, timeout=5000)
    return background.item


def expected(server, level, tiles, kind="tiles"):
    return {f"/{kind}/standaard/EPSG:28992/{level}/{c}/{r}.png" for c, r in tiles}


def wait_quiet(qtbot, item):
    qtbot.waitUntil(lambda: not item._pending, timeout=5000)


def test_the_tiles_covering_the_view_are_requested_then_cached(qtbot, tmp_path, server):
    view, background = make_background(qtbot, tmp_path)
    item = open_service(qtbot, background, server)
    assert background.attribution.text == "© Kadaster / PDOK" and background.attribution.isVisible()
    server.requests.clear()
    item.request_view(232400, 556400, 234000, 557600, 4.0)  # level 10: by hand in test_wmts.py
    wait_quiet(qtbot, item)
    first = expected(server, 10, [(601, 402), (602, 402), (603, 402), (601, 403), (602, 403), (603, 403)])
    item.request_view(233100, 556900, 233300, 557100, 1.0)  # level 12
    wait_quiet(qtbot, item)
    second = expected(server, 12, [(2411, 1610), (2412, 1610), (2411, 1611), (2412, 1611)])
    assert sorted(server.tile_requests()) == sorted(first | second)  # exactly these, once each
    assert len(item._tiles) == 10
    # a new map (a new session) on the same disk cache: the same views cost no request at all
    server.requests.clear()
    _view2, background2 = make_background(qtbot, tmp_path)
    item2 = open_service(qtbot, background2, server)
    item2.request_view(232400, 556400, 234000, 557600, 4.0)
    item2.request_view(233100, 556900, 233300, 557100, 1.0)
    qtbot.waitUntil(lambda: len(item2._tiles) == 10, timeout=5000)
    assert server.tile_requests() == []


def test_the_view_asks_for_tiles_when_it_moves(qtbot, tmp_path, server):
    view, background = make_background(qtbot, tmp_path)
    item = open_service(qtbot, background, server)
    view.plot_item.getViewBox().setRange(xRange=(233000, 233400), yRange=(556800, 557200), padding=0)
    wait_quiet(qtbot, item)
    assert item._current and all(url in item._tiles for url in item._current)
    view.grab()  # paints the tiles without trouble


@pytest.mark.parametrize(("kind", "message"), [
    ("e404", "HTTP 404"), ("e500", "HTTP 500"), ("garbage", "ongeldige tegel"), ("slow", "tegel niet geladen"),
])
def test_bad_tile_answers_give_a_quiet_message(qtbot, tmp_path, server, kind, message):
    view, background = make_background(qtbot, tmp_path, timeout_ms=500)
    item = open_service(qtbot, background, server, f"/wmts/{kind}")
    messages = []
    background.message.connect(messages.append)
    item.request_view(233100, 556900, 233300, 557100, 1.0)
    qtbot.waitUntil(lambda: len(messages) == 4, timeout=8000)
    assert all(message in text for text in messages) and item._tiles == {}
    view.grab()  # the map still paints


def test_unreachable_or_broken_capabilities_give_a_message(qtbot, tmp_path, server):
    view, background = make_background(qtbot, tmp_path)
    messages = []
    background.message.connect(messages.append)
    background.choose(CUSTOM, server.url("/brokencaps"), "standaard")
    qtbot.waitUntil(lambda: len(messages) == 1, timeout=5000)
    assert "ongeldig capabilities-document" in messages[0]
    background.choose(CUSTOM, "http://127.0.0.1:1/wmts?request=GetCapabilities", "standaard")
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=5000)
    assert "niet bereikbaar" in messages[1] and background.item is None
