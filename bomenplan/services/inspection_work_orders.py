"""Use case: work orders from the *Controles nodig* list (a controle, or a risicoboom's measure);
the rules are domain/inspection_work_orders.py. Needs the WORK_ORDERS right."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.inspection_due import DueCandidate, DueItem, DueState
from bomenplan.domain.inspection_work_orders import RISK_CLASSES, work_order_for_due
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import FieldChange
from bomenplan.domain.work_orders import WorkOrder
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.inspection_rules_admin import rules_of


@dataclass(frozen=True)
class CreatedOrders:
    created: list[WorkOrder]
    skipped: int  # trees that already have an active order

    def summary(self) -> str:
        return (f"{len(self.created)} werkorders aangemaakt; {self.skipped} bomen overgeslagen "
                "(hebben al een lopende werkorder)")


def create_work_orders_from_due(uow, items: list[DueItem], user: str = "",
                                today: date | None = None) -> CreatedOrders:
    """One order per tree of `items`, unless the tree already has an active order; each order is
    noted in the tree's history. All in one transaction."""
    today = today or date.today()
    created, skipped = [], 0
    with uow:
        authorize(uow, Permission.WORK_ORDERS)
        rules = rules_of(uow)
        for item in items:
            tree_id = item.tree.tree_id
            if any(o.status.is_active for o in uow.work_orders.for_tree(tree_id)):
                skipped += 1
                continue
            latest = next(iter(uow.inspections.for_tree(tree_id)), None)
            order = uow.work_orders.add(work_order_for_due(
                item, now_text(), today, rules,
                measure_text="; ".join(latest.maatregelen) if latest else "",
                inspection_id=latest.id if latest else None))
            uow.changes.record([FieldChange(
                "tree", tree_id, "werkorder", "",
                f"werkorder {order.id}: {order.omschrijving} ({order.origin})", now_text(), user,
                f"werkorder uit {order.origin}")])
            created.append(order)
        uow.commit()
    return CreatedOrders(created, skipped)


def create_work_order_for_risicoboom(uow, tree_id: int, user: str = "",
                                     today: date | None = None) -> CreatedOrders:
    """The order for the measure of a tree whose latest controle found a risicoboom (or could
    not judge it), from the tree's inspection history."""
    with uow:
        tree = uow.trees.get(tree_id)
        latest = next(iter(uow.inspections.for_tree(tree_id)), None)
    if latest is None or latest.boomveiligheidsklasse not in RISK_CLASSES:
        raise ValidationError("controle", f"boom {tree.boomnummer}: de laatste controle vond "
                              "geen risicoboom; een werkorder voor een maatregel is niet nodig")
    candidate = DueCandidate(tree.id, tree.boomnummer, tree.straat, tree.wijk, tree.buurt,
                             tree.position.x, tree.position.y, tree.species_name,
                             latest.boomveiligheidsklasse, tree.omgevingsrisicoklasse, latest.datum)
    item = DueItem(candidate, DueState.DUE, latest.maatregel_uiterlijk, str(latest.boomveiligheidsklasse))
    return create_work_orders_from_due(uow, [item], user, today)
