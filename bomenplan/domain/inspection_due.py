"""Which trees need their boomveiligheidscontrole (VTA/BVC) by a given date, and how many per month.

The next controle follows `inspection_rules.next_inspection_due` from the date of the tree's
latest controle, its boomveiligheidsklasse and omgevingsrisicoklasse, with the rules as they are
now (a changed interval moves every due date). Sources (DOMAIN.md §5): zorgplicht,
pvwboomverzorging.nl (systematic check every 3–5 years, raised duty at least yearly); CROW
26768 (attentieboom at least yearly). A tree never inspected has no record of the duty of care
and is due at once ("nooit gecontroleerd"). Planning figure: ⅓ of the stock per year (§5 practice).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from bomenplan.domain.inspection_rules import InspectionRules, add_months, next_inspection_due
from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse

STOCK_SHARE_PER_YEAR = 3  # practice: ⅓ of the stock per year (Bergen op Zoom, Amstelveen; §5)


class DueState(StrEnum):
    NEVER = "nooit gecontroleerd"
    OVERDUE = "te laat"
    DUE = "nodig"
    OK = "op orde"


class DueCandidate(NamedTuple):
    """One living tree as the due list needs it (a tuple: 300k are made in a fraction of a second)."""

    tree_id: int
    boomnummer: str
    straat: str
    wijk: str
    buurt: str
    x: float
    y: float
    species: str
    klasse: Boomveiligheidsklasse
    risico: Omgevingsrisicoklasse
    last_inspection: date | None


class DueItem(NamedTuple):
    tree: DueCandidate
    state: DueState
    due: date | None  # None: never inspected (due now)
    reason: str


@dataclass(frozen=True)
class DueFilter:
    """Empty texts and sets mean "all"."""

    until: date
    wijk: str = ""
    buurt: str = ""
    straat: str = ""
    klassen: frozenset[Boomveiligheidsklasse] = field(default_factory=frozenset)
    risicos: frozenset[Omgevingsrisicoklasse] = field(default_factory=frozenset)

    def admits(self, tree: DueCandidate) -> bool:
        return ((not self.wijk or tree.wijk.casefold() == self.wijk.casefold())
                and (not self.buurt or tree.buurt.casefold() == self.buurt.casefold())
                and (not self.straat or tree.straat.casefold() == self.straat.casefold())
                and (not self.klassen or tree.klasse in self.klassen)
                and (not self.risicos or tree.risico in self.risicos))


def _reason(klasse: Boomveiligheidsklasse, risico_used: Omgevingsrisicoklasse, months: int | None,
            measure_days: int | None) -> str:
    if measure_days is not None:  # the date itself is the due date
        what = "nader onderzoek" if klasse is Boomveiligheidsklasse.NIET_TE_BEOORDELEN else "maatregel"
        return f"{klasse}: {what} binnen {measure_days} dagen"
    interval = "jaarlijks" if months == 12 else f"elke {months} mnd"
    if klasse is Boomveiligheidsklasse.ATTENTIEBOOM:
        return f"attentieboom: {interval} (CROW)"
    if klasse is Boomveiligheidsklasse.ZONDER_GEBREKEN:
        return f"omgevingsrisico {risico_used}: {interval}"
    return f"klasse onbekend: {interval}"


def evaluate(tree: DueCandidate, until: date, today: date,
             rules: InspectionRules | None = None) -> DueItem:
    """The tree's state on `today` for a planning period that ends on `until`."""
    if tree.last_inspection is None:
        return DueItem(tree, DueState.NEVER, None, "nooit gecontroleerd")
    result = next_inspection_due(tree.last_inspection, tree.klasse, tree.risico, rules)
    if result.due < today:
        state = DueState.OVERDUE
    elif result.due <= until:
        state = DueState.DUE
    else:
        state = DueState.OK
    return DueItem(tree, state, result.due,
                   _reason(tree.klasse, result.risk_class_used, result.months, result.measure_days))


def evaluate_all(trees: list[DueCandidate], until: date, today: date,
                 rules: InspectionRules | None = None) -> list[DueItem]:
    """Every tree's state; the rule per (last date, klasse, risico) is worked out once."""
    rules = rules or InspectionRules()
    cache: dict[tuple, tuple[DueState, date | None, str]] = {}
    items = []
    for tree in trees:
        key = (tree.last_inspection, tree.klasse, tree.risico)
        known = cache.get(key)
        if known is None:
            item = evaluate(tree, until, today, rules)
            known = cache[key] = (item.state, item.due, item.reason)
        items.append(DueItem(tree, *known))
    return items


def latest_due_inspection(klasse: Boomveiligheidsklasse, risico: Omgevingsrisicoklasse, until: date,
                          rules: InspectionRules | None = None) -> date:
    """The latest date of a last controle that makes the next one due by `until` (a prefilter
    for the query: every tree inspected on or before it is due, every later one is not)."""
    rules = rules or InspectionRules()
    probe = next_inspection_due(until, klasse, risico, rules)
    if probe.months is None:  # a deadline in days
        return until - (probe.due - until)
    # add_months clips to the month end, so step forward while the next day is still due
    day = add_months(until, -probe.months)
    while next_inspection_due(day + timedelta(days=1), klasse, risico, rules).due <= until:
        day += timedelta(days=1)
    return day


def due_thresholds(until: date, rules: InspectionRules | None = None
                   ) -> dict[tuple[Boomveiligheidsklasse, Omgevingsrisicoklasse], date]:
    """`latest_due_inspection` for every pair of classes."""
    return {(k, r): latest_due_inspection(k, r, until, rules)
            for k in Boomveiligheidsklasse for r in Omgevingsrisicoklasse}


def is_due(item: DueItem) -> bool:
    return item.state is not DueState.OK


def due_items(trees: list[DueCandidate], criteria: DueFilter, today: date,
              rules: InspectionRules | None = None) -> list[DueItem]:
    """The trees admitted by `criteria` whose controle is due by `criteria.until` (or never done)."""
    narrowed = criteria.wijk or criteria.buurt or criteria.straat or criteria.klassen or criteria.risicos
    admitted = [t for t in trees if criteria.admits(t)] if narrowed else trees
    return [i for i in evaluate_all(admitted, criteria.until, today, rules) if is_due(i)]


def counted_day(item: DueItem, today: date) -> date:
    """The day the controle counts on: its due date; overdue and never inspected count today."""
    return item.due if item.due is not None and item.due >= today else today


def counts_per_month(items: list[DueItem], today: date) -> list[tuple[str, int]]:
    """('JJJJ-MM', number of controles) per month, in order."""
    per_due = Counter(counted_day(i, today) for i in items)
    counts: Counter[str] = Counter()
    for day, n in per_due.items():  # a few hundred distinct dates, not one key per tree
        counts[f"{day.year:04d}-{day.month:02d}"] += n
    return sorted(counts.items())


def counts_per_state(items: list[DueItem]) -> dict[DueState, int]:
    counts = Counter(i.state for i in items)
    return {s: counts.get(s, 0) for s in DueState}


def counts_per_class(items: list[DueItem]) -> list[tuple[str, str, int]]:
    """(boomveiligheidsklasse, omgevingsrisicoklasse, count), largest first."""
    counts = Counter((str(i.tree.klasse), str(i.tree.risico)) for i in items)
    return [(k, r, n) for (k, r), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def yearly_target(stock: int) -> int:
    """Practice figure: inspect a third of the stock per year (rounded up)."""
    return -(-stock // STOCK_SHARE_PER_YEAR)
