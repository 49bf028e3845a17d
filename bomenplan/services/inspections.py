"""Use cases around boomveiligheidscontroles beyond recording one (see register.record_inspection)."""

from __future__ import annotations

from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import FieldChange, Tree
from bomenplan.domain.values import Boomveiligheidsklasse
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.ports import UnitOfWork


def remove_inspection(uow: UnitOfWork, inspection_id: int, previous_klasse: Boomveiligheidsklasse,
                      *, tree_id: int, user: str = "", expected_version: int | None = None) -> Tree:
    """Undo of record_inspection: drop the inspection, give the tree its earlier class back.

    The removal is written to the change log, so it is never silent.
    """
    now = now_text()
    with uow:
        authorize(uow, Permission.INSPECTIONS)
        inspection = next((i for i in uow.inspections.for_tree(tree_id) if i.id == inspection_id), None)
        if inspection is None:
            raise NotFound(f"controle {inspection_id} van boom {tree_id}")
        tree = uow.trees.get(tree_id)
        if expected_version is not None and tree.version != expected_version:
            raise ConcurrentEditError(f"boom {tree.boomnummer} is intussen gewijzigd")
        uow.inspections.remove(inspection_id)
        log = [FieldChange("tree", tree_id, "controle verwijderd",
                           f"{inspection.datum} {inspection.inspecteur}", "", now, user)]
        if tree.boomveiligheidsklasse != previous_klasse:
            log.append(FieldChange("tree", tree_id, "boomveiligheidsklasse",
                                   str(tree.boomveiligheidsklasse), str(previous_klasse), now, user))
            tree = uow.trees.update(tree.with_changes(boomveiligheidsklasse=previous_klasse))
        uow.changes.record(log)
        uow.commit()
        return tree
