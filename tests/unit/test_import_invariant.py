"""Property: whatever the rows hold, rows read = accepted + rejected, one rejection per row."""

import csv

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bomenplan.services.importing import guess_mapping, import_trees, read_source
from tests.unit.test_import_run import FakeUnitOfWork

cell = st.one_of(st.sampled_from(["", "0", "1990", "2999", "abc", "233000", "557000", "-1",
                                  "Tilia cordata", "Stobbe", "jaar", "6,5", "1e3"]),
                 st.text(alphabet=st.one_of(st.characters(whitelist_categories=("L", "N", "P")),
                                            st.just(" ")), max_size=8))
row = st.lists(cell, min_size=3, max_size=7)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(row, min_size=1, max_size=25))
def test_every_row_is_accepted_or_rejected_once(tmp_path, rows):
    path = tmp_path / "random.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["boomnummer", "soort", "x", "y", "jaar", "stamomtrek", "typeobject"][:5])
        writer.writerows(rows)
    src = read_source(path, delimiter=";")
    uow = FakeUnitOfWork()
    report = import_trees(uow, src, guess_mapping(src), crs="EPSG:28992")
    blank = sum(len(r) == 5 and not "".join(r).strip() for r in rows)  # blank lines are no rows
    assert report.rows_read == len(rows) - blank == report.rows_accepted + report.rows_rejected
    assert len({r.line for r in report.rejections}) == report.rows_rejected
    assert sum(len(b) for b in uow.trees.batches) == report.rows_accepted
