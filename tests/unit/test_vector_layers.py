"""Offline vector layers: GeoPackage / Shapefile layers read and brought to RD New (issue 11, part 3),
and their preparation into tiles for the map (plain data, no Qt)."""

import numpy as np
import pyogrio.raw
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from bomenplan.services.map_tiles import tile_rings
from bomenplan.services.vector_layers import VectorLayerError, file_layers, read_vector_layer

# The RD New origin, the Onze Lieve Vrouwetoren in Amersfoort: x 155 000, y 463 000 is
# 52.15517440 N, 5.38720621 E (the definition of the Rijksdriehoeksmeting).
AMERSFOORT_LONLAT = (5.38720621, 52.15517440)


def write(path, geometries, crs, layer=None, names=None, kind="Polygon", driver="GPKG"):
    names = names or [f"vlak {i}" for i in range(len(geometries))]
    pyogrio.raw.write(path, shapely.to_wkb(np.array(geometries, dtype=object)),
                      [np.array(names, dtype=object)], ["naam"], layer=layer, driver=driver,
                      geometry_type=kind, crs=crs)


def test_a_layer_in_rd_new_is_read_as_is(tmp_path):
    path = tmp_path / "bgt.gpkg"
    write(path, [box(233000, 557000, 233010, 557020)], "EPSG:28992", layer="pand")
    write(path, [box(233100, 557000, 233130, 557010)], "EPSG:28992", layer="waterdeel")
    assert file_layers(path) == ["pand", "waterdeel"]
    data = read_vector_layer(path, "waterdeel")
    assert data.polygons and data.notes == [] and data.title == "bgt — waterdeel"
    assert data.geometries[0].equals(box(233100, 557000, 233130, 557010))


def test_a_layer_in_wgs84_is_reprojected_to_rd_new(tmp_path):
    path = tmp_path / "wgs.gpkg"
    lon, lat = AMERSFOORT_LONLAT
    square = box(lon - 0.0001, lat - 0.0001, lon + 0.0001, lat + 0.0001)
    write(path, [square], "EPSG:4326")
    data = read_vector_layer(path)
    centre = data.geometries[0].centroid
    # without the RDNAPTRANS grids pyproj's EPSG:28992 is good to about a metre
    assert centre.x == pytest.approx(155_000, abs=1.5) and centre.y == pytest.approx(463_000, abs=1.5)
    # 0.0002° of longitude at 52.16° N ≈ 13.7 m, of latitude ≈ 22.3 m
    xmin, ymin, xmax, ymax = data.geometries[0].bounds
    assert xmax - xmin == pytest.approx(13.7, abs=0.3) and ymax - ymin == pytest.approx(22.3, abs=0.3)
    assert any("omgerekend" in note and "RD New" in note for note in data.notes)


def test_a_shapefile_of_lines_is_read_as_lines(tmp_path):
    path = tmp_path / "sloten.shp"
    write(path, [LineString([(233000, 557000), (233100, 557000)])], "EPSG:28992",
          kind="LineString", driver="ESRI Shapefile")
    data = read_vector_layer(path)
    assert not data.polygons and data.geometries[0].length == pytest.approx(100)


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("kaart.gpkg", None, "kaart.gpkg"),  # missing file: the message names it
    ("kaart.txt", b"x", "onbekend bestandstype"),
    ("kapot.gpkg", b"geen geopackage", "niet te lezen"),
])
def test_bad_files_give_a_dutch_message_naming_the_file(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(VectorLayerError, match=expected) as info:
        read_vector_layer(path)
    assert name in str(info.value)


def test_points_are_refused_with_a_message(tmp_path):
    path = tmp_path / "bomen.gpkg"
    write(path, [Point(233000, 557000)], "EPSG:28992", kind="Point")
    with pytest.raises(VectorLayerError, match="alleen vlakken of lijnen"):
        read_vector_layer(path)


def test_polygons_are_binned_in_tiles_with_nan_between_rings():
    polygons = [box(10, 10, 20, 20), box(50, 50, 60, 60), box(310, 10, 320, 20)]
    tiles = sorted(tile_rings(polygons), key=lambda t: t.bounds)
    assert [t.bounds for t in tiles] == [(10, 10, 60, 60), (310, 10, 320, 20)]  # 300 m tiles
    first = tiles[0].detailed
    assert len(first) == 5 + 1 + 5  # two closed rings of 5 points, one NaN row between them
    assert np.isnan(first[5]).all()


def test_a_hole_is_kept_and_turned_against_the_exterior():
    ring_with_hole = box(0, 0, 100, 100).difference(box(40, 40, 60, 60))
    (tile,) = tile_rings([ring_with_hole])
    rings = np.split(tile.detailed, np.flatnonzero(np.isnan(tile.detailed[:, 0])))
    exterior, hole = rings[0], rings[1][1:]
    assert shapely.LinearRing(exterior).is_ccw and not shapely.LinearRing(hole).is_ccw
