"""When the next boomveiligheidscontrole (VTA) is due and when a risicoboom's measure must be done.

Both follow the tree's own omgevingsrisicoklasse (stored per tree). Sources (DOMAIN.md §5, §10):
- zorgplicht, pvwboomverzorging.nl: a systematic check every 3–5 years; where the duty of care is
  raised (busy road, school, playground = omgevingsrisicoklasse hoog) at least once a year;
- CROW Richtlijn Boomveiligheidsregistratie, kennisbank.crow.nl 26768 ("Adviezen"):
  attentieboom → at least once a year; risicoboom → a measure with an urgency weighted by the
  omgevingsrisicoklasse ("hoe groter het omgevingsrisico, hoe hoger de urgentie"); a tree that is
  (partly) niet te beoordelen is a risicoboom until fully assessed, with the measure "nader onderzoek".
Values marked [I] are our choice within those rules (CROW gives no day counts); they live in
`InspectionRules`, which the municipality can change.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse

NADER_ONDERZOEK = "nader onderzoek"
_R = Omgevingsrisicoklasse


@dataclass(frozen=True)
class RiskClassRule:
    """The rule row for one omgevingsrisicoklasse."""

    regular_months: int  # zonder gebreken: the next regular check
    attentieboom_months: int  # CROW 26768: at most 12
    measure_days: int  # risicoboom: the measure is done within this many days


def _default_table() -> dict[Omgevingsrisicoklasse, RiskClassRule]:
    return {
        # general duty 3–5 years: the upper end where nobody is at risk [I], the lower end otherwise
        _R.GEEN: RiskClassRule(regular_months=60, attentieboom_months=12, measure_days=365),  # [I]
        _R.LAAG: RiskClassRule(regular_months=60, attentieboom_months=12, measure_days=90),  # [I]
        _R.GEMIDDELD: RiskClassRule(regular_months=36, attentieboom_months=12, measure_days=30),  # [I]
        # raised duty of care: at least yearly (pvwboomverzorging.nl); twice a year for an
        # attentieboom and a measure within a week [I]
        _R.HOOG: RiskClassRule(regular_months=12, attentieboom_months=6, measure_days=7),
    }


@dataclass(frozen=True)
class InspectionRules:
    """The editable rule table; services pass it in, the domain never reads settings."""

    by_class: dict[Omgevingsrisicoklasse, RiskClassRule] = field(default_factory=_default_table)
    unknown_as: Omgevingsrisicoklasse = _R.GEMIDDELD  # a tree without a class yet [I]
    nader_onderzoek_max_days: int = 90  # "at short term" for niet te beoordelen [I]
    onbekend_months: int = 12  # no class recorded: look again within a year [I]

    def rule(self, klasse: Omgevingsrisicoklasse) -> RiskClassRule:
        return self.by_class[self.effective_class(klasse)]

    def effective_class(self, klasse: Omgevingsrisicoklasse) -> Omgevingsrisicoklasse:
        return self.unknown_as if klasse is _R.ONBEKEND else klasse


@dataclass(frozen=True)
class NextInspection:
    due: date  # the next controle
    months: int | None  # months until `due` (None when `due` is the measure deadline)
    nader_onderzoek: bool
    measure_due: date | None = None  # risicoboom: the measure must be done by then
    measure_days: int | None = None
    risk_class_used: Omgevingsrisicoklasse = _R.GEMIDDELD  # after applying `unknown_as`


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clipped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_inspection_due(datum: date, klasse: Boomveiligheidsklasse,
                        omgevingsrisico: Omgevingsrisicoklasse = _R.ONBEKEND,
                        rules: InspectionRules | None = None) -> NextInspection:
    """The next controle and, for a risicoboom, the deadline of its measure.

    A risicoboom (and a niet te beoordelen tree, which CROW treats as risicoboom) is looked at again
    when its measure is due, so the next controle is the measure deadline.
    """
    rules = rules or InspectionRules()
    used = rules.effective_class(omgevingsrisico)
    row = rules.by_class[used]
    k = Boomveiligheidsklasse
    if klasse in (k.RISICOBOOM, k.NIET_TE_BEOORDELEN):
        days = row.measure_days
        if klasse is k.NIET_TE_BEOORDELEN:
            days = min(days, rules.nader_onderzoek_max_days)
        deadline = datum + timedelta(days=max(1, days))
        return NextInspection(deadline, None, True, deadline, max(1, days), used)
    if klasse is k.ZONDER_GEBREKEN:
        months = row.regular_months
    elif klasse is k.ATTENTIEBOOM:
        months = min(row.attentieboom_months, 12)
    else:
        months = rules.onbekend_months
    return NextInspection(add_months(datum, months), months, False, None, None, used)
