"""Bomenbank on a real SQLite file: migration, reserve → plant in one transaction, undo."""

from datetime import date
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from laan_generator import LaanSpec, generate, store

from bomenplan.domain.bomenbank import BankRefused, BankStatus, BankTree
from bomenplan.domain.fund_ledger import EntryKind, LedgerEntry, Obligation, ObligationStatus
from bomenplan.domain.values import TreeStatus
from bomenplan.persistence.database import open_database
from bomenplan.persistence.tables import Base
from bomenplan.services import bomenbank as svc
from bomenplan.services import fund
from bomenplan.services import lanen as lanen_svc
from bomenplan.services.register import get_tree, load_register, tree_history

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)

PLANT_ON = date(2026, 11, 20)
SPEC = LaanSpec(n=20, missing=(5,), stumps=(12,), straat="Hoofdlaan", species="Fagus sylvatica")


@pytest.fixture
def laan(uow_factory):
    gen = generate([SPEC], seed=5)
    store(uow_factory, gen)
    lanen_svc.detect_and_store(uow_factory(), accept=True)
    return gen


def bank_tree(code, species="Fagus sylvatica", omtrek=150.0, cost="1250.00", **kw):
    return BankTree(id=None, code=code, source="kwekerij", species_name=species, stamomtrek_cm=omtrek,
                    x=232000.0, y=556000.0, location="Kwekerij Ter Borch", cost=Decimal(cost), **kw)


def test_schema_matches_the_tables(db_path):
    engine, _ = open_database(db_path)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert [d for d in diff if "bank" in str(d) or "fund" in str(d) or "obligation" in str(d)] == []


