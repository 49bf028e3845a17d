"""Bomenbank, matching and fund ledger: hand-built cases with values worked out by hand."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from bomenplan.domain.bank_matching import GapDemand, match_gaps
from bomenplan.domain.bomenbank import (
    BankRefused,
    BankStatus,
    BankTree,
    check_deletable,
    euros,
    plant,
    release,
    reserve,
)
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.fund_ledger import (
    EntryKind,
    LedgerEntry,
    Obligation,
    ObligationStatus,
    VvogFactors,
    balance_per_year,
    compensation,
    vvog_value,
    year_balance,
)

X0, Y0 = 233000.0, 557000.0  # Assen, RD New
PLANT_ON = date(2026, 11, 15)


def bank_tree(code, species, omtrek, dx=0.0, **kw) -> BankTree:
    return BankTree(id=None, code=code, source="kwekerij", species_name=species, stamomtrek_cm=omtrek,
                    x=X0 + dx, y=Y0, **kw)


def hoofdlaan_gap(mixed=False, soil=None) -> GapDemand:
    return GapDemand(laan_id=1, laan_name="Hoofdlaan", x=X0, y=Y0, species=("Fagus sylvatica",),
                     mixed=mixed, neighbour_stamomtrek_cm=200.0, soil_volume_m3=soil)


def test_ranking_prefers_same_species_close_to_neighbour_size():
    bank = [bank_tree("B", "Fagus sylvatica", 60.0, dx=500.0),
            bank_tree("A", "Fagus sylvatica", 180.0, dx=1000.0),
            bank_tree("C", "Quercus robur", 200.0),
            bank_tree("D", "Fagus sylvatica", 200.0, status=BankStatus.GERESERVEERD)]
    found = match_gaps([hoofdlaan_gap()], bank, PLANT_ON)
    assert [(p.bank_index, p.rank) for p in found] == [(1, 1), (0, 2)]
    # A: 0.35·1 + 0.30·(180/200) + 0.15·0.75 + 0.10/(1 + 1/5) + 0.10·1
    assert found[0].score == pytest.approx(0.35 + 0.27 + 0.1125 + 0.1 / 1.2 + 0.1, abs=1e-4)
    # B: 0.35 + 0.30·(60/200) + 0.1125 + 0.10/(1 + 0.5/5) + 0.10
    assert found[1].score == pytest.approx(0.35 + 0.09 + 0.1125 + 0.1 / 1.1 + 0.1, abs=1e-4)
    assert "zelfde soort als de laan (Fagus sylvatica)" in found[0].reasons
    assert "stamomtrek 180 cm, buren 200 cm" in found[0].reasons


def test_mixed_laan_accepts_same_genus_at_half_species_fit():
    bank = [bank_tree("S", "Fagus orientalis", 200.0)]
    assert match_gaps([hoofdlaan_gap()], bank, PLANT_ON) == []
    (p,) = match_gaps([hoofdlaan_gap(mixed=True)], bank, PLANT_ON)
    assert p.species_fit == 0.5


def test_mixed_laan_accepts_preferred_species_of_the_sortiment_matrix():
    linde = [bank_tree("T", "Tilia × europaea", 200.0)]
    gap = GapDemand(laan_id=1, laan_name="Hoofdlaan", x=X0, y=Y0, species=("Fagus sylvatica",),
                    neighbour_stamomtrek_cm=200.0, sortiment=("Tilia × europaea", "Quercus robur"))
    assert match_gaps([gap], linde, PLANT_ON) == []  # 'zelfde soort': the matrix does not count
    (p,) = match_gaps([replace(gap, mixed=True)], linde, PLANT_ON)
    assert p.species_fit == 0.5 and "voorkeursoort van het sortiment" in p.reasons[0]


def test_soil_volume_and_availability_enter_the_score():
    small_soil = bank_tree("N", "Fagus sylvatica", 200.0, min_soil_volume_m3=40.0)
    late = bank_tree("L", "Fagus sylvatica", 200.0, available_from=date(2027, 2, 15))
    gone = bank_tree("G", "Fagus sylvatica", 200.0, available_until=date(2026, 10, 1))
    found = match_gaps([hoofdlaan_gap(soil=20.0)], [small_soil, late, gone], PLANT_ON)
    by_code = {p.bank_index: p for p in found}
    assert set(by_code) == {0, 1}  # G is no longer available on the planting date
    assert by_code[0].standplaats_fit == pytest.approx(0.5)  # 20 of 40 m³
    assert by_code[1].availability_fit == pytest.approx(1 / (1 + (92 / 30.44) / 3), abs=1e-6)
    assert "pas beschikbaar vanaf 2027-02-15" in by_code[1].reasons


def test_each_gap_gets_its_own_ranking():
    far = GapDemand(laan_id=2, laan_name="Oranjestraat", x=X0 + 20000, y=Y0,
                    species=("Fagus sylvatica",), neighbour_stamomtrek_cm=200.0)
    bank = [bank_tree("A", "Fagus sylvatica", 200.0), bank_tree("Z", "Fagus sylvatica", 200.0, dx=20000)]
    found = match_gaps([hoofdlaan_gap(), far], bank, PLANT_ON, per_gap=1)
    assert [(p.demand_index, p.bank_index) for p in found] == [(0, 0), (1, 1)]


def test_reserving_a_reserved_or_planted_tree_is_refused():
    tree = bank_tree("A", "Fagus sylvatica", 120.0)
    reserved = reserve(tree)
    with pytest.raises(BankRefused, match="gereserveerd en kan niet worden gereserveerd"):
        reserve(reserved)
    with pytest.raises(BankRefused, match="geplant"):
        reserve(plant(reserved))
    assert release(reserved).status is BankStatus.BESCHIKBAAR


def test_deleting_a_bank_tree_with_ledger_entries_is_refused():
    tree = bank_tree("A", "Fagus sylvatica", 120.0)
    check_deletable(tree, 0)
    with pytest.raises(BankRefused, match="1 boeking"):
        check_deletable(tree, 1)


def test_money_is_decimal_never_float():
    assert euros("1.234,56") == Decimal("1234.56")
    assert euros("€ 12.5") == Decimal("12.50")
    assert euros("1.234,5") == Decimal("1234.50")
    with pytest.raises(ValidationError, match="dubbelzinnig"):
        euros("1.234")
    with pytest.raises(ValidationError, match="geen bedrag"):
        euros("twaalf")
    with pytest.raises(ValidationError, match="meer dan twee decimalen"):
        euros("12,345")  # decimal comma: 12.345 euro, not whole cents; never rounded silently
    assert euros("12,340") == Decimal("12.34")
    with pytest.raises(ValidationError, match="kommagetal"):
        euros(12.5)
    with pytest.raises(ValidationError, match="Decimal"):
        bank_tree("A", "Fagus sylvatica", 120.0, cost=950.0)


def test_balance_per_year_is_exact():
    entries = [LedgerEntry(None, date(2025, 1, 5), EntryKind.BUDGET, Decimal("10000.00")),
               LedgerEntry(None, date(2025, 6, 1), EntryKind.COMPENSATIE, Decimal("1234.56")),
               LedgerEntry(None, date(2025, 9, 9), EntryKind.AANKOOP, Decimal("2500.10")),
               LedgerEntry(None, date(2026, 3, 3), EntryKind.VERPLANTING, Decimal("999.99")),
               LedgerEntry(None, date(2026, 4, 4), EntryKind.AFKOOP, Decimal("500.00"))]
    y25, y26 = balance_per_year(entries)
    assert (y25.opening, y25.deposits, y25.withdrawals, y25.closing) == (
        Decimal("0.00"), Decimal("11234.56"), Decimal("2500.10"), Decimal("8734.46"))
    assert (y26.opening, y26.closing) == (Decimal("8734.46"), Decimal("8234.47"))
    assert year_balance(entries, 2027).opening == Decimal("8234.47")


def test_vvog_value_and_entered_nvtb_value():
    # omtrek 100 cm → 10000 / (4π) = 795.77 cm²; × €2.00 × 0.8 × 0.9 × 0.8 = 916.727… → 916.73
    factors = VvogFactors(Decimal("2.00"), location=Decimal("0.8"), condition=Decimal("0.9"),
                          planting_form=Decimal("0.8"))
    assert vvog_value(100.0, factors) == Decimal("916.73")
    assert compensation(100.0, nvtb_value="4.250,00", factors=factors) == Decimal("4250.00")
    with pytest.raises(ValidationError, match="standplaatsfactor"):
        VvogFactors(Decimal("2"), location=Decimal("0.5"))


@pytest.mark.parametrize("on, overdue", [(date(2026, 5, 10), False), (date(2026, 5, 11), True)])
def test_herplantplicht_due_three_years_after_felling(on, overdue):
    duty = Obligation(None, date(2023, 5, 10), "Hoofdlaan", 4)
    assert duty.due == date(2026, 5, 10)
    assert duty.overdue(on) is overdue
    done = Obligation(None, date(2023, 5, 10), "Hoofdlaan", 4, ObligationStatus.VERVULD, date(2026, 1, 1))
    assert not done.overdue(on)


def test_leap_day_felling_is_due_on_28_february():
    assert Obligation(None, date(2024, 2, 29), "x", 1).due == date(2027, 2, 28)


def test_plan_gives_each_tree_and_position_once_best_score_first():
    from bomenplan.domain.bank_matching import match_columns
    from bomenplan.domain.bank_plan import assign_greedy, plan_cost

    near = hoofdlaan_gap()
    next_to = GapDemand(laan_id=1, laan_name="Hoofdlaan", x=X0 + 9, y=Y0, species=("Fagus sylvatica",),
                        neighbour_stamomtrek_cm=200.0)
    bank = [bank_tree("A", "Fagus sylvatica", 200.0, cost=Decimal("1000.00")),
            bank_tree("B", "Fagus sylvatica", 100.0, cost=Decimal("400.50"))]
    lines = assign_greedy(match_columns([near, next_to], bank, PLANT_ON), ["Centrum", "Centrum"])
    # A (exact size) fits both equally except for 9 m of distance: it goes to the nearer position
    assert [(line.demand.x, line.tree.code) for line in lines] == [(X0, "A"), (X0 + 9, "B")]
    assert plan_cost(lines) == Decimal("1400.50")
