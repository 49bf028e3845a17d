"""Work orders from the controle planning, not only from a complaint (DOMAIN.md: an order comes
"from a triage decision (or an inspection)").

- A tree on the *Controles nodig* list gets an order for a boomveiligheidscontrole (VTA), due on
  the date the list gives (never inspected: today).
- A risicoboom (or niet te beoordelen tree) gets an order for its measure, due on the measure
  deadline of the InspectionRules (CROW Richtlijn Boomveiligheidsregistratie, kennisbank.crow.nl
  26768: "hoe groter het omgevingsrisico, hoe hoger de urgentie"), counted from the last controle;
  it is urgent.
"""

from __future__ import annotations

from datetime import date

from bomenplan.domain.criteria import Measure
from bomenplan.domain.inspection_due import DueItem
from bomenplan.domain.inspection_rules import NADER_ONDERZOEK, InspectionRules, next_inspection_due
from bomenplan.domain.values import Boomveiligheidsklasse
from bomenplan.domain.work_orders import WorkOrder

ORIGIN_COMPLAINT = "melding"
ORIGIN_INSPECTION = "controle"
ORIGIN_DUE = "controle nodig"
RISK_CLASSES = (Boomveiligheidsklasse.RISICOBOOM, Boomveiligheidsklasse.NIET_TE_BEOORDELEN)
# Words of a recorded measure → the order's measure (anything else: inspectie of the measure).
_MEASURE_WORDS = (("kap", Measure.KAPPEN), ("vel", Measure.KAPPEN), ("snoei", Measure.SNOEIEN),
                  ("bestrijd", Measure.BESTRIJDING))


def measure_of(text: str, klasse: Boomveiligheidsklasse) -> Measure:
    """The measure a risicoboom's recorded maatregel asks for ("kappen" → kappen)."""
    lowered = text.lower()
    if klasse is Boomveiligheidsklasse.RISICOBOOM:
        for word, measure in _MEASURE_WORDS:
            if word in lowered:
                return measure
    return Measure.INSPECTIE


def work_order_for_due(item: DueItem, created_at: str, today: date,
                       rules: InspectionRules | None = None, measure_text: str = "",
                       inspection_id: int | None = None) -> WorkOrder:
    """The order for one tree of the due list; `measure_text` is the last controle's maatregel."""
    tree = item.tree
    if tree.klasse in RISK_CLASSES:
        start = tree.last_inspection or today
        due = next_inspection_due(start, tree.klasse, tree.risico, rules).measure_due
        text = measure_text.strip() or (NADER_ONDERZOEK if tree.klasse is Boomveiligheidsklasse.NIET_TE_BEOORDELEN
                                        else "maatregel risicoboom")
        return WorkOrder(None, None, tree.tree_id, created_at, measure_of(text, tree.klasse),
                         f"{tree.klasse}: {text}", urgent=True, wijk=tree.wijk, due_date=due,
                         inspection_id=inspection_id,
                         origin=ORIGIN_INSPECTION if inspection_id else ORIGIN_DUE)
    return WorkOrder(None, None, tree.tree_id, created_at, Measure.INSPECTIE,
                     f"boomveiligheidscontrole (VTA): {item.reason}", wijk=tree.wijk,
                     due_date=item.due or today, origin=ORIGIN_DUE)

