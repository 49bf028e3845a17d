"""Inspection, status and new-tree dialogs: values become domain objects; bad input is refused."""

from datetime import date

from PySide6.QtCore import QDate
from register_fixtures import FakeTreeModel, trees, uow_factory  # noqa: F401

from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse, TreeStatus
from bomenplan.ui.dialogs.inspection_dialog import InspectionDialog
from bomenplan.ui.dialogs.new_tree_dialog import NewTreeDialog, nearest_address
from bomenplan.ui.dialogs.status_dialog import StatusDialog
from bomenplan.ui.dialogs.value_labels import select_enum


def test_inspection_dialog_computes_next_due_and_builds_the_inspection(qtbot, trees):  # noqa: F811
    dialog = InspectionDialog(trees[0], "P. Bakker", today=date(2026, 3, 15))
    qtbot.addWidget(dialog)
    # the tree has no omgevingsrisicoklasse yet: counted as gemiddeld, zonder gebreken 3 years
    assert "gemiddeld" in dialog.omgeving.text()
    assert dialog.volgende.date() == QDate(2029, 3, 15)
    assert not dialog.maatregel_uiterlijk.isEnabled()
    assert dialog.inspection().maatregel_uiterlijk is None


def test_inspection_dialog_uses_the_trees_own_risk_class(qtbot, trees):  # noqa: F811
    tree = trees[0].with_changes(omgevingsrisicoklasse=Omgevingsrisicoklasse.HOOG)
    dialog = InspectionDialog(tree, "P. Bakker", today=date(2026, 3, 15))
    qtbot.addWidget(dialog)
    assert dialog.volgende.date() == QDate(2027, 3, 15)  # raised duty of care: yearly
    select_enum(dialog.klasse, Boomveiligheidsklasse.RISICOBOOM)
    assert dialog.maatregel_uiterlijk.date() == QDate(2026, 3, 22)  # hoog: within 7 days
    assert dialog.measures["nader onderzoek"].isChecked()
    assert "7 dagen" in dialog.advice.text()
    dialog.defects["holte"].setChecked(True)
    dialog.other_defects.setText("blikseminslag, ")
    inspection = dialog.inspection()
    assert inspection.tree_id == trees[0].id
    assert inspection.boomveiligheidsklasse is Boomveiligheidsklasse.RISICOBOOM
    assert inspection.gebreken == ("holte", "blikseminslag")
    assert inspection.maatregelen == ("nader onderzoek",)
    assert inspection.maatregel_uiterlijk == date(2026, 3, 22)
    assert inspection.volgende_controle == date(2026, 3, 22)


def test_inspection_without_inspector_is_refused(qtbot, trees):  # noqa: F811
    dialog = InspectionDialog(trees[0], "")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != InspectionDialog.Accepted
    assert "inspecteur" in dialog.error.text()


def test_status_dialog_needs_a_reason(qtbot, trees):  # noqa: F811
    dialog = StatusDialog(trees[0])
    qtbot.addWidget(dialog)
    statuses = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert TreeStatus.LEVEND.value not in statuses and TreeStatus.GEKAPT.value in statuses
    dialog.accept()
    assert not dialog.error.isHidden()
    dialog.status.setCurrentIndex(dialog.status.findData(TreeStatus.STOBBE.value))
    dialog.reason.setText("stormschade")
    assert dialog.choice() == (TreeStatus.STOBBE, "stormschade")


def test_new_tree_takes_the_address_of_the_nearest_tree(qtbot, uow_factory, trees):  # noqa: F811
    columns = FakeTreeModel(uow_factory).columns
    assert nearest_address(columns, 234010.0, 557020.0)["straat"] == "Kerkstraat"
    assert nearest_address(columns, 239000.0, 557000.0) == {}
    dialog = NewTreeDialog(234010.0, 557020.0, columns)
    qtbot.addWidget(dialog)
    dialog.boomnummer.setText("N-1")
    dialog.soort.setEditText("Quercus robur")
    dialog.plantjaar.setText("2026")
    draft = dialog.draft()
    assert (draft.boomnummer, draft.species_name, draft.plantjaar, draft.wijk) == (
        "N-1", "Quercus robur", 2026, "Centrum")
    dialog.soort.setEditText("")
    dialog.accept()
    assert "soort" in dialog.error.text()
