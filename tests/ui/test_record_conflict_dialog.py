"""The real Intussen gewijzigd dialog for a bomenbank tree and a work order: Dutch field names,
what the other user changed, and the per-field choice (issue 15 §2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from register_fixtures import uow_factory  # noqa: F401

from bomenplan.domain.bomenbank import BankTree
from bomenplan.domain.criteria import Measure
from bomenplan.domain.work_orders import WorkOrder
from bomenplan.services import bank_edits
from bomenplan.services import bomenbank as bank_svc
from bomenplan.services import work_orders as orders
from bomenplan.services.edit_conflicts import MERGE, describe_conflict
from bomenplan.services.record_conflict_targets import (
    bank_target,
    bank_values,
    work_order_target,
    work_order_values,
)
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _rows(dialog):
    model = dialog.their_model
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def test_bank_conflict_names_the_field_and_merges_with_the_chosen_value(qtbot, uow_factory):  # noqa: F811
    opened = bank_svc.add_bank_tree(uow_factory(), BankTree(
        id=None, code="KW-1", source="kwekerij", species_name="Fagus sylvatica", stamomtrek_cm=150.0,
        x=232000.0, y=556000.0, location="Kwekerij De Linde", cost=Decimal("900.00")))
    bank_edits.edit_bank_tree(uow_factory(), opened.with_changes(location="Depot Noord"), "anna", opened.version)
    base = bank_values(opened)
    conflict = describe_conflict(uow_factory(), bank_target(uow_factory, opened.id, "bankboom KW-1"), base,
                                 {**base, "location": "Depot Zuid"}, opened.version)
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    assert "Intussen gewijzigd" in dialog.windowTitle() and "bankboom KW-1" in dialog.windowTitle()
    assert ("Locatie", "Kwekerij De Linde", "Depot Noord") in _rows(dialog)
    assert not dialog.merge_button.isEnabled()  # both changed Locatie: choose first
    dialog.choose("location", "mine")
    dialog.merge_button.click()
    assert dialog.resolution.action == MERGE and dialog.resolution.choices == {"location": "mine"}


def test_work_order_conflict_shows_the_contractor_someone_assigned(qtbot, uow_factory):  # noqa: F811
    with uow_factory() as uow:
        opened = uow.work_orders.add(WorkOrder(id=None, complaint_id=None, tree_id=None,
                                               created_at="2026-03-02T09:00:00", measure=Measure.SNOEIEN,
                                               omschrijving="takken terugsnoeien", origin="controle"))
        uow.commit()
    orders.assign_contractor(uow_factory(), opened, "Boomzorg Drenthe", None, "anna")
    base = work_order_values(opened)
    conflict = describe_conflict(uow_factory(), work_order_target(uow_factory, opened.id, "werkorder 1"), base,
                                 {**base, "status": opened.started().status}, opened.version)
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    assert ("Aannemer", "(leeg)", "Boomzorg Drenthe") in _rows(dialog)
    assert dialog.merge_button.isEnabled() and "Status: Open \u2192 In uitvoering" in dialog.mine_label.text()
