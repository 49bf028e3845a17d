"""Use cases of the tree register. Each takes a UnitOfWork, commits, and returns domain objects."""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import Point

from bomenplan.domain.errors import ConcurrentEditError, ValidationError
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import EDITABLE_FIELDS, FieldChange, Inspection, Site, Tree
from bomenplan.domain.values import TreeStatus
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.ports import UnitOfWork


def _text(value) -> str:
    if value is None:
        return ""
    return str(value.value) if hasattr(value, "value") else str(value)


def load_register(uow: UnitOfWork) -> RegisterColumns:
    with uow:
        return uow.trees.columns()


def load_register_first_stage(uow: UnitOfWork) -> RegisterColumns:
    """What the map and the first table screen need (a FirstStageColumns when the store can
    read in two stages); `load_register` reads the rest in the background afterwards."""
    with uow:
        return uow.trees.first_stage_columns()


def load_register_rest(uow: UnitOfWork) -> dict:
    """Stage 2 of the read: {"id": …, field: array} for the fields stage 1 left out."""
    with uow:
        return uow.trees.rest_columns()


def get_tree(uow: UnitOfWork, tree_id: int) -> Tree:
    with uow:
        return uow.trees.get(tree_id)


def add_tree(uow: UnitOfWork, draft: Tree, user: str = "") -> Tree:
    """Create a planting site at the draft's position and the tree on it."""
    with uow:
        authorize(uow, Permission.TREES)
        site = uow.sites.add(Site(None, draft.position, draft.straat, draft.wijk, draft.buurt))
        tree = uow.trees.add(draft.with_changes(site_id=site.id))
        uow.changes.record([FieldChange("tree", tree.id, "aangemaakt", "", tree.boomnummer, now_text(), user)])
        uow.commit()
        return tree


def plant_on_site(uow: UnitOfWork, site_id: int, draft: Tree, user: str = "") -> Tree:
    """Replant (herplant) on an existing site; the site keeps the earlier trees in its history."""
    with uow:
        authorize(uow, Permission.TREES)
        site = uow.sites.get(site_id)
        tree = uow.trees.add(draft.with_changes(site_id=site.id, position=site.position,
                                                straat=site.straat, wijk=site.wijk, buurt=site.buurt))
        uow.changes.record([FieldChange("site", site.id, "herplant", "", tree.boomnummer, now_text(), user),
                            FieldChange("tree", tree.id, "aangemaakt", "", tree.boomnummer, now_text(), user)])
        uow.commit()
        return tree


def update_tree(uow: UnitOfWork, tree_id: int, changes: dict, expected_version: int | None = None,
                user: str = "", reason: str = "") -> Tree:
    """Change editable fields; every changed field is written to the change log."""
    unknown = set(changes) - set(EDITABLE_FIELDS) - {"position"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is geen bewerkbaar veld")
    with uow:
        authorize(uow, Permission.TREES)
        current = uow.trees.get(tree_id)
        if expected_version is not None and current.version != expected_version:
            raise ConcurrentEditError(f"boom {current.boomnummer} is intussen gewijzigd", "tree", tree_id,
                                      expected_version, current.version)
        changed = current.with_changes(**changes)  # validates
        log = [FieldChange("tree", tree_id, name, _text(getattr(current, name)), _text(value),
                           now_text(), user, reason)
               for name, value in changes.items() if name != "position"
               and getattr(current, name) != value]
        if "position" in changes and changes["position"] != current.position:
            old, new = current.position, changes["position"]
            log.append(FieldChange("tree", tree_id, "positie", f"{old.x:.2f}, {old.y:.2f}",
                                   f"{new.x:.2f}, {new.y:.2f}", now_text(), user, reason))
        if not log:
            return current
        stored = uow.trees.update(changed)
        uow.changes.record([replace(c, version=stored.version) for c in log])
        uow.commit()
        return stored


def move_tree(uow: UnitOfWork, tree_id: int, x: float, y: float, user: str = "") -> Tree:
    return update_tree(uow, tree_id, {"position": Point(x, y)}, user=user)


def set_status(uow: UnitOfWork, tree_id: int, status: TreeStatus, user: str = "",
               reason: str = "") -> Tree:
    """Fell, stump, transplant …: the tree stays in the register, its site stays behind."""
    return update_tree(uow, tree_id, {"status": status}, user=user, reason=reason)


def retract_new_tree(uow: UnitOfWork, tree_id: int, user: str = "") -> None:
    """Undo of add_tree: remove a tree that was just created (logged, never silent)."""
    with uow:
        authorize(uow, Permission.TREES)
        uow.trees.remove_new(tree_id)
        uow.changes.record([FieldChange("tree", tree_id, "aanmaak ongedaan", "", "", now_text(), user)])
        uow.commit()


def record_inspection(uow: UnitOfWork, inspection: Inspection, user: str = "") -> tuple[Inspection, Tree]:
    """Store a boomveiligheidscontrole and carry its class onto the tree."""
    with uow:
        authorize(uow, Permission.INSPECTIONS)
        stored = uow.inspections.add(inspection)
        tree = uow.trees.get(inspection.tree_id)
        log = [FieldChange("tree", tree.id, "controle", "", f"{inspection.datum} {inspection.inspecteur}",
                           now_text(), user)]
        if tree.boomveiligheidsklasse != inspection.boomveiligheidsklasse:
            log.append(FieldChange("tree", tree.id, "boomveiligheidsklasse",
                                   _text(tree.boomveiligheidsklasse),
                                   _text(inspection.boomveiligheidsklasse), now_text(), user))
            tree = uow.trees.update(tree.with_changes(
                boomveiligheidsklasse=inspection.boomveiligheidsklasse))
        uow.changes.record(log)
        uow.commit()
        return stored, tree


def tree_history(uow: UnitOfWork, tree_id: int) -> list[FieldChange]:
    with uow:
        return uow.changes.for_entity("tree", tree_id)


def inspections_of(uow: UnitOfWork, tree_id: int) -> list[Inspection]:
    with uow:
        return uow.inspections.for_tree(tree_id)


def site_history(uow: UnitOfWork, site_id: int) -> list[Tree]:
    with uow:
        return uow.trees.on_site(site_id)
