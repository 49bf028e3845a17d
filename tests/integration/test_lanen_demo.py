"""The demo municipality: detection finds its lanen and the Hoofdlaan's ≥ 25 missing trees."""

import numpy as np
import pytest

from bomenplan.domain.laan_quality import LaanKwaliteit
from bomenplan.services import lanen as svc
from bomenplan.services.demo import create_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from bomenplan.persistence.database import open_database
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork

    engine, sessions = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    factory = lambda: SqlUnitOfWork(sessions)  # noqa: E731
    create_demo(factory)
    svc.detect_and_store(factory())
    with factory() as uow:
        cols = uow.trees.columns()
    yield factory, cols, svc.analyse(factory(), cols=cols)
    engine.dispose()


def test_hoofdlaan_is_found_with_its_missing_trees_and_small_replacements(demo):
    _factory, _cols, report = demo
    i = [laan.name for laan in report.lanen].index("Hoofdlaan")
    laan, q = report.lanen[i], report.analysis.quality[i]
    assert len(laan.rows) == 2
    assert laan.hoofdbomenstructuur  # its trees are structuurbepalend in the register
    assert q.missing >= 25
    assert len(q.misfit_tree_ids) >= 10  # the young replacements among the old trees
    assert q.kwaliteit != LaanKwaliteit.GOED


def test_dead_records_in_demo_lanen_are_found_as_gap_causes(demo):
    _factory, cols, report = demo
    streets = {laan.straat for laan in report.lanen}
    dead = (cols.status != "levend") & np.isin(cols.straat, list(streets))
    gap_ids = {t for g in report.analysis.gaps for t in g.tree_ids if t is not None}
    found = np.isin(cols.id[dead], list(gap_ids))
    assert dead.sum() > 150
    assert found.mean() >= 0.95
