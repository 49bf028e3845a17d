"""Geo sources through pyogrio: a Shapefile in WGS84 and a GeoPackage in UTM, CRS from metadata."""

import pyarrow as pa
import pyogrio
import pytest
import shapely

from bomenplan.services.importing import guess_mapping, import_trees, read_source


def _write(path, crs, xs, ys, driver):
    table = pa.table({
        "BOOMNR": pa.array(["G1", "G2", "G3"]),
        "BOOMSOORT": pa.array(["Tilia cordata", "Quercus robur", ""]),
        "PLANTJAAR": pa.array([1980.0, 0.0, 2001.0]),
        "geometry": pa.array(shapely.to_wkb(shapely.points(xs, ys)).tolist(), pa.binary()),
    })
    pyogrio.write_arrow(table, path, driver=driver, geometry_name="geometry",
                        geometry_type="Point", crs=crs)
    return path


@pytest.mark.parametrize("name, driver, crs, xs, ys", [
    ("bomen.shp", "ESRI Shapefile", "EPSG:4326", [6.56, 6.57, 6.58], [53.0, 53.0, 53.0]),
    ("bomen.gpkg", "GPKG", "EPSG:32631", [738_870, 739_541, 740_212], [5_878_200] * 3),
])
def test_geo_file_with_its_own_crs(tmp_path, uow_factory, name, driver, crs, xs, ys):
    src = read_source(_write(tmp_path / name, crs, xs, ys, driver))
    assert src.crs == crs and src.n_rows == 3
    mapping = guess_mapping(src)
    assert mapping.crs == crs and mapping.fields["x"] is None  # position from the geometry
    report = import_trees(uow_factory(), src, mapping)
    assert (report.rows_read, report.rows_accepted) == (3, 2)
    assert [(r.line, r.field) for r in report.rejections] == [(3, "species_name")]
    with uow_factory() as uow:
        cols = uow.trees.columns()
    assert list(cols.boomnummer) == ["G1", "G2"] and list(cols.plantjaar) == [1980, 0]
    assert all(200_000 < x < 260_000 for x in cols.x)  # near Assen in RD New
    assert all(530_000 < y < 580_000 for y in cols.y)
