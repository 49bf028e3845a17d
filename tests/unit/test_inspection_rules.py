"""Next controle and a risicoboom's measure deadline, worked out by hand from the cited rules:
pvwboomverzorging.nl (3–5 years; raised duty of care at least yearly) and CROW 26768
(attentieboom at least yearly; risicoboom measure urgency weighted by omgevingsrisicoklasse;
niet te beoordelen = risicoboom + nader onderzoek). Day counts per class are the [I] table."""

from dataclasses import replace
from datetime import date

import pytest

from bomenplan.domain.inspection_rules import (
    InspectionRules,
    RiskClassRule,
    add_months,
    next_inspection_due,
)
from bomenplan.domain.values import Boomveiligheidsklasse as K
from bomenplan.domain.values import Omgevingsrisicoklasse as R

DAY = date(2026, 3, 15)


@pytest.mark.parametrize(("risico", "due"), [
    (R.GEEN, date(2031, 3, 15)),  # 5 years: upper end of the general 3–5 years
    (R.LAAG, date(2031, 3, 15)),
    (R.GEMIDDELD, date(2029, 3, 15)),  # 3 years: lower end
    (R.HOOG, date(2027, 3, 15)),  # raised duty of care: yearly
    (R.ONBEKEND, date(2029, 3, 15)),  # no class yet: counted as gemiddeld
])
def test_tree_without_defects_follows_its_environment(risico, due):
    result = next_inspection_due(DAY, K.ZONDER_GEBREKEN, risico)
    assert result.due == due
    assert result.measure_due is None
    assert result.nader_onderzoek is False


def test_unknown_class_reports_the_class_it_was_counted_as():
    assert next_inspection_due(DAY, K.ZONDER_GEBREKEN, R.ONBEKEND).risk_class_used is R.GEMIDDELD


@pytest.mark.parametrize(("risico", "due"), [
    (R.GEEN, date(2027, 3, 15)), (R.LAAG, date(2027, 3, 15)),
    (R.GEMIDDELD, date(2027, 3, 15)), (R.HOOG, date(2026, 9, 15)),
])
def test_attentieboom_is_checked_at_least_yearly(risico, due):
    assert next_inspection_due(DAY, K.ATTENTIEBOOM, risico).due == due


def test_attentieboom_stays_yearly_even_when_the_table_is_edited_too_long():
    table = dict(InspectionRules().by_class)
    table[R.LAAG] = replace(table[R.LAAG], attentieboom_months=24)
    rules = InspectionRules(by_class=table)
    assert next_inspection_due(DAY, K.ATTENTIEBOOM, R.LAAG, rules).due == date(2027, 3, 15)


@pytest.mark.parametrize(("risico", "measure_due", "days"), [
    (R.HOOG, date(2026, 3, 22), 7),  # 15 + 7
    (R.GEMIDDELD, date(2026, 4, 14), 30),  # 16 days left in March + 14
    (R.LAAG, date(2026, 6, 13), 90),  # 16 (Mar) + 30 (Apr) + 31 (May) + 13
    (R.GEEN, date(2027, 3, 15), 365),  # no 29 February in between
])
def test_risicoboom_gets_a_measure_deadline_weighted_by_environment(risico, measure_due, days):
    result = next_inspection_due(DAY, K.RISICOBOOM, risico)
    assert result.measure_due == measure_due
    assert result.measure_days == days
    assert result.due == measure_due  # looked at again when the measure is due
    assert result.nader_onderzoek is True


def test_higher_environment_risk_means_a_shorter_deadline():
    days = [next_inspection_due(DAY, K.RISICOBOOM, r).measure_days
            for r in (R.GEEN, R.LAAG, R.GEMIDDELD, R.HOOG)]
    assert days == sorted(days, reverse=True) and len(set(days)) == 4


@pytest.mark.parametrize(("risico", "measure_due"), [
    (R.GEEN, date(2026, 6, 13)),  # capped at the 90-day "short term", not 365
    (R.HOOG, date(2026, 3, 22)),  # already shorter than the cap
])
def test_niet_te_beoordelen_is_a_risicoboom_with_nader_onderzoek_at_short_term(risico, measure_due):
    result = next_inspection_due(DAY, K.NIET_TE_BEOORDELEN, risico)
    assert result.nader_onderzoek is True
    assert result.measure_due == measure_due


def test_rule_table_can_be_changed():
    table = dict(InspectionRules().by_class)
    table[R.HOOG] = RiskClassRule(regular_months=6, attentieboom_months=3, measure_days=1)
    rules = InspectionRules(by_class=table)
    assert next_inspection_due(DAY, K.ZONDER_GEBREKEN, R.HOOG, rules).due == date(2026, 9, 15)
    assert next_inspection_due(DAY, K.RISICOBOOM, R.HOOG, rules).measure_due == date(2026, 3, 16)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 12, 1), 12, date(2027, 12, 1)),
])
def test_add_months_clips_to_month_end(day, months, expected):
    assert add_months(day, months) == expected
