"""WMTS in RD New: capabilities parsed with OWSLib, the zoom level for a screen resolution, and
the tiles covering a view — expected columns and rows worked out by hand from PDOK's
EPSG:28992 tile matrix set (top left -285401.92, 903401.92; 3440.64 m/pixel at level 0)."""

import pytest
from wmts_server import capabilities

from bomenplan.services.wmts import (
    WmtsError,
    matrix_for,
    parse_capabilities,
    tile_bounds,
    tile_url,
    tiles_covering,
)

BASE = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def source():
    return parse_capabilities(capabilities(BASE), BASE + "/wmts", "standaard")


def test_capabilities_give_the_rd_matrices_and_the_attribution(source):
    assert source.matrix_set == "EPSG:28992" and len(source.matrices) == 15
    level0, level10 = source.matrices[0], source.matrices[10]
    assert level0.resolution == pytest.approx(3440.64)  # 12 288 000 × 0.28 mm
    assert level10.resolution == pytest.approx(3.36)
    assert (level10.left, level10.top) == (-285401.92, 903401.92)
    assert source.attribution == "© Kadaster / PDOK"


@pytest.mark.parametrize(("metres_per_pixel", "level"), [
    (4.0, "10"),    # 3.36 is the coarsest level at least as sharp as 4 m/pixel
    (1.0, "12"),    # 0.84
    (3.36, "10"),   # exactly a level
    (0.05, "14"),   # finer than the finest: the finest
])
def test_the_zoom_level_is_the_coarsest_that_is_sharp_enough(source, metres_per_pixel, level):
    assert matrix_for(source, metres_per_pixel).identifier == level


def test_tiles_of_the_brink_at_level_10(source):
    # tile span 256 × 3.36 = 860.16 m; x 232 400–234 000 → (x + 285 401.92) / 860.16 = 601.98–603.84
    # y 556 400–557 600 → (903 401.92 − y) / 860.16 = 402.02–403.42
    tiles = tiles_covering(source.matrices[10], 232400, 556400, 234000, 557600)
    assert tiles == [(601, 402), (602, 402), (603, 402), (601, 403), (602, 403), (603, 403)]


def test_tiles_of_the_brink_at_level_12(source):
    # span 215.04 m: x 233 100–233 300 → (x + 285 401.92) / 215.04 = 2411.19–2412.12;
    # y 556 900–557 100 → (903 401.92 − y) / 215.04 = 1610.41–1611.34
    assert tiles_covering(source.matrices[12], 233100, 556900, 233300, 557100) == \
        [(2411, 1610), (2412, 1610), (2411, 1611), (2412, 1611)]


def test_tiles_at_the_rd_origin_start_on_a_tile_corner(source):
    # (155 000 + 285 401.92) / 860.16 = 512 exactly, (903 401.92 − 463 000) / 860.16 = 512
    assert tiles_covering(source.matrices[10], 155000, 462900, 155100, 463000) == [(512, 512)]
    assert tiles_covering(source.matrices[12], 155010, 462990, 155020, 463000) == [(2048, 2048)]
    left, bottom, right, top = tile_bounds(source.matrices[10], 512, 512)
    assert (left, top) == pytest.approx((155000, 463000)) and right - left == pytest.approx(860.16)
    assert top - bottom == pytest.approx(860.16)


def test_the_tile_url_fills_the_template(source):
    assert tile_url(source, source.matrices[10], 602, 402) == \
        f"{BASE}/tiles/standaard/EPSG:28992/10/602/402.png"


def test_a_broken_document_or_missing_layer_gives_a_message():
    with pytest.raises(WmtsError, match="127.0.0.1:9"):
        parse_capabilities(b"<Capabilities><Contents>", BASE + "/wmts")
    with pytest.raises(WmtsError, match="luchtfoto bestaat niet"):
        parse_capabilities(capabilities(BASE), BASE + "/wmts", "luchtfoto")
