"""Location facts per laan for the replanting advice: monumental, near a play area or school."""

from __future__ import annotations

from bomenplan.domain.replant_criteria import LaanSite
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import FieldChange
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text

FIELD_LABELS = {"monumental": "monumentaal", "near_play_or_school": "nabij speelplek/school"}


def laan_site(uow, laan_id: int) -> LaanSite:
    with uow:
        return uow.laan_sites.get(laan_id)


def set_laan_site(uow, site: LaanSite, user: str = "") -> LaanSite:
    """Store the facts of an existing laan; every changed fact goes to the laan's history."""
    with uow:
        authorize(uow, Permission.LANEN)
        uow.lanen.get(site.laan_id)
        old = uow.laan_sites.get(site.laan_id)
        uow.laan_sites.set(site, user)
        for field, label in FIELD_LABELS.items():
            before, after = getattr(old, field), getattr(site, field)
            if before != after:
                uow.changes.record([FieldChange(entity="laan", entity_id=site.laan_id, field=label,
                                                old="ja" if before else "nee",
                                                new="ja" if after else "nee",
                                                changed_at=now_text(), user=user, reason="")])
        uow.commit()
        return uow.laan_sites.get(site.laan_id)
