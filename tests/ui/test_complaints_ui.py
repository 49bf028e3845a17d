"""Complaint screens: intake, triage with override and letter, criteria editor, re-examination,
overview dock and map layer — on the real main window and a real SQLite register."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from register_fixtures import trees, uow_factory  # noqa: F401

from bomenplan.domain.complaints import (
    Channel,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
)
from bomenplan.domain.criteria import Decision, Measure
from bomenplan.domain.reexamination import Reexamination
from bomenplan.reports.registry import register_report_writers
from bomenplan.services import complaints
from bomenplan.ui.dialogs.complaint_intake_dialog import ComplaintIntakeDialog
from bomenplan.ui.dialogs.criteria_dialog import CriteriaDialog
from bomenplan.ui.dialogs.reexamination_dialog import ReexaminationDialog
from bomenplan.ui.dialogs.triage_dialog import TriageDialog
from bomenplan.ui.dialogs.value_labels import select_enum, value_label
from bomenplan.ui.main_window import MainWindow
from bomenplan.ui.settings import Settings
from bomenplan.ui.views.complaints_overview import LAYER
from tests.pdf_text import pdf_text

C = ComplaintCategory


@pytest.fixture
def window(qtbot, uow_factory, trees, tmp_path):  # noqa: F811
    main = MainWindow(uow_factory, Settings.at(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    return main


def stored(uow_factory, tree_id, *categories, facts=None):  # noqa: F811
    record = complaints.register_complaint(
        uow_factory(), Complaint(None, date(2026, 3, 3), Channel.TELEFOON, categories, "", (tree_id,)),
        facts or ComplaintFacts())
    complaints.triage_complaint(uow_factory(), record.complaint.id)
    return record.complaint.id


def test_intake_dialog_builds_complaint_facts_and_complainant(qtbot, uow_factory, trees):  # noqa: F811
    dialog = ComplaintIntakeDialog(lambda: [trees[1].id],
                                   lambda text: complaints.tree_ids_for(uow_factory(), text))
    qtbot.addWidget(dialog)
    dialog._on_pick_clicked()
    assert dialog.tree_ids == [trees[1].id]
    for row in (0, 6):  # takken tegen gevel of dak, zonnepanelen
        dialog.category_model.item(row).setCheckState(Qt.Checked)
    dialog.afstand_gevel.setValue(0.5)
    dialog.person_fields["naam"].setText("J. Jansen")
    complaint, facts, person = dialog.build()
    assert dialog.category_model.item(0).text() == "Takken tegen gevel of dak"
    assert dialog.kanaal.currentText() == "Telefoon" and dialog.eigenaar.currentText() == "Onbekend"
    first, panels = complaint.categories  # members, not the codes Qt hands back
    assert first is C.TAKKEN_GEVEL_DAK and panels is C.ZONNEPANELEN
    assert complaint.kanaal is Channel.TELEFOON and facts.eigenaar is TreeOwner.ONBEKEND
    assert complaint.tree_ids == (trees[1].id,) and facts.afstand_gevel_m == 0.5
    assert facts.doorrijhoogte_m is None and person.naam == "J. Jansen"
    dialog.boomnummers.setText("A000, GEEN-BOOM")
    dialog._on_accept()
    assert "GEEN-BOOM" in dialog.error_label.text() and dialog.result() == 0


def test_overview_dock_and_map_layer_show_open_complaints(window, qtbot, uow_factory, trees,  # noqa: F811
                                                          qtmodeltester):
    feature = window.complaints_feature
    assert window.map_view.layer(LAYER) is None
    stored(uow_factory, trees[0].id, C.SCHADUW)
    stored(uow_factory, trees[0].id, C.BLADVAL)
    stored(uow_factory, trees[2].id, C.DOOD_HOUT, facts=ComplaintFacts(dood_hout=True))
    feature.refresh()
    layer = window.map_view.layer(LAYER)
    assert sorted(layer.data["data"].tolist()) == [trees[0].id, trees[2].id]
    overview = feature.overview
    assert overview.list_model.rowCount() == 3
    assert dict(overview.count_models["wijk"].rows) == {"Centrum": "3"}
    assert dict(overview.count_models["status"].rows) == {"In behandeling": "3"}
    assert dict(overview.count_models["categorie"].rows) == {"Schaduw": "1", "Bladval": "1",
                                                             "Dood hout of gebroken tak": "1"}
    assert overview.list_model.rows[2][-1] == "Ingrijpen"
    assert overview.status_filter.itemText(1) == "Open"
    for model in (overview.list_model, *overview.count_models.values()):
        qtmodeltester.check(model)
    overview.status_filter.setCurrentIndex(1)  # open
    assert overview.list_model.rowCount() == 0
    overview.status_filter.setCurrentIndex(0)
    overview.list_view.selectRow(2)  # the dead-wood complaint on trees[2]
    with qtbot.waitSignal(window.tree_selection_changed, timeout=2000):
        qtbot.mouseClick(overview.map_button, Qt.LeftButton)
    assert window.selected_tree_ids() == [trees[2].id]
    qtbot.mouseClick(overview.close_button, Qt.LeftButton)  # stored on the write pool
    qtbot.waitUntil(lambda: dict(overview.count_models["status"].rows) == {
        "In behandeling": "2", "Afgehandeld": "1"}, timeout=10000)
    assert window.map_view.layer(LAYER).data["data"].tolist() == [trees[0].id]


def test_triage_dialog_override_needs_motivation_and_prints_letter(qtbot, uow_factory, trees,  # noqa: F811
                                                                   tmp_path):
    cid = stored(uow_factory, trees[0].id, C.HONINGDAUW)
    with uow_factory() as uow:  # the complainant is stored apart from the complaint
        uow.complainants.add(Complainant(cid, "Piet Bakker", "Vaart 3", "9401 AA", "Assen"))
        uow.commit()
    dialog = TriageDialog(uow_factory, cid)
    qtbot.addWidget(dialog)
    assert "Besluit:</b> Niet ingrijpen<br>" in dialog.summary.text()
    assert dialog.complainant_label.text() == "Melder: Piet Bakker, Vaart 3, 9401 AA, Assen"
    dialog.decision.setCurrentIndex(list(Decision).index(Decision.INGRIJPEN))
    dialog.measure.setCurrentIndex(list(Measure).index(Measure.SNOEIEN))
    dialog.motivation.setPlainText("kort")
    assert not dialog.override_button.isEnabled()
    dialog.motivation.setPlainText("Extreme honingdauw boven het schoolplein")
    assert dialog.override_button.isEnabled()
    qtbot.mouseClick(dialog.override_button, Qt.LeftButton)
    assert dialog.log_model.rowCount() == 2 and dialog.log_model.rows[0][3] == "ja"
    assert "Handmatig besluit" in dialog.summary.text()
    register_report_writers()
    assert dialog.write_letter_to(tmp_path / "brief.pdf")
    text = pdf_text(tmp_path / "brief.pdf")
    assert "Piet Bakker" in text and "schoolplein" in text


def test_criteria_editor_refuses_to_adopt_a_concept_with_a_gap(qtbot, uow_factory, monkeypatch):  # noqa: F811
    warnings, reexamined = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2027 concept", True))
    dialog = CriteriaDialog(uow_factory, on_reexamine=reexamined.append)
    qtbot.addWidget(dialog)
    # the shipped default set is a concept, so it can still be adopted
    assert dialog.version_model.rowCount() == 1 and dialog.buttons["adopt"].isEnabled()
    dialog._on_copy()
    assert dialog.current().label == "2027 concept" and dialog.buttons["adopt"].isEnabled()
    rule_count = len(dialog.current().rules)
    row = next(i for i, r in enumerate(dialog.current().rules) if r.code == "pollen")
    dialog.rule_view.selectRow(row)
    dialog._on_remove_rule()
    assert dialog.rule_model.rowCount() == rule_count - 1
    dialog._on_adopt()
    assert warnings and "geen regel voor categorie 'pollen of allergie'" in warnings[0]
    assert dialog.current().status == "concept"
    dialog._on_reexamine()
    assert reexamined == ["2027 concept"]


def test_adopting_asks_first_and_cancel_leaves_the_concept(qtbot, uow_factory, monkeypatch):  # noqa: F811
    asked = []

    def cancel(*args):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    dialog = CriteriaDialog(uow_factory)
    qtbot.addWidget(dialog)
    label = dialog.current().label
    dialog._on_adopt()
    assert asked and label in asked[0] and "vaststellen" in asked[0]
    assert dialog.current().status == "concept" and dialog.buttons["adopt"].isEnabled()


def test_criteria_editor_shows_conditions_in_words(qtbot, uow_factory):  # noqa: F811
    dialog = CriteriaDialog(uow_factory)
    qtbot.addWidget(dialog)
    shown = [dialog.rule_model.rows[i][2] for i in range(dialog.rule_model.rowCount())]
    assert not any("_" in text or "<=" in text for text in shown)


def test_reexamination_dialog_shows_table_and_chart(qtbot, qtmodeltester):
    result = Reexamination("2026-1", "2027", 10, (), {}, {2025: (3, 5), 2026: (2, 2)})
    dialog = ReexaminationDialog(result)
    qtbot.addWidget(dialog)
    assert dialog.year_model.rows == [("2025", "3", "5", "+2"), ("2026", "2", "2", "+0")]
    assert [list(b.opts["height"]) for b in dialog.bars] == [[3, 2], [5, 2]]
    assert "5 → 7" in dialog.summary.text()
    qtmodeltester.check(dialog.year_model)


def test_rule_dialog_round_trips_a_rule_and_names_bad_conditions(qtbot):
    from bomenplan.services.criteria_defaults import default_criteria
    from bomenplan.ui.dialogs.rule_dialog import RuleDialog

    rule = default_criteria().rules[9]
    dialog = RuleDialog(rule)
    qtbot.addWidget(dialog)
    assert dialog.category.currentText() == value_label(rule.category)
    built = dialog.build()
    assert built == rule
    assert built.category is rule.category and built.decision is rule.decision
    assert built.measure is rule.measure
    dialog.conditions.setText("doorrijhoogte_m < laag")
    dialog._on_accept()
    assert dialog.rule is None and "doorrijhoogte_m" in dialog.error_label.text()


def override_in_dialog(qtbot, dialog, decision, measure, motivation):
    select_enum(dialog.decision, decision)
    select_enum(dialog.measure, measure)
    dialog.motivation.setPlainText(motivation)
    qtbot.mouseClick(dialog.override_button, Qt.LeftButton)


def test_override_to_ingrijpen_in_the_dialog_creates_a_work_order(qtbot, uow_factory, trees):  # noqa: F811
    cid = stored(uow_factory, trees[0].id, C.HONINGDAUW)
    assert complaints.work_orders_of_tree(uow_factory(), trees[0].id) == []
    dialog = TriageDialog(uow_factory, cid, user="anna")
    qtbot.addWidget(dialog)
    assert dialog.decision.currentText() == "Niet ingrijpen"
    override_in_dialog(qtbot, dialog, Decision.INGRIJPEN, Measure.SNOEIEN,
                       "Extreme honingdauw boven het schoolplein")
    assert dialog.override_error.text() == ""
    [order] = complaints.work_orders_of_tree(uow_factory(), trees[0].id)
    assert order.measure is Measure.SNOEIEN and order.complaint_id == cid
    latest = complaints.decision_log(uow_factory(), cid)[0]
    assert latest.overridden and latest.intervention.decision is Decision.INGRIJPEN
    assert dialog.log_model.rows[0][2] == "Ingrijpen"


@pytest.mark.parametrize("decision", [Decision.INGRIJPEN, Decision.NIET_INGRIJPEN])
def test_pruning_for_solar_panels_in_the_dialog_is_refused_with_a_message(
        qtbot, uow_factory, trees, monkeypatch, decision):  # noqa: F811
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    cid = stored(uow_factory, trees[0].id, C.ZONNEPANELEN)
    dialog = TriageDialog(uow_factory, cid)
    qtbot.addWidget(dialog)
    override_in_dialog(qtbot, dialog, decision, Measure.SNOEIEN,
                       "Bewoner wil meer zon op de panelen")
    assert len(warnings) == 1 and "zonnepanelen" in warnings[0]
    assert "zonnepanelen" in dialog.override_error.text()
    assert len(complaints.decision_log(uow_factory(), cid)) == 1
    assert complaints.work_orders_of_tree(uow_factory(), trees[0].id) == []


def test_intake_for_a_private_tree_takes_the_not_our_tree_path(qtbot, uow_factory, trees):  # noqa: F811
    dialog = ComplaintIntakeDialog(lambda: [trees[1].id],
                                   lambda text: complaints.tree_ids_for(uow_factory(), text))
    qtbot.addWidget(dialog)
    dialog._on_pick_clicked()
    dialog.category_model.item(1).setCheckState(Qt.Checked)  # dood hout
    select_enum(dialog.eigenaar, TreeOwner.PARTICULIER)
    complaint, facts, _person = dialog.build()
    record = complaints.register_complaint(uow_factory(), complaint, facts)
    result = complaints.triage_complaint(uow_factory(), record.complaint.id)
    assert result.path == "niet onze boom" and result.decision is Decision.NIET_INGRIJPEN


def test_intake_proposes_facts_from_the_text_for_the_handler_to_confirm(qtbot, uow_factory, trees):  # noqa: F811
    dialog = ComplaintIntakeDialog(lambda: [], lambda text: [])
    qtbot.addWidget(dialog)
    dialog.tekst.setPlainText("Er hangt een dode tak boven de stoep en de takken schuren over het dak")
    checked = dialog.checked_categories()
    assert C.DOOD_HOUT in checked and C.TAKKEN_GEVEL_DAK in checked
    assert dialog.dood_hout.currentData() is True and dialog.raakt_gevel.isChecked()
    assert "gevonden in tekst: 'dode tak'" in dialog.found_label.text()
    dialog.raakt_gevel.setChecked(False)  # the handler rejects one proposal …
    dialog.tekst.appendPlainText("Graag snel.")  # … and it is not ticked again by more typing
    assert not dialog.raakt_gevel.isChecked()
    _complaint, facts, _person = dialog.build()
    assert facts.feiten_bevestigd and facts.takken_raken_gevel is None and facts.dood_hout is True
    dialog.tekst.setPlainText("geen dode takken")
    assert "niet meegenomen (ontkend)" in dialog.found_label.text()


def test_triage_dialog_shows_the_words_that_led_to_facts(qtbot, uow_factory, trees):  # noqa: F811
    record = complaints.register_complaint(
        uow_factory(), Complaint(None, date(2026, 3, 3), Channel.TELEFOON, (C.OVERIG,),
                                 "Er hangt een dode tak boven de stoep", (trees[0].id,)),
        ComplaintFacts())
    result = complaints.triage_complaint(uow_factory(), record.complaint.id)
    assert result.decision is Decision.INGRIJPEN and result.urgent  # dead wood, from the words
    dialog = TriageDialog(uow_factory, record.complaint.id)
    qtbot.addWidget(dialog)
    assert "Uit de tekst:</b> dood hout of gebroken tak — gevonden in tekst: &#x27;dode tak&#x27;" \
        in dialog.summary.text()
