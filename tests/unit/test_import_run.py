"""import_trees with a fake unit of work: counts, reasons, reprojection, swap detection, cancel."""

import pytest

from bomenplan.domain.errors import Cancelled
from bomenplan.domain.species import Species
from bomenplan.services.importing import guess_mapping, import_trees, read_source


class FakeTrees:
    def __init__(self):
        self.batches = []

    def bulk_insert(self, batch, progress=None, cancelled=None):
        self.batches.append(batch)
        return len(batch)


class FakeExchange:
    def __init__(self):
        self.runs = []

    def record_import_run(self, *args):
        self.runs.append(args)


class FakeSpecies:
    def list(self):
        return [Species(1, "Tilia cordata", "Winterlinde"), Species(2, "Quercus robur", "Zomereik")]


class FakeUnitOfWork:
    def __init__(self):
        self.trees, self.exchange, self.species = FakeTrees(), FakeExchange(), FakeSpecies()
        self.committed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def commit(self):
        self.committed = True


def _csv(tmp_path, text):
    path = tmp_path / "b.csv"
    path.write_text(text, encoding="utf-8")
    return read_source(path)


WGS84_SWAPPED = (
    "id,latitude,longitude,soortnaam,jaarvanaanleg,typeobject,stamomtrek\n"
    "1,6.56,53.00,Tilia cordata,1990,Knotboom,94.2\n"        # Assen, columns swapped
    "2,6.57,53.00,Winterlinde,0,Boom vrij uitgroeiend,\n"     # Dutch name, year unknown
    "3,6.58,53.01,,2000,Stobbe,\n"                            # stump without species: fine
    "4,6.58,53.01,,2000,Boom vrij uitgroeiend,\n"             # living without species: rejected
    "5,6.58,53.01,Tilia cordata,1499,,\n"                     # year too early
    "6,6.58,53.01,Tilia cordata,twee,,\n"                     # text in year
    "7,,53.01,Tilia cordata,2001,,\n"                         # missing coordinate (mapped as y)
    "8,6.58,53.01,Acer spec.,2001,,-3\n"                      # negative circumference
    "9,6.59,53.02,Acer spec.,2001,,\n"                        # unmatched species: accepted
)


def test_counts_reasons_and_values(tmp_path):
    src = _csv(tmp_path, WGS84_SWAPPED)
    uow = FakeUnitOfWork()
    report = import_trees(uow, src, guess_mapping(src))
    assert (report.rows_read, report.rows_accepted, report.rows_rejected) == (9, 4, 5)
    assert [(r.line, r.field) for r in report.rejections] == [
        (5, "species_name"), (6, "plantjaar"), (7, "plantjaar"), (8, "y"), (9, "stamomtrek_cm")]
    assert report.rejections[2].value == "twee"
    assert report.swapped_xy and uow.committed
    assert report.unmatched_species == [("Acer spec.", 1)]
    batch = uow.trees.batches[0]
    assert batch.text["boomnummer"] == ["1", "2", "3", "9"]
    assert batch.numbers["species_id"] == [1, 1, None, None]
    assert batch.numbers["plantjaar"] == [1990, None, 2000, 2001]
    assert batch.text["status"] == ["levend", "levend", "stobbe", "levend"]
    assert batch.text["beheertype"][0] == "knot"
    assert batch.numbers["stamdiameter_cm"][0] == pytest.approx(94.2 / 3.141592653589793)
    # Assen lies near RD (233000, 557000)
    assert 225_000 < batch.x[0] < 240_000 and 550_000 < batch.y[0] < 565_000
    assert "Amersfoort" in report.transformation
    assert uow.exchange.runs[0][2:5] == (9, 4, 5)


def test_wrong_crs_rejects_everything_with_a_clear_reason(tmp_path):
    src = _csv(tmp_path, "nr,soort,x,y\n1,Tilia cordata,233000,557000\n2,Tilia cordata,233010,557000\n")
    report = import_trees(FakeUnitOfWork(), src, guess_mapping(src), crs="EPSG:31467")
    assert report.rows_accepted == 0 and report.rows_rejected == 2
    assert all(r.field == "positie" and "buiten Nederland" in r.reason and "EPSG:31467" in r.reason
               for r in report.rejections)


def test_cancel_raises_and_commits_nothing(tmp_path):
    src = _csv(tmp_path, WGS84_SWAPPED)
    uow = FakeUnitOfWork()
    with pytest.raises(Cancelled):
        import_trees(uow, src, guess_mapping(src), cancelled=lambda: True)
    assert not uow.committed and not uow.trees.batches


def test_mapping_to_a_missing_column_is_refused(tmp_path):
    src = _csv(tmp_path, "nr,soort,x,y\n1,Tilia cordata,233000,557000\n")
    mapping = guess_mapping(src).updated({"plantjaar": "jaar"})
    with pytest.raises(ValueError, match="jaar"):
        import_trees(FakeUnitOfWork(), src, mapping)
