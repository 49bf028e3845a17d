"""Edit one intervention rule: category, conditions (as text), decision, measure, texts, source."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
)

from bomenplan.domain.complaints import ComplaintCategory
from bomenplan.domain.criteria import FACT_FIELDS, Decision, Measure, Rule
from bomenplan.domain.criteria_json import format_conditions, parse_conditions
from bomenplan.domain.errors import ValidationError
from bomenplan.ui.dialogs.value_labels import selected_enum
from bomenplan.ui.form_widgets import enum_combo, error_label, ok_cancel_buttons


class RuleDialog(QDialog):
    def __init__(self, rule: Rule | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Regel"))
        rule = rule or Rule("", ComplaintCategory.OVERIG, Decision.INSPECTIE, Measure.INSPECTIE,
                            "", "", "")
        form = QFormLayout(self)
        self.code = QLineEdit(rule.code)
        self.category = enum_combo(ComplaintCategory, rule.category)
        self.conditions = QLineEdit(format_conditions(rule.conditions))
        self.conditions.setToolTip(self.tr("Bijv. 'afstand_gevel_m <= 1; doorrijhoogte_over in "
                                           "fietspad, voetpad'. Feiten: ") + ", ".join(FACT_FIELDS))
        self.decision = enum_combo(Decision, rule.decision)
        self.measure = enum_combo(Measure, rule.measure)
        self.measure_text = QLineEdit(rule.measure_text)
        self.response = QPlainTextEdit(rule.response)
        self.response.setMaximumHeight(70)
        self.citation = QLineEdit(rule.citation)
        self.urgent = QCheckBox(self.tr("met voorrang"))
        self.urgent.setChecked(rule.urgent)
        self.error_label = error_label(word_wrap=True)
        for label, widget in ((self.tr("Code"), self.code), (self.tr("Categorie"), self.category),
                              (self.tr("Voorwaarden"), self.conditions),
                              (self.tr("Besluit"), self.decision), (self.tr("Maatregel"), self.measure),
                              (self.tr("Omschrijving maatregel"), self.measure_text),
                              (self.tr("Antwoordtekst"), self.response),
                              (self.tr("Beleidsbron"), self.citation), ("", self.urgent)):
            form.addRow(label, widget)
        form.addRow(self.error_label)
        buttons = ok_cancel_buttons(self, self._on_accept)
        form.addRow(buttons)
        self.rule: Rule | None = None

    def build(self) -> Rule:
        if not self.code.text().strip():
            raise ValidationError("code", "is verplicht")
        return Rule(self.code.text().strip(), selected_enum(self.category, ComplaintCategory),
                    selected_enum(self.decision, Decision), selected_enum(self.measure, Measure),
                    self.measure_text.text().strip(), self.response.toPlainText().strip(),
                    self.citation.text().strip(), parse_conditions(self.conditions.text()),
                    self.urgent.isChecked())

    def _on_accept(self) -> None:
        try:
            self.rule = self.build()
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()
