"""Real data: Amsterdam stumps (typeobject Stobbe) standing in tree rows are found as gaps.

Reads a slice of ../shared/data/amsterdam-247k (skips when absent). The columns are swapped:
`latitude` holds the longitude. Coordinates go to RD New with pyproj here, in the test.
"""

import csv
import io
import zipfile

import numpy as np
import pyproj
import pytest
import shapely
from helpers import shared_file

from bomenplan.domain.laan_detection import detect_lanen
from bomenplan.domain.laan_quality import analyse_lanen
from bomenplan.domain.register_columns import COLUMN_TYPES, RegisterColumns

SLICE = (4.86, 52.34, 4.92, 52.37)  # lon/lat box in Amsterdam-Zuid / De Pijp / Oud-West


def read_slice() -> RegisterColumns:
    path = shared_file("amsterdam-247k", "amsterdam_trees.zip")
    rows = []
    with zipfile.ZipFile(path) as z, z.open("amsterdam_trees.csv") as f:
        for r in csv.DictReader(io.TextIOWrapper(f, encoding="utf-8")):
            try:
                lon, lat = float(r["latitude"]), float(r["longitude"])  # swapped in the source
            except ValueError:
                continue  # a misaligned row
            if SLICE[0] <= lon <= SLICE[2] and SLICE[1] <= lat <= SLICE[3]:
                rows.append((int(r["id"]), lon, lat, r["soortnaam"], r["typeobject"],
                             r["jaarvanaanleg"]))
    to_rd = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
    x, y = to_rd.transform(np.array([r[1] for r in rows]), np.array([r[2] for r in rows]))
    n = len(rows)
    data = {name: [""] * n for name in COLUMN_TYPES}
    data.update(id=[r[0] for r in rows], site_id=[r[0] for r in rows], x=x.tolist(), y=y.tolist(),
                species_name=[r[3] for r in rows], genus=[r[3].split(" ")[0] for r in rows],
                status=["stobbe" if r[4] == "Stobbe" else "levend" for r in rows],
                plantjaar=[int(r[5]) if r[5].isdigit() else 0 for r in rows],
                stamdiameter_cm=[None] * n)
    return RegisterColumns.from_lists(data)


@pytest.fixture(scope="module")
def amsterdam():
    cols = read_slice()
    lanen = detect_lanen(cols)
    return cols, lanen, analyse_lanen(lanen, cols)


def test_stumps_in_rows_are_found_as_gaps(amsterdam):
    cols, lanen, analysis = amsterdam
    assert len(cols) > 25_000 and len(lanen) > 200
    rows = [row for laan in lanen for row in laan.rows]
    spacing = np.array([laan.spacing_m for laan in lanen for _row in laan.rows])
    stumps = np.flatnonzero(cols.status == "stobbe")
    living = np.flatnonzero(cols.status == "levend")
    stump_pts = shapely.points(cols.x[stumps], cols.y[stumps])
    on, row_of = shapely.STRtree(rows).query(stump_pts, predicate="dwithin", distance=1.0)
    first = np.unique(on, return_index=True)[1]
    on, row_of = on[first], row_of[first]
    _, nearest_living = shapely.STRtree(shapely.points(cols.x[living], cols.y[living])).query_nearest(
        stump_pts[on], return_distance=True)
    # A stump standing in a row where no living tree replaced it: at least 0.75 spacing free.
    in_row = stumps[on[nearest_living >= 0.75 * spacing[row_of]]]
    assert len(in_row) > 200
    gap_ids = {tid for gap in analysis.gaps for tid in gap.tree_ids if tid is not None}
    found = np.isin(cols.id[in_row], list(gap_ids))
    recall = found.mean()
    print(f"Amsterdam slice: {len(in_row)} stumps in rows, {found.sum()} found as gaps "
          f"(recall {recall:.3f})")
    assert recall >= 0.95


def test_every_reported_stump_cause_is_a_stump(amsterdam):
    cols, _lanen, analysis = amsterdam
    status = dict(zip(cols.id.tolist(), cols.status.tolist(), strict=True))
    causes = [(c, t) for g in analysis.gaps for c, t in zip(g.causes, g.tree_ids, strict=True)]
    assert any(c == "stobbe" for c, _t in causes)
    assert all(status[t] == "stobbe" for c, t in causes if c == "stobbe")
    assert all(t is None for c, t in causes if c == "ontbreekt")
