"""Inspecties ▸ Controle-intervallen… (beheerder): the interval of the next controle per
omgevingsrisicoklasse, the attentieboom interval and the risicoboom measure term. Spin boxes keep
the values in range (1–60 months; attentieboom at most 12, CROW 26768); the service checks again."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.inspection_rules import InspectionRules, RiskClassRule
from bomenplan.domain.values import Omgevingsrisicoklasse
from bomenplan.services.inspection_rules_admin import ATTENTIEBOOM_MAX, DAYS_RANGE, MONTHS_RANGE

EDITABLE = (Omgevingsrisicoklasse.GEEN, Omgevingsrisicoklasse.LAAG, Omgevingsrisicoklasse.GEMIDDELD,
            Omgevingsrisicoklasse.HOOG)


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


class InspectionRulesDialog(QDialog):
    def __init__(self, rules: InspectionRules, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Controle-intervallen"))
        self.rules = rules
        grid = QGridLayout()
        headers = (self.tr("Omgevingsrisicoklasse"), self.tr("Zonder gebreken (maanden)"),
                   self.tr("Attentieboom (maanden)"), self.tr("Maatregel risicoboom (dagen)"))
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(text), 0, column)
        self.boxes: dict[Omgevingsrisicoklasse, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        for row, klasse in enumerate(EDITABLE, start=1):
            rule = rules.by_class[klasse]
            boxes = (_spin(*MONTHS_RANGE, rule.regular_months),
                     _spin(MONTHS_RANGE[0], ATTENTIEBOOM_MAX, rule.attentieboom_months),
                     _spin(*DAYS_RANGE, rule.measure_days))
            grid.addWidget(QLabel(str(klasse)), row, 0)
            for column, box in enumerate(boxes, start=1):
                grid.addWidget(box, row, column)
            self.boxes[klasse] = boxes
        note = QLabel(self.tr(
            "Zorgplicht (pvwboomverzorging.nl): systematisch elke 3 à 5 jaar, bij verhoogde zorgplicht "
            "minstens jaarlijks. CROW 26768: een attentieboom minstens jaarlijks. Een boom zonder "
            "omgevingsrisicoklasse volgt 'gemiddeld'."))
        note.setWordWrap(True)
        defaults = QPushButton(self.tr("Standaardwaarden"))
        defaults.clicked.connect(self.restore_defaults)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(defaults, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def restore_defaults(self) -> None:
        shipped = InspectionRules()
        for klasse, boxes in self.boxes.items():
            rule = shipped.by_class[klasse]
            for box, value in zip(boxes, (rule.regular_months, rule.attentieboom_months,
                                          rule.measure_days), strict=True):
                box.setValue(value)

    def changed(self) -> dict[Omgevingsrisicoklasse, RiskClassRule]:
        """The classes whose values differ from the rules the dialog opened with."""
        result = {}
        for klasse, (regular, attentie, days) in self.boxes.items():
            rule = RiskClassRule(regular.value(), attentie.value(), days.value())
            if rule != self.rules.by_class[klasse]:
                result[klasse] = rule
        return result
