"""Buurt polygons from a CBS-like GeoPackage (WGS84, several gemeenten, a water buurt) into the
register, and the 3-30-300 monitor dividing crown area by the stored buurt area."""

from __future__ import annotations

import csv

import numpy as np
import pyarrow as pa
import pyogrio
import pyproj
import pytest
import shapely
from shapely.geometry import Point, box

from bomenplan.cli.main import run_cli
from bomenplan.domain.areas import BUURT
from bomenplan.domain.plan_check import PlanAreaError
from bomenplan.domain.tree import Tree
from bomenplan.services import register
from bomenplan.services.area_import import import_areas, load_areas
from bomenplan.services.demo_buildings import write_polygons

X0, Y0 = 233000.0, 557000.0
# two 200 × 100 m buurten of Assen side by side (2 ha each), one water buurt, one of Tynaarlo
RD_POLYGONS = [box(X0, Y0, X0 + 200, Y0 + 100), box(X0 + 200, Y0, X0 + 400, Y0 + 100),
               box(X0, Y0 + 100, X0 + 400, Y0 + 200), box(X0, Y0 - 300, X0 + 100, Y0 - 200)]
FIELDS = {"buurtcode": ["BU01060101", "BU01060102", "BU01060199", "BU17300101"],
          "buurtnaam": ["Binnenstad", "Veemarkt", "Vaart", "Zeijen"],
          "wijkcode": ["WK010601", "WK010601", "WK010601", "WK173001"],
          "gemeentenaam": ["Assen", "Assen", "Assen", "Tynaarlo"],
          "water": ["NEE", "NEE", "JA", "NEE"]}


def _write_cbs(path, names=None):
    to_wgs = pyproj.Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    wgs = [shapely.transform(p, lambda xy: np.column_stack(to_wgs.transform(xy[:, 0], xy[:, 1])))
           for p in RD_POLYGONS]
    columns = {k: pa.array(v) for k, v in FIELDS.items()}
    if names is not None:
        columns["buurtnaam"] = pa.array(names)
    columns["geometry"] = pa.array(shapely.to_wkb(wgs).tolist(), type=pa.binary())
    pyogrio.write_arrow(pa.table(columns), path, layer="buurten", driver="GPKG", crs="EPSG:4326",
                        geometry_name="geometry", geometry_type="Polygon")


@pytest.fixture
def trees_in_binnenstad(uow_factory):
    # 4 trees 20 m apart in a row at y + 50, x + 50..110, all in the first buurt (hoogteklasse unknown)
    for i in range(4):
        register.add_tree(uow_factory(), Tree(id=None, boomnummer=f"A{i}", site_id=None,
                                              position=Point(X0 + 50 + 20 * i, Y0 + 50),
                                              species_name="Tilia cordata", buurt="Binnenstad",
                                              kroondiameter_m=10.0 if i == 0 else None))
    return uow_factory


def test_cbs_buurten_are_filtered_converted_and_stored(trees_in_binnenstad, tmp_path):
    path = tmp_path / "wijkenbuurten.gpkg"
    _write_cbs(path)
    stored, notes = import_areas(trees_in_binnenstad(), path, BUURT, gemeente="Assen")
    assert stored == 2  # Tynaarlo's buurt left out by name, the water buurt Vaart skipped
    assert any("water=JA" in n for n in notes) and any("omgerekend" in n for n in notes)
    areas = load_areas(trees_in_binnenstad(), BUURT)
    assert [(a.name, a.code, a.parent) for a in areas] == [("Binnenstad", "BU01060101", "WK010601"),
                                                           ("Veemarkt", "BU01060102", "WK010601")]
    assert areas[0].geometry.area == pytest.approx(20_000, rel=1e-4)  # back in RD New metres
    assert areas[0].geometry.bounds == pytest.approx((X0, Y0, X0 + 200, Y0 + 100), abs=0.01)


def test_without_gemeente_only_buurten_holding_trees_are_kept(trees_in_binnenstad, tmp_path):
    path = tmp_path / "wijkenbuurten.gpkg"
    _write_cbs(path)
    stored, notes = import_areas(trees_in_binnenstad(), path, BUURT)
    assert stored == 1 and any("zonder bomen" in n for n in notes)


def test_an_empty_name_is_a_clear_error_naming_file_row_and_field(trees_in_binnenstad, tmp_path):
    path = tmp_path / "kapot.gpkg"
    _write_cbs(path, names=["Binnenstad", "", "Vaart", "Zeijen"])
    with pytest.raises(PlanAreaError, match=r"kapot.gpkg, rij 2: veld buurtnaam is leeg"):
        import_areas(trees_in_binnenstad(), path, BUURT, gemeente="Assen")
    assert load_areas(trees_in_binnenstad(), BUURT) == []  # nothing stored