def test_match_finds_both_gaps_with_the_fitting_tree_first(uow_factory, laan):
    fit = svc.add_bank_tree(uow_factory(), bank_tree("KW-1", omtrek=190.0))
    svc.add_bank_tree(uow_factory(), bank_tree("KW-2", omtrek=40.0))
    svc.add_bank_tree(uow_factory(), bank_tree("KW-3", species="Acer campestre"))
    result = svc.match(uow_factory(), PLANT_ON)
    demands = result.proposals.demands
    found = {(round(d.x), round(d.y)) for d in demands}
    assert {(round(x), round(y)) for x, y in laan.true_gaps} <= {
        (x + dx, y + dy) for x, y in found for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    first = [p for p in result.proposals.rows() if p.rank == 1]
    assert {result.proposals.bank[p.bank_index].id for p in first} == {fit.id}
    assert "Acer campestre" not in {result.proposals.bank[b].species_name for b in result.proposals.bank_index}


def _stump_demand(uow_factory, laan):
    demands, wijken = svc.open_demands(uow_factory())
    (k,) = [i for i, d in enumerate(demands) if d.cause_tree_id in laan.stump_ids]
    return demands[k], wijken[k], len(demands)


def test_reserve_and_plant_closes_the_gap_with_provenance_and_undo_restores(uow_factory, laan):
    stored = svc.add_bank_tree(uow_factory(), bank_tree("KW-7"))
    demand, wijk, n_before = _stump_demand(uow_factory, laan)
    n_trees = len(load_register(uow_factory()))
    result = svc.reserve_and_plant(uow_factory(), stored.id, svc.PlantTarget.of(demand, wijk), PLANT_ON, "planner")

    tree = get_tree(uow_factory(), result.tree_id)
    stump = get_tree(uow_factory(), demand.cause_tree_id)
    assert tree.site_id == stump.site_id and tree.status is TreeStatus.LEVEND
    assert tree.species_name == "Fagus sylvatica" and tree.plantjaar == 2026
    assert tree.stamdiameter_cm == pytest.approx(150.0 / 3.14159265, abs=0.05)
    assert "verplant uit bomenbank KW-7 (kwekerij, Kwekerij Ter Borch)" in tree.opmerkingen
    assert ("herkomst", "planner") in {(c.field, c.user) for c in tree_history(uow_factory(), tree.id)}
    demands_after, _ = svc.open_demands(uow_factory())
    assert len(demands_after) == n_before - 1  # the gap is closed
    assert svc.list_bank(uow_factory())[0].status is BankStatus.GEPLANT
    (booking,) = fund.entries(uow_factory())
    assert (booking.kind, booking.amount, booking.tree_id) == (EntryKind.VERPLANTING, Decimal("1250.00"),
                                                               tree.id)
    events = [e.event for e in svc.paspoort(uow_factory(), stored.id)]
    assert events == ["opgenomen", "gereserveerd", "geplant"]

    back = svc.undo_plant(uow_factory(), result, "planner")
    assert back.status is BankStatus.BESCHIKBAAR and back.planted_tree_id is None
    assert len(load_register(uow_factory())) == n_trees
    assert fund.entries(uow_factory()) == []
    assert len(svc.open_demands(uow_factory())[0]) == n_before
    assert get_tree(uow_factory(), demand.cause_tree_id).status is TreeStatus.STOBBE


def test_plant_on_a_new_site_and_undo_removes_the_site(uow_factory, laan):
    stored = svc.add_bank_tree(uow_factory(), bank_tree("KW-8", cost="0"))
    demands, wijken = svc.open_demands(uow_factory())
    k = next(i for i, d in enumerate(demands) if d.cause_tree_id is None)
    target = svc.PlantTarget.of(demands[k], wijken[k])
    svc.reserve(uow_factory(), stored.id, target)
    result = svc.plant(uow_factory(), stored.id, target, PLANT_ON)
    assert result.ledger_entry_id is None  # nothing to book at cost 0
    tree = get_tree(uow_factory(), result.tree_id)
    assert (round(tree.position.x, 3), tree.straat) == (round(demands[k].x, 3), "Hoofdlaan")
    assert svc.undo_plant(uow_factory(), result).status is BankStatus.GERESERVEERD
    with pytest.raises(Exception, match="boom"):
        get_tree(uow_factory(), result.tree_id)


def test_double_reservation_is_refused_and_nothing_changes(uow_factory, laan):
    stored = svc.add_bank_tree(uow_factory(), bank_tree("KW-9"))
    demand, wijk, _ = _stump_demand(uow_factory, laan)
    target = svc.PlantTarget.of(demand, wijk)
    svc.reserve(uow_factory(), stored.id, target)
    with pytest.raises(BankRefused, match="KW-9 is gereserveerd en kan niet worden gereserveerd"):
        svc.reserve(uow_factory(), stored.id, target)
    n_trees = len(load_register(uow_factory()))
    with pytest.raises(BankRefused):
        svc.reserve_and_plant(uow_factory(), stored.id, target, PLANT_ON)
    assert len(load_register(uow_factory())) == n_trees  # the failed step left nothing behind


def test_deleting_a_bank_tree_with_bookings_is_refused(uow_factory):
    stored = svc.add_bank_tree(uow_factory(), bank_tree("KW-10"))
    fund.add_entry(uow_factory(), LedgerEntry(None, date(2026, 3, 1), EntryKind.AANKOOP, Decimal("800.00"),
                                              "aankoop KW-10", bank_tree_id=stored.id))
    with pytest.raises(BankRefused, match="1 boeking"):
        svc.delete_bank_tree(uow_factory(), stored.id)
    other = svc.add_bank_tree(uow_factory(), bank_tree("KW-11"))
    svc.delete_bank_tree(uow_factory(), other.id)
    assert [t.code for t in svc.list_bank(uow_factory())] == ["KW-10"]


def test_statement_and_obligations_round_trip_exactly(uow_factory):
    for d, kind, amount in ((date(2025, 2, 1), EntryKind.BUDGET, "5000.00"),
                            (date(2026, 1, 10), EntryKind.COMPENSATIE, "0.10"),
                            (date(2026, 1, 11), EntryKind.COMPENSATIE, "0.20"),
                            (date(2026, 5, 5), EntryKind.AANKOOP, "1999.95")):
        fund.add_entry(uow_factory(), LedgerEntry(None, d, kind, Decimal(amount)))
    duty = fund.add_obligation(uow_factory(), Obligation(None, date(2022, 6, 1), "Hoofdlaan", 3))
    fund.add_obligation(uow_factory(), Obligation(None, date(2025, 6, 1), "Kerkstraat", 1))
    st = fund.statement(uow_factory(), 2026)
    assert (st.balance.opening, st.balance.deposits, st.balance.withdrawals, st.balance.closing) == (
        Decimal("5000.00"), Decimal("0.30"), Decimal("1999.95"), Decimal("3000.35"))
    assert [d.overdue(date(2026, 11, 30)) for d in st.obligations] == [True, False]
    done = fund.settle_obligation(uow_factory(), duty, ObligationStatus.VERVULD, date(2026, 11, 1))
    assert not done.overdue(date(2026, 11, 30))


def test_cli_import_refuses_a_bad_row_whole_and_plants_one(uow_factory, laan, db_path, tmp_path, capsys):
    from bomenplan.cli.main import run_cli

    good = "KW-1,kwekerij,Fagus sylvatica,190,12,kluit 150 cm,2010,Kwekerij,232000,556000,,,\"1.450,50\",goed,,"
    bad = "KW-2,kwekerij,Fagus sylvatica,veel,12,,,,232000,556000,,,0,goed,,"
    header = ("code,herkomst,soort,stamomtrek_cm,hoogte_m,kluit,plantjaar,locatie,x,y,beschikbaar_vanaf,"
              "beschikbaar_tot,kosten_eur,conditie,status,geplant_als_boom_id")
    source = tmp_path / "bank.csv"
    source.write_text("\n".join([header, good, bad]) + "\n", encoding="utf-8")
    assert run_cli(["bomenbank", "import", "--db", str(db_path), "--csv", str(source)]) == 1
    assert f"{source}, regel 3, veld 'stamomtrek_cm': 'veel' is geen getal" in capsys.readouterr().err
    assert svc.list_bank(uow_factory()) == []  # nothing stored
    source.write_text("\n".join([header, good]) + "\n", encoding="utf-8")
    assert run_cli(["bomenbank", "import", "--db", str(db_path), "--csv", str(source)]) == 0
    (stored,) = svc.list_bank(uow_factory())
    assert stored.cost == Decimal("1450.50")
    assert run_cli(["bomenbank", "plant", "--db", str(db_path), "--code", "KW-1", "--laan", "Hoofdlaan",
                    "--plantdatum", "2026-12-01"]) == 0
    assert svc.list_bank(uow_factory())[0].status is BankStatus.GEPLANT
    assert run_cli(["bomenbank", "plant", "--db", str(db_path), "--code", "KW-1"]) == 1
    assert "KW-1 is geplant" in capsys.readouterr().err


def test_cli_fund_bookings_and_obligations(uow_factory, db_path, tmp_path, capsys):
    from bomenplan.cli.main import run_cli

    db = str(db_path)
    assert run_cli(["fonds", "boeking", "--db", db, "--soort", "compensatie", "--omtrek", "100",
                    "--eenheidsprijs", "2,00", "--standplaats", "0,8", "--conditie", "0,9", "--plantvorm", "0,8",
                    "--datum", "2026-05-01"]) == 0
    assert run_cli(["fonds", "boeking", "--db", db, "--soort", "compensatie", "--nvtb", "4.250,00",
                    "--datum", "2026-06-01"]) == 0
    assert run_cli(["fonds", "boeking", "--db", db, "--soort", "aankoop", "--bedrag", "1.234",
                    "--datum", "2026-06-02"]) == 1
    assert "dubbelzinnig" in capsys.readouterr().err
    # VVOG: 795.77 cm² × 2.00 × 0.8 × 0.9 × 0.8 = 916.73; plus the entered NVTB value 4250.00
    assert [e.amount for e in fund.entries(uow_factory())] == [Decimal("916.73"), Decimal("4250.00")]
    assert run_cli(["fonds", "plicht", "--db", db, "--gekapt", "2022-03-01", "--locatie", "Brink",
                    "--bomen", "2"]) == 0
    out = tmp_path / "plichten.csv"
    assert run_cli(["fonds", "plichten", "--db", db, "--out", str(out)]) == 0
    assert "2022-03-01,Brink,2,2025-03-01,open,,ja" in out.read_text(encoding="utf-8")


def test_verplantbare_register_tree_joins_the_bank_and_is_marked_verplant_when_planted(uow_factory, laan):
    from bomenplan.services.register import update_tree

    cols = load_register(uow_factory())
    living = [int(i) for i, s in zip(cols.id, cols.status, strict=True) if s == "levend"]
    with pytest.raises(BankRefused, match="niet als levende, verplantbare"):
        svc.bank_from_register(uow_factory(), [living[0]])
    donor = update_tree(uow_factory(), living[0], {"verplantbaar": True, "species_name": "Fagus sylvatica",
                                                   "stamdiameter_cm": 40.0})
    (banked,) = svc.bank_from_register(uow_factory(), [donor.id], cost=Decimal("3000.00"))
    assert (banked.source, banked.stamomtrek_cm, banked.register_tree_id) == ("register", 126.0, donor.id)
    with pytest.raises(BankRefused, match="staat al in de bomenbank"):
        svc.bank_from_register(uow_factory(), [donor.id])
    demand, wijk, _ = _stump_demand(uow_factory, laan)
    result = svc.reserve_and_plant(uow_factory(), banked.id, svc.PlantTarget.of(demand, wijk), PLANT_ON)
    assert get_tree(uow_factory(), donor.id).status is TreeStatus.VERPLANT
    svc.undo_plant(uow_factory(), result)
    assert get_tree(uow_factory(), donor.id).status is TreeStatus.LEVEND
