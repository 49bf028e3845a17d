"""Inspecties ▸ Controles nodig on the real main window and a real SQLite register: the due list
with counts, the route list PDF, and the "Controle nodig" map layer in the layers panel."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.domain.inspection_due import DueState
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse as K
from bomenplan.reports.registry import register_report_writers
from bomenplan.services import register
from bomenplan.ui.features.inspection_due import CONTROLE_LAYER
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings
from tests.pdf_text import pdf_text

TIMEOUT = 10000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path):  # noqa: F811
    # every tree but two had a controle in May 2026 without defects (not due before 2029);
    # one is an attentieboom inspected 1-11-2025 → due 1-11-2026: te laat on 30-11-2026
    for tree in trees[2:]:
        register.record_inspection(uow_factory(), Inspection(None, tree.id, date(2026, 5, 1), "P. Jansen",
                                                             K.ZONDER_GEBREKEN))
    register.record_inspection(uow_factory(), Inspection(None, trees[1].id, date(2025, 11, 1),
                                                         "P. Jansen", K.ATTENTIEBOOM))
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    feature = main.inspection_due
    feature.today = feature.panel.today = date(2026, 11, 30)
    feature.panel.until.setDate(QDate(2027, 2, 28))
    return main


def test_due_list_counts_and_route_pdf(qtbot, window, trees, tmp_path):  # noqa: F811
    feature = window.inspection_due
    feature.open()
    qtbot.waitUntil(lambda: feature.report is not None, timeout=TIMEOUT)
    panel = feature.panel
    assert panel.model.rowCount() == 2
    states = {panel.model.item_at(r).tree.tree_id: panel.model.data(panel.model.index(r, 9))
              for r in range(2)}
    assert states == {trees[0].id: "nooit gecontroleerd", trees[1].id: "te laat"}
    assert panel.summary.text().startswith("2 bomen hebben een controle nodig tot en met 28-02-2027: "
                                           "1 nooit gecontroleerd, 1 te laat, 0 in de periode.")
    assert panel.months.rowCount() == 1 and panel.months.item(0, 0).text() == "2"
    assert [panel.wijk.itemText(i) for i in range(panel.wijk.count())] == ["alle wijken", "Centrum"]

    register_report_writers()  # as app.py does
    target = tmp_path / "route.pdf"
    feature.write_route(target)
    qtbot.waitUntil(target.exists, timeout=TIMEOUT)
    text = pdf_text(target)
    assert "Routelijst boomveiligheidscontrole" in text
    assert trees[1].boomnummer in text and "attentieboom" in text


def test_map_layer_and_colour_mode(qtbot, window, trees):  # noqa: F811
    layers = window.map_layers.panel
    row = layers.row_of(CONTROLE_LAYER)
    assert row >= 0 and not layers.is_shown(CONTROLE_LAYER)
    layers.model.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.map_view.layer(CONTROLE_LAYER) is not None, timeout=TIMEOUT)
    assert window.map_view.layer(CONTROLE_LAYER).isVisible()
    points = window.inspection_due.points
    assert list(points[DueState.NEVER][0]) == [trees[0].id]
    assert list(points[DueState.OVERDUE][0]) == [trees[1].id]
    assert list(points[DueState.OK][0]) == [trees[2].id]
    columns = window.tree_model.columns
    groups, legend = window.inspection_due._colours(columns)
    by_id = dict(zip(columns.id.tolist(), groups.tolist(), strict=True))
    assert [by_id[t.id] for t in trees] == [0, 1, 3]  # nooit, te laat, op orde
    assert [label for label, _c in legend] == ["nooit gecontroleerd", "te laat", "nodig", "op orde",
                                               "onbekend"]


def test_beheerder_changes_an_interval_and_the_list_follows(qtbot, window, uow_factory, trees):  # noqa: F811
    from bomenplan.domain.inspection_rules import RiskClassRule
    from bomenplan.domain.values import Omgevingsrisicoklasse as R
    from bomenplan.services.inspection_rules_admin import load_rules

    feature = window.inspection_due
    feature.open()
    qtbot.waitUntil(lambda: feature.report is not None, timeout=TIMEOUT)
    assert feature.panel.model.rowCount() == 2
    feature.edit_rules()
    dialog = feature.rules_dialog
    regular, attentie, days = dialog.boxes[R.GEMIDDELD]  # the trees have no class: gemiddeld
    assert (regular.value(), regular.maximum(), attentie.maximum()) == (36, 60, 12)
    regular.setValue(6)  # controle of 1-5-2026 + 6 months = 1-11-2026
    assert dialog.changed() == {R.GEMIDDELD: RiskClassRule(6, 12, 30)}
    before = feature.report
    dialog.accept()
    qtbot.waitUntil(lambda: load_rules(uow_factory()).by_class[R.GEMIDDELD].regular_months == 6,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: feature.report is not before, timeout=TIMEOUT)
    assert feature.panel.model.rowCount() == 3
    third = next(i for i in feature.report.items if i.tree.tree_id == trees[2].id)
    assert (third.state, third.due) == (DueState.OVERDUE, date(2026, 11, 1))  # before 30-11-2026


def test_als_werkorder_aanmaken_makes_orders_for_the_chosen_rows(qtbot, window, trees,  # noqa: F811
                                                                 uow_factory):  # noqa: F811
    from bomenplan.services import work_orders

    feature = window.inspection_due
    feature.open()
    qtbot.waitUntil(lambda: feature.report is not None, timeout=TIMEOUT)
    panel = feature.panel
    assert panel.work_order_button.isEnabled() and panel.work_order_button.text() == \
        "Als werkorder aanmaken"
    row = next(r for r in range(2) if panel.model.item_at(r).tree.tree_id == trees[1].id)
    panel.table.selectRow(row)
    panel.work_order_button.click()
    qtbot.waitUntil(lambda: bool(work_orders.list_work_orders(uow_factory())), timeout=TIMEOUT)
    orders = work_orders.list_work_orders(uow_factory())
    # only the chosen attentieboom (te laat since 1-11-2026): a controle due on that date
    assert [(o.tree_id, str(o.measure), o.due_date) for o in orders] == [
        (trees[1].id, "inspectie", date(2026, 11, 1))]
    qtbot.waitUntil(lambda: "1 werkorders aangemaakt" in window.statusBar().currentMessage(),
                    timeout=TIMEOUT)
