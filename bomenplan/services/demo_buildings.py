"""Made-up building footprints and public green areas around the demo register, written as
GeoPackages (RD New), so the 3-30-300 monitor runs offline on the demo. Not real BAG data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely

from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.tree import RD_NEW
from bomenplan.services.safe_files import replacing

HOUSE_W, HOUSE_D = 8.0, 10.0  # m, a terraced house's footprint
GRID_M = 45.0  # one house per 45 m grid cell where no tree stands within 6 m


def demo_buildings(cols: RegisterColumns, seed: int = 14) -> np.ndarray:
    """House footprints on a jittered grid over the register's extent, off the trees themselves."""
    if not len(cols):
        return np.empty(0, dtype=object)
    rng = np.random.default_rng(seed)
    gx, gy = np.meshgrid(np.arange(cols.x.min(), cols.x.max(), GRID_M),
                         np.arange(cols.y.min(), cols.y.max(), GRID_M))
    x = gx.ravel() + rng.uniform(-8, 8, gx.size)
    y = gy.ravel() + rng.uniform(-8, 8, gy.size)
    houses = shapely.box(x, y, x + HOUSE_W, y + HOUSE_D)
    trees = shapely.STRtree(shapely.points(cols.x, cols.y))
    on_tree = np.unique(trees.query(houses, predicate="dwithin", distance=6.0)[0])
    return np.delete(houses, on_tree)


def demo_greens(cols: RegisterColumns) -> np.ndarray:
    """Parks: the hull of each buurt's boomweide trees plus 25 m (trees in grass fields)."""
    weide = cols.boomgroep == "boomweide"
    parks = []
    for buurt in sorted({str(b) for b in cols.buurt[weide]}):
        mask = weide & (cols.buurt == buurt)
        parks.append(shapely.convex_hull(shapely.multipoints(np.column_stack([cols.x[mask], cols.y[mask]])))
                     .buffer(25.0))
    return np.array(parks, dtype=object)


def write_polygons(path: Path, polygons: np.ndarray, layer: str) -> None:
    import pyarrow as pa
    import pyogrio

    table = pa.table({"nummer": pa.array(range(1, len(polygons) + 1), type=pa.int64()),
                      "geometry": pa.array(shapely.to_wkb(polygons).tolist(), type=pa.binary())})
    with replacing(path) as temp:
        pyogrio.write_arrow(table, temp, layer=layer, driver="GPKG", crs=RD_NEW,
                            geometry_name="geometry", geometry_type="Polygon")


def write_demo_maps(cols: RegisterColumns, folder: Path) -> tuple[Path, Path]:
    """demo_bag.gpkg (houses) and demo_groen.gpkg (parks) in `folder`."""
    bag, green = Path(folder) / "demo_bag.gpkg", Path(folder) / "demo_groen.gpkg"
    write_polygons(bag, demo_buildings(cols), "panden")
    write_polygons(green, demo_greens(cols), "groen")
    return bag, green
