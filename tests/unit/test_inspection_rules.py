from datetime import date

import pytest

from bomenplan.domain.inspection_rules import (
    InspectionIntervals,
    add_months,
    next_inspection_due,
)
from bomenplan.domain.values import Boomveiligheidsklasse as K
from bomenplan.domain.values import Omgevingsrisicoklasse as R

DAY = date(2026, 3, 15)


@pytest.mark.parametrize(("klasse", "risico", "due", "nader"), [
    (K.ZONDER_GEBREKEN, R.GEMIDDELD, date(2029, 3, 15), False),
    (K.ZONDER_GEBREKEN, R.HOOG, date(2027, 3, 15), False),
    (K.ATTENTIEBOOM, R.LAAG, date(2027, 3, 15), False),
    (K.ATTENTIEBOOM, R.HOOG, date(2026, 9, 15), False),
    (K.RISICOBOOM, R.GEMIDDELD, date(2026, 6, 15), True),
    (K.RISICOBOOM, R.HOOG, date(2026, 4, 15), True),
    (K.NIET_TE_BEOORDELEN, R.GEEN, date(2026, 6, 15), True),
])
def test_next_inspection_follows_crow_rules(klasse, risico, due, nader):
    result = next_inspection_due(DAY, klasse, risico)
    assert result.due == due
    assert result.nader_onderzoek is nader


def test_attentieboom_is_checked_at_least_yearly_in_every_environment():
    for risico in R:
        assert next_inspection_due(DAY, K.ATTENTIEBOOM, risico).due <= date(2027, 3, 15)


def test_thresholds_can_be_changed():
    yearly = InspectionIntervals(zonder_gebreken=60)
    assert next_inspection_due(DAY, K.ZONDER_GEBREKEN, R.LAAG, yearly).due == date(2031, 3, 15)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 12, 1), 12, date(2027, 12, 1)),
])
def test_add_months_clips_to_month_end(day, months, expected):
    assert add_months(day, months) == expected
