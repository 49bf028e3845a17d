"""Standplaats record, problems, soil-volume report and plan check on a real SQLite file."""

from datetime import date

import pyogrio
import pytest
import shapely
from shapely.geometry import Point, box
from sqlalchemy import select

from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.plan_check import PlanAreaError
from bomenplan.domain.soil_volume import SoilNormTable
from bomenplan.domain.standplaats import (
    Maatregel,
    ProblemStatus,
    ProblemType,
    Severity,
    Standplaats,
    StandplaatsProblem,
)
from bomenplan.domain.tree import Tree
from bomenplan.domain.tree_protection import Zone
from bomenplan.domain.values import Beleidsstatus
from bomenplan.persistence.tables import SpeciesRow
from bomenplan.services import register
from bomenplan.services.plan_check import check_plan_area, check_plan_file
from bomenplan.services.soil_summary import soil_report
from bomenplan.services.species_catalogue import ensure_catalogue
from bomenplan.services.standplaats import (
    available_volume_per_site,
    get_standplaats,
    problems,
    save_problem,
    save_standplaats,
)

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

X0, Y0 = 233000.0, 557000.0


@pytest.fixture
def trees(uow_factory):
    ensure_catalogue(uow_factory())
    with uow_factory() as uow:
        tilia = uow.session.scalar(select(SpeciesRow.id).where(SpeciesRow.scientific_name == "Tilia cordata",
                                                               SpeciesRow.cultivar == ""))

    def add(n, dx, **kw):
        return register.add_tree(uow_factory(), Tree(
            id=None, boomnummer=n, site_id=None, position=Point(X0 + dx, Y0), species_name="Tilia cordata",
            species_id=tilia, straat="Nobellaan", wijk="Centrum", **kw))

    return [add("ASN-1", 0.0, kroondiameter_m=8.0, stamdiameter_cm=30.0),
            add("ASN-2", 20.0, kroondiameter_m=10.0, stamdiameter_cm=50.0, beleidsstatus=Beleidsstatus.MONUMENTAAL),
            add("ASN-3", 100.0)]


def test_record_round_trip_logged_and_locked(uow_factory, trees):
    site = trees[0].site_id
    assert get_standplaats(uow_factory(), site).version == 0  # nothing stored: all unknown
    rec = Standplaats(site, boomspiegel_m2=4.0, plantvak_lengte_m=10.0, plantvak_breedte_m=2.0,
                      doorwortelbare_diepte_m=1.5, wortelopdruk=True)
    stored = save_standplaats(uow_factory(), rec, user="anna")
    assert stored.version == 1 and stored.available_volume_m3 == pytest.approx(30.0)
    with pytest.raises(ConcurrentEditError):
        save_standplaats(uow_factory(), rec.with_changes(zout=True))  # version 0 is stale
    with uow_factory() as uow:
        logged = {c.field: c.new for c in uow.changes.for_entity("standplaats", site)}
    assert logged["wortelopdruk"] == "ja" and logged["boomspiegel_m2"] == "4.0"
    assert available_volume_per_site(uow_factory(), [site, trees[1].site_id]) == {site: pytest.approx(30.0)}


def test_problems_kept_on_the_site_with_history(uow_factory, trees):
    site = trees[0].site_id
    p = save_problem(uow_factory(), StandplaatsProblem(None, site, ProblemType.WORTELOPDRUK, Severity.HOOG,
                                                       date(2026, 6, 1), maatregelen=(Maatregel.BOMENGROND,)))
    save_problem(uow_factory(), p.with_changes(status=ProblemStatus.OPGELOST,
                                               maatregelen=(Maatregel.BOMENGROND, Maatregel.BELUCHTING)))
    stored = problems(uow_factory(), site)
    assert len(stored) == 1 and stored[0].status is ProblemStatus.OPGELOST
    assert stored[0].maatregelen == (Maatregel.BOMENGROND, Maatregel.BELUCHTING)
    with uow_factory() as uow:
        fields = {c.field for c in uow.changes.for_entity("standplaats_probleem", p.id)}
    assert fields == {"nieuw", "status", "maatregelen"}


