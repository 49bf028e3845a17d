"""When the next boomveiligheidscontrole (VTA) is due, after CROW and zorgplicht (DOMAIN.md §5).

- zonder gebreken → the regular cycle (3 years), or yearly in a high-risk environment;
- attentieboom → at least once a year (less when the environment is risky);
- risicoboom → soon (3 months), and "nader onderzoek" is advised;
- niet te beoordelen → treated as risicoboom in doubt: nader onderzoek, 3 months.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse

NADER_ONDERZOEK = "nader onderzoek"


@dataclass(frozen=True)
class InspectionIntervals:
    """Months until the next inspection per outcome; defaults follow DOMAIN.md §5."""

    zonder_gebreken: int = 36
    zonder_gebreken_hoog_risico: int = 12
    attentieboom: int = 12
    attentieboom_hoog_risico: int = 6
    risicoboom: int = 3
    risicoboom_hoog_risico: int = 1
    niet_te_beoordelen: int = 3
    onbekend: int = 12


@dataclass(frozen=True)
class NextInspection:
    due: date
    months: int
    nader_onderzoek: bool


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clipped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_inspection_due(datum: date, klasse: Boomveiligheidsklasse,
                        omgevingsrisico: Omgevingsrisicoklasse = Omgevingsrisicoklasse.GEMIDDELD,
                        intervals: InspectionIntervals = InspectionIntervals()) -> NextInspection:
    high = omgevingsrisico is Omgevingsrisicoklasse.HOOG
    k = Boomveiligheidsklasse
    if klasse is k.ZONDER_GEBREKEN:
        months = intervals.zonder_gebreken_hoog_risico if high else intervals.zonder_gebreken
    elif klasse is k.ATTENTIEBOOM:
        months = intervals.attentieboom_hoog_risico if high else intervals.attentieboom
    elif klasse is k.RISICOBOOM:
        months = intervals.risicoboom_hoog_risico if high else intervals.risicoboom
    elif klasse is k.NIET_TE_BEOORDELEN:
        months = intervals.niet_te_beoordelen
    else:
        months = intervals.onbekend
    nader = klasse in (k.RISICOBOOM, k.NIET_TE_BEOORDELEN)
    return NextInspection(add_months(datum, months), months, nader)
