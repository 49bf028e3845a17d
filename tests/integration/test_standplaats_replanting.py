"""Replanting reads the available soil volume from the laan's standplaats records."""

from laan_generator import LaanSpec, generate, store

from bomenplan.domain.standplaats import Standplaats
from bomenplan.services import lanen as svc
from bomenplan.services.standplaats import laan_soil_volume, save_standplaats

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def test_replanting_uses_standplaats_volume_when_none_entered(uow_factory):
    store(uow_factory, generate([LaanSpec(n=20, straat="Hoofdlaan", two_sided=True)], seed=3))
    laan = svc.detect_and_store(uow_factory(), accept=True)[0]
    before = svc.replanting_for_laan(uow_factory(), laan.id)
    assert all("bodemvolume onbekend" in o.reason("bodemvolume").text for o in before)
    with uow_factory() as uow:
        site_ids = sorted(set(uow.trees.columns().site_id.tolist()))[:3]
    for site_id, volume in zip(site_ids, (10.0, 30.0, 80.0), strict=True):
        save_standplaats(uow_factory(), Standplaats(site_id, bodemvolume_m3=volume))
    assert laan_soil_volume(uow_factory(), site_ids) == 30.0  # median of 10, 30, 80
    after = svc.replanting_for_laan(uow_factory(), laan.id)
    assert all("30 m³ beschikbaar" in o.reason("bodemvolume").text for o in after)
    entered = svc.replanting_for_laan(uow_factory(), laan.id, soil_volume_m3=200.0)  # planner's value wins
    assert all("200 m³ beschikbaar" in o.reason("bodemvolume").text for o in entered)


def test_soil_report_groups_recorded_trees_per_laan(uow_factory):
    from bomenplan.services.soil_summary import soil_report
    store(uow_factory, generate([LaanSpec(n=20, straat="Hoofdlaan", two_sided=True)], park_trees=30, seed=3))
    svc.detect_and_store(uow_factory(), accept=True)
    with uow_factory() as uow:
        cols = uow.trees.columns()
    laan_rows = [i for i, s in enumerate(cols.straat.tolist()) if s == "Hoofdlaan"][:4]
    other = [i for i, s in enumerate(cols.straat.tolist()) if s != "Hoofdlaan"][:2]
    for i in laan_rows + other:
        save_standplaats(uow_factory(), Standplaats(int(cols.site_id[i]), bodemvolume_m3=5.0))
    report = soil_report(uow_factory())
    assert [(s.key, s.n_trees) for s in report.per_laan] == [("Hoofdlaan", 4)]
