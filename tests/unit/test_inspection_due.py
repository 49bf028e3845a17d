"""The controle due list, worked out by hand from the rules (DOMAIN.md §5): CROW 26768 attentieboom
at least yearly; pvwboomverzorging.nl 3–5 years (our table: laag 60 months, gemiddeld 36, hoog 12);
risicoboom: the measure deadline in days; a tree never inspected is due at once."""

from dataclasses import replace
from datetime import date

from bomenplan.domain.inspection_due import (
    DueCandidate,
    DueFilter,
    DueState,
    counts_per_class,
    counts_per_month,
    counts_per_state,
    due_items,
    evaluate,
    evaluate_all,
    latest_due_inspection,
    yearly_target,
)
from bomenplan.domain.inspection_rules import InspectionRules, RiskClassRule
from bomenplan.domain.values import Boomveiligheidsklasse as K
from bomenplan.domain.values import Omgevingsrisicoklasse as R


def tree(tree_id=1, klasse=K.ZONDER_GEBREKEN, risico=R.LAAG, last=None, wijk="Centrum",
         buurt="Binnenstad", straat="Markt", x=0.0, y=0.0) -> DueCandidate:
    return DueCandidate(tree_id, f"B{tree_id}", straat, wijk, buurt, x, y, "Tilia", klasse, risico, last)


def test_attentieboom_inspected_1_november_2025_is_due_1_november_2026():
    item = evaluate(tree(klasse=K.ATTENTIEBOOM, last=date(2025, 11, 1)),
                    until=date(2026, 12, 31), today=date(2026, 10, 1))
    assert item.due == date(2026, 11, 1)
    assert item.state is DueState.DUE
    assert "attentieboom" in item.reason


def test_attentieboom_is_ok_when_the_period_ends_before_its_date_and_late_after_it():
    attentie = tree(klasse=K.ATTENTIEBOOM, last=date(2025, 11, 1))
    assert evaluate(attentie, date(2026, 10, 31), date(2026, 10, 1)).state is DueState.OK
    assert evaluate(attentie, date(2026, 12, 31), date(2026, 11, 2)).state is DueState.OVERDUE
    assert evaluate(attentie, date(2026, 12, 31), date(2026, 11, 1)).state is DueState.DUE  # on the day


def test_laag_class_without_defects_waits_60_months():
    item = evaluate(tree(risico=R.LAAG, last=date(2021, 6, 15)), date(2026, 6, 30), date(2026, 6, 1))
    assert item.due == date(2026, 6, 15)
    assert item.state is DueState.DUE
    assert item.reason == "omgevingsrisico laag: elke 60 mnd"


def test_never_inspected_is_due_now():
    item = evaluate(tree(last=None), date(2026, 1, 31), date(2026, 1, 1))
    assert item.state is DueState.NEVER
    assert item.due is None


def test_risicoboom_with_high_environment_risk_is_looked_at_after_its_7_day_measure():
    item = evaluate(tree(klasse=K.RISICOBOOM, risico=R.HOOG, last=date(2026, 3, 1)),
                    date(2026, 3, 31), date(2026, 3, 2))
    assert item.due == date(2026, 3, 8)
    assert item.reason == "risicoboom: maatregel binnen 7 dagen"


def test_changed_interval_moves_the_due_date():
    rules = InspectionRules()
    rules = replace(rules, by_class={**rules.by_class, R.LAAG: RiskClassRule(48, 12, 90)})
    item = evaluate(tree(risico=R.LAAG, last=date(2021, 6, 15)), date(2026, 6, 30), date(2026, 6, 1), rules)
    assert item.due == date(2025, 6, 15)  # 4 years instead of 5
    assert item.state is DueState.OVERDUE


def test_latest_due_inspection_is_the_threshold_date():
    # attentieboom: 12 months → inspected on or before 28-02-2026 is due by 28-02-2027
    assert latest_due_inspection(K.ATTENTIEBOOM, R.LAAG, date(2027, 2, 28)) == date(2026, 2, 28)
    # risicoboom hoog: 7 days
    assert latest_due_inspection(K.RISICOBOOM, R.HOOG, date(2026, 3, 8)) == date(2026, 3, 1)
    # one month and a clipped month end: 29, 30 and 31 January + 1 month = 28 February
    rules = InspectionRules()
    rules = replace(rules, by_class={**rules.by_class, R.GEEN: RiskClassRule(1, 1, 30)})
    assert latest_due_inspection(K.ZONDER_GEBREKEN, R.GEEN, date(2026, 2, 28), rules) == date(2026, 1, 31)


def test_threshold_agrees_with_the_evaluation_every_day_of_a_year():
    until, today = date(2026, 2, 28), date(2025, 12, 1)
    for klasse in K:
        for risico in R:
            limit = latest_due_inspection(klasse, risico, until)
            for offset in range(-3, 4):
                day = date.fromordinal(limit.toordinal() + offset)
                state = evaluate(tree(klasse=klasse, risico=risico, last=day), until, today).state
                assert (state is not DueState.OK) == (offset <= 0), (klasse, risico, day)


def test_filter_by_area_street_and_class():
    trees = [tree(1, last=None), tree(2, last=None, buurt="Noord"), tree(3, last=None, straat="Plein"),
             tree(4, klasse=K.ATTENTIEBOOM, last=None), tree(5, last=date(2026, 1, 1))]
    criteria = DueFilter(date(2026, 3, 1), buurt="binnenstad", straat="markt",
                         klassen=frozenset({K.ZONDER_GEBREKEN}))
    assert [i.tree.tree_id for i in due_items(trees, criteria, date(2026, 2, 1))] == [1]


def test_counts_per_month_put_overdue_and_never_in_this_month():
    today = date(2026, 11, 30)
    trees = [tree(1, last=None), tree(2, klasse=K.ATTENTIEBOOM, last=date(2025, 12, 5)),
             tree(3, klasse=K.ATTENTIEBOOM, last=date(2025, 12, 20)),
             tree(4, klasse=K.ATTENTIEBOOM, last=date(2026, 1, 10)),
             tree(5, klasse=K.ATTENTIEBOOM, last=date(2025, 10, 1))]  # overdue since 1-10-2026
    items = evaluate_all(trees, date(2027, 1, 31), today)
    assert counts_per_month(items, today) == [("2026-11", 2), ("2026-12", 2), ("2027-01", 1)]
    assert counts_per_state(items) == {DueState.NEVER: 1, DueState.OVERDUE: 1, DueState.DUE: 3,
                                       DueState.OK: 0}


def test_counts_per_class_pair_largest_first():
    trees = [tree(1, risico=R.HOOG), tree(2, risico=R.HOOG), tree(3, klasse=K.ATTENTIEBOOM)]
    items = evaluate_all(trees, date(2026, 1, 31), date(2026, 1, 1))
    assert counts_per_class(items) == [("zonder gebreken", "hoog", 2), ("attentieboom", "laag", 1)]


def test_a_third_of_the_stock_per_year():
    assert yearly_target(300) == 100
    assert yearly_target(301) == 101