def test_soil_report_shortage_per_tree_and_wijk(uow_factory, trees):
    # Tilia cordata final crown 12 m (catalogue): 0.75 × π × 6² = 84.82 m³ required
    save_standplaats(uow_factory(), Standplaats(trees[0].site_id, bodemvolume_m3=30.0))
    save_standplaats(uow_factory(), Standplaats(trees[1].site_id, bodemvolume_m3=100.0))
    report = soil_report(uow_factory())
    cols = report.columns
    row = {str(n): i for i, n in enumerate(cols["boomnummer"])}
    assert cols["required_m3"][row["ASN-1"]] == pytest.approx(84.823, abs=0.01)
    assert cols["shortage_m3"][row["ASN-1"]] == pytest.approx(54.823, abs=0.01)
    assert cols["shortage_m3"][row["ASN-2"]] == 0.0
    assert [str(cols["boomnummer"][i]) for i in report.shortages()] == ["ASN-1"]
    wijk = report.per_wijk[0]
    assert (wijk.key, wijk.n_trees, wijk.n_known, wijk.n_short) == ("Centrum", 3, 2, 1)


def test_user_norm_replaces_rule_of_thumb(uow_factory, trees):
    save_standplaats(uow_factory(), Standplaats(trees[0].site_id, bodemvolume_m3=30.0))
    with uow_factory() as uow:
        uow.soil_norms.replace(SoilNormTable("eigen", "gemeente Assen", {"1b": 40.0}))
        uow.commit()
    report = soil_report(uow_factory())
    i = list(report.columns["boomnummer"]).index("ASN-1")
    assert report.columns["shortage_m3"][i] == pytest.approx(10.0)


def test_plan_check_saved_with_plan(uow_factory, trees):
    # plan 5..15 m east of ASN-1: ASN-1 kz 5.5 m → touched at 5 m; ASN-2 (stem 5 m from plan) RPA 6 m
    result = check_plan_area(uow_factory(), [box(X0 + 5, Y0 - 5, X0 + 15, Y0 + 5)], "Nieuwbouw")
    found = {a.boomnummer: a for a in result.affected}
    assert set(found) == {"ASN-1", "ASN-2"}
    assert found["ASN-1"].zones == (Zone.KWETSBARE_BOOMZONE,)
    assert Zone.RPA in found["ASN-2"].zones and "BEA" in found["ASN-2"].measures[0]
    with uow_factory() as uow:
        saved = uow.plans.affected(result.plan_id)
    assert [r[0] for r in saved] == ["ASN-1", "ASN-2"]


def test_plan_file_in_wgs84_is_transformed(uow_factory, trees, tmp_path):
    from pyproj import Transformer
    to_wgs = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    rd = box(X0 - 2, Y0 - 2, X0 + 2, Y0 + 2)
    wgs = shapely.transform(rd, lambda xy: __import__("numpy").column_stack(to_wgs.transform(xy[:, 0], xy[:, 1])))
    path = tmp_path / "plan.gpkg"
    pyogrio.raw.write(path, geometry=shapely.to_wkb([wgs]), field_data=[], fields=[],
                      geometry_type="Polygon", crs="EPSG:4326")
    result = check_plan_file(uow_factory(), path)
    assert "ASN-1" in {a.boomnummer for a in result.affected}
    assert any("omgerekend" in n for n in result.notes)


def test_plan_far_away_is_refused(uow_factory, trees):
    with pytest.raises(PlanAreaError, match="buiten de gemeente"):
        check_plan_area(uow_factory(), [box(100000, 400000, 100010, 400010)], "ver weg")


def test_demo_municipality_has_standplaatsen_with_shortages(uow_factory):
    from bomenplan.services.demo import create_demo
    from bomenplan.services.standplaats import problem_sites
    ensure_catalogue(uow_factory())
    create_demo(uow_factory, today=date(2026, 11, 30))
    report = soil_report(uow_factory())
    by_wijk = {s.key: s for s in report.per_wijk}
    assert by_wijk["Centrum"].n_known > 100 and by_wijk["Centrum"].n_short > 0
    assert by_wijk["Peelo"].n_known == 0  # only Centrum, Noord and Oost have records
    # a narrow pit in closed paving: 1.5 × 1.5 × 1.0 = 2.25 m³
    assert 2.25 in set(report.columns["available_m3"].tolist())
    assert len(problem_sites(uow_factory())) > 50
