"""The entities whose saves resolve conflicts (services/edit_conflicts.py): trees, standplaats
records and lanen. Each target reads the stored row, lists its editable values and writes changes
on top of the stored row with the version check of its own service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

from shapely.geometry import Point

from bomenplan.domain.laan import Laan
from bomenplan.domain.standplaats import Standplaats
from bomenplan.domain.tree import EDITABLE_FIELDS, Tree
from bomenplan.services import register
from bomenplan.services.edit_conflicts import ConflictTarget, plain_text
from bomenplan.services.lanen import edit_laan
from bomenplan.services.standplaats import save_standplaats

STANDPLAATS_FIELDS = tuple(f.name for f in fields(Standplaats) if f.name not in ("site_id", "version"))
LAAN_FIELDS = tuple(f.name for f in fields(Laan) if f.name not in ("id", "version", "tree_ids"))


def tree_values(tree: Tree) -> dict:
    return {name: getattr(tree, name) for name in (*EDITABLE_FIELDS, "position")}


def _tree_text(value) -> str:
    if isinstance(value, Point):  # as update_tree logs a move
        return f"{value.x:.2f}, {value.y:.2f}"
    return plain_text(value)


def standplaats_values(record: Standplaats) -> dict:
    return {name: getattr(record, name) for name in STANDPLAATS_FIELDS}


def laan_values(laan: Laan) -> dict:
    return {name: getattr(laan, name) for name in LAAN_FIELDS}


def _standplaats_text(value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return plain_text(value)


def _laan_text(value) -> str:
    if isinstance(value, tuple) and value and hasattr(value[0], "wkt"):
        return "lijn aangepast"
    return plain_text(value)


def tree_target(uow_factory: Callable, tree_id: int, title: str, user: str = "",
                reason: str = "") -> ConflictTarget:
    def write(changes: dict, version: int) -> Tree:
        return register.update_tree(uow_factory(), tree_id, changes, expected_version=version,
                                    user=user, reason=reason)

    return ConflictTarget("tree", tree_id, title, lambda uow: uow.trees.get(tree_id), tree_values, write,
                          _tree_text, {"position": "positie"})


def _stored_standplaats(uow, site_id: int) -> Standplaats:
    return uow.standplaatsen.get(site_id) or Standplaats(site_id=site_id)


def standplaats_target(uow_factory: Callable, site_id: int, title: str, user: str = "",
                       reason: str = "") -> ConflictTarget:
    def write(changes: dict, version: int) -> Standplaats:
        with uow_factory() as uow:
            current = _stored_standplaats(uow, site_id)
        return save_standplaats(uow_factory(), current.with_changes(**changes, version=version), user, reason)

    return ConflictTarget("standplaats", site_id, title, lambda uow: _stored_standplaats(uow, site_id),
                          standplaats_values, write, _standplaats_text)


def laan_target(uow_factory: Callable, laan_id: int, title: str, user: str = "",
                reason: str = "") -> ConflictTarget:
    def write(changes: dict, version: int) -> Laan:
        with uow_factory() as uow:
            current = uow.lanen.get(laan_id)
        return edit_laan(uow_factory(), replace(current, **changes, version=version), user, reason)

    return ConflictTarget("laan", laan_id, title, lambda uow: uow.lanen.get(laan_id), laan_values, write,
                          _laan_text)