def test_3_30_300_cli_imports_buurten_and_divides_by_their_area(trees_in_binnenstad, db_path, tmp_path,
                                                               capsys):
    cbs = tmp_path / "wijkenbuurten.gpkg"
    _write_cbs(cbs)
    write_polygons(tmp_path / "bag.gpkg", np.array([box(X0 + 60, Y0 + 55, X0 + 70, Y0 + 62)]), "panden")
    write_polygons(tmp_path / "groen.gpkg", np.array([box(X0, Y0 + 400, X0 + 100, Y0 + 460)]), "groen")
    out = tmp_path / "per-buurt.csv"
    assert run_cli(["3-30-300", "--db", str(db_path), "--buurten", str(cbs), "--gemeente", "Assen",
                    "--buildings", str(tmp_path / "bag.gpkg"), "--green", str(tmp_path / "groen.gpkg"),
                    "--out", str(out)]) == 0
    err = capsys.readouterr().err
    progress = [line for line in err.split("\n") if "3-30-300:" in line]
    # the progress line is finished before anything else is printed on it
    assert progress and all(line.rstrip().endswith("%") for line in progress), err
    rows = {r["buurt"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert set(rows) == {"Binnenstad", "Veemarkt"}
    # crowns: the measured 10 m disc at (50, 50) and three assumed 6 m discs 20 m apart (hoogteklasse
    # unknown), none overlapping: 1 m cells under r 5 m: 80 (π·25 = 78,5); under r 3 m: 32 each
    # (π·9 = 28,3) → 80 + 96 = 176 m² of the buurt's 20 000 m² = 0,88 %
    assert rows["Binnenstad"]["pct_kroonbedekking"] == "0.9"
    assert rows["Binnenstad"]["oppervlak_ha"] == "2.00" and rows["Veemarkt"]["pct_kroonbedekking"] == "0.0"
    # the house: trees at x 50, 70, 90, 110 vs footprint x 60-70, y 55-62: 11,2 / 5 / 20,6 / 40,3 m → 2
    assert rows["Binnenstad"]["woningen"] == "1" and rows["Binnenstad"]["pct_3_bomen"] == "0.0"
    assert rows["Binnenstad"]["pct_groen_300m"] == "0.0"  # park 338 m north of the house


def test_area_boundaries_round_trip_on_both_backends(any_db_url):
    from bomenplan.domain.areas import WIJK, AreaBoundary
    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork

    engine, sessions = open_database(any_db_url)
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    ring = box(X0, Y0, X0 + 200, Y0 + 100).difference(box(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20))  # with a hole
    with factory() as uow:
        uow.areas.replace(BUURT, [AreaBoundary(BUURT, "Binnenstad", "BU01060101", "WK010601", ring)])
        uow.areas.replace(WIJK, [AreaBoundary(WIJK, "Centrum", "WK010601", "Assen", RD_POLYGONS[2])])
        uow.commit()
    with factory() as uow:
        uow.areas.replace(BUURT, [])  # rolled back: never committed
    (buurt,) = load_areas(factory(), BUURT)
    assert (buurt.name, buurt.code, buurt.parent) == ("Binnenstad", "BU01060101", "WK010601")
    assert buurt.geometry.equals(ring) and buurt.geometry.area == pytest.approx(20_000 - 100)
    assert [a.name for a in load_areas(factory(), "wijk")] == ["Centrum"]
    engine.dispose()


def test_3_30_300_cli_reports_the_share_along_the_network(trees_in_binnenstad, db_path, tmp_path):
    import pyarrow as pa

    # house x 60-70, y 55-62 (offsets from X0, Y0); park x 0-100, y 250-310: 188 m straight north.
    # One path x = 65 from y = 50 to 250 (nodes every 25 m): nearest node (65, 50) 5 m from the house.
    # The park is entered from nodes within 25 m (default): (65, 225) → 5 + 175 = 180 m; within 10 m
    # only from (65, 250) on its edge → 5 + 200 = 205 m. A second, unconnected path changes nothing.
    write_polygons(tmp_path / "bag.gpkg", np.array([box(X0 + 60, Y0 + 55, X0 + 70, Y0 + 62)]), "panden")
    write_polygons(tmp_path / "groen.gpkg", np.array([box(X0, Y0 + 250, X0 + 100, Y0 + 310)]), "groen")
    paths = shapely.linestrings([[(X0 + 65, Y0 + 50), (X0 + 65, Y0 + 250)], [(X0 + 300, Y0), (X0 + 390, Y0)]])
    pyogrio.write_arrow(pa.table({"geometry": pa.array(shapely.to_wkb(paths).tolist(), type=pa.binary())}),
                        tmp_path / "paden.gpkg", layer="paden", driver="GPKG", crs="EPSG:28992",
                        geometry_name="geometry", geometry_type="LineString")
    base = ["3-30-300", "--db", str(db_path), "--buildings", str(tmp_path / "bag.gpkg"),
            "--green", str(tmp_path / "groen.gpkg"), "--netwerk", str(tmp_path / "paden.gpkg")]
    out = tmp_path / "a.csv"
    assert run_cli([*base, "--out", str(out)]) == 0
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["pct_groen_300m"], row["pct_groen_300m_netwerk"]) == ("100.0", "100.0")
    assert run_cli([*base, "--groenafstand", "200", "--out", str(out)]) == 0  # 188 m straight, 180 m walking
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["pct_groen_300m"], row["pct_groen_300m_netwerk"]) == ("100.0", "100.0")
    assert run_cli([*base, "--groenafstand", "200", "--groen-toegang", "10", "--out", str(out)]) == 0  # 205 m
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["pct_groen_300m"], row["pct_groen_300m_netwerk"]) == ("100.0", "0.0")
