"""Storing an import batch: plain addition, or update by key (services/importing/update.py).

Plain import (no update): rows whose key is already in the register are refused as a whole
("never silent duplicates") unless the user asks to add them as extra trees; keys repeated
inside the file are imported as separate trees and reported with their lines.
Update: a key repeated in the file matches on key and place; a row repeating an earlier row's
key at the same place is refused (or added as an extra tree on request).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bomenplan.domain.errors import BomenplanError
from bomenplan.services.importing.report import Rejection
from bomenplan.services.importing.update import (
    UpdatePlan,
    compared_fields,
    plan_update,
)


@dataclass(frozen=True)
class ImportMode:
    update: bool = False  # match on `key` and update changed trees
    dry_run: bool = False  # only preview: store nothing
    key: str = "boomnummer"
    duplicates_as_new: bool = False  # repeated / already stored keys become extra trees
    user: str = ""
    clear_empty: bool = False  # an empty cell clears the stored value (else: no change)


PLAIN_IMPORT = ImportMode()


class KeyAlreadyInRegister(BomenplanError):
    """A plain import would add trees whose key the register already holds."""


def store_batch(uow, batch, report, mode: ImportMode, mapping_fields: dict, source_name: str,
                progress, cancelled) -> UpdatePlan | None:
    """Insert (or update) the batch inside the caller's transaction; returns the plan."""
    key_mapped = bool(mapping_fields.get(mode.key))
    if mode.update and not key_mapped:
        raise BomenplanError(f"bijwerken kan niet: het bestand heeft geen kolom voor de sleutel "
                             f"{mode.key!r}")
    plan = None
    register = getattr(uow, "register_update", None)  # absent in unit-test fakes
    if key_mapped and (register is not None or mode.update):
        fields = compared_fields(mapping_fields) if mode.update else ()
        current = register.current(mode.key, fields)
        plan = plan_update(batch, current, mode.key, fields,
                           duplicates_as_new=mode.duplicates_as_new or not mode.update,
                           clear_empty=mode.clear_empty)
        report.update_plan = plan
    if not mode.update:
        if plan is not None and not mode.duplicates_as_new:
            stored = len(batch) - len(plan.new_rows)
            if stored:
                raise KeyAlreadyInRegister(
                    f"{stored} bomen uit het bestand staan al in het register (zelfde {mode.key} "
                    "en plaats); kies "
                    "'bijwerken' (--update) om die bomen bij te werken, of 'als extra bomen "
                    "toevoegen' (--duplicates-as-new)")
        if not mode.dry_run:
            uow.trees.bulk_insert(batch, progress=progress, cancelled=cancelled)
        return plan
    if not mode.duplicates_as_new and plan.copies:
        _refuse_duplicates(report, plan, batch, source_name)
    if mode.dry_run:
        return plan
    uow.trees.bulk_insert(batch.subset(plan.new_rows), progress=progress, cancelled=cancelled)
    tree_values, site_values = _changed_values(batch, plan)
    uow.register_update.apply(plan.changed_ids.tolist(), tree_values,
                              plan.changed_site_ids.tolist(), site_values, plan.log,
                              mode.user, f"import {source_name}")
    return plan


def _changed_values(batch, plan: UpdatePlan) -> tuple[dict, dict]:
    """The values to write per changed tree (empty cells already hold the stored value)."""
    tree, site = {}, {}
    for name in plan.fields:
        if name in ("x", "y"):
            site[name] = getattr(batch, name)[plan.changed_rows].tolist()
            continue
        target = site if name in ("straat", "wijk", "buurt") else tree
        target[name] = plan.values[name].tolist()
    return tree, site


def _refuse_duplicates(report, plan: UpdatePlan, batch, source_name: str) -> None:
    """Rows repeating an earlier row's key at the same place: rejected, naming both lines."""
    lines = batch.lines if batch.lines is not None else np.arange(2, len(batch) + 2)
    keys = batch.text[plan.key]
    for i, first in plan.copies.items():
        report.rejections.append(Rejection(
            source_name, int(lines[i]), plan.key, keys[i],
            f"{plan.key} en plaats gelijk aan regel {int(lines[first])}: dubbel in het bestand, "
            "niet te koppelen aan één boom (kies 'dubbele als aparte bomen' om toe te voegen)"))
    report.rejections.sort(key=lambda r: r.line)
    report.rows_accepted -= len(plan.copies)
