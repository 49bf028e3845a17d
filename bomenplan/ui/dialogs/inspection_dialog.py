"""Record a boomveiligheidscontrole (VTA) for one tree.

The next due date and a risicoboom's measure deadline follow the domain rule and the tree's own
omgevingsrisicoklasse (edited in the tree form, not here).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.inspection_rules import (
    NADER_ONDERZOEK,
    InspectionRules,
    next_inspection_due,
)
from bomenplan.domain.tree import Inspection, Tree
from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse
from bomenplan.ui.dialogs.value_labels import (
    fill_enum_combo,
    select_enum,
    selected_enum,
    value_label,
)
from bomenplan.ui.form_widgets import error_label, ok_cancel_buttons

DEFECTS = ("dood hout", "holte", "scheur", "zwam/schimmel", "plakoksel", "stamvoetschade",
           "wortelschade", "scheefstand", "eikenprocessierups", "overhangende takken")
MEASURES = ("snoeien dood hout", "begeleidingssnoei", "kroonreductie", NADER_ONDERZOEK, "kappen", "geen")


def _checks(title: str, names: tuple[str, ...], columns: int = 2) -> tuple[QGroupBox, dict]:
    box = QGroupBox(title)
    grid = QGridLayout(box)
    boxes = {}
    for i, name in enumerate(names):
        boxes[name] = QCheckBox(name)
        grid.addWidget(boxes[name], i // columns, i % columns)
    return box, boxes


def to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class InspectionDialog(QDialog):
    def __init__(self, tree: Tree, inspecteur: str = "", rules: InspectionRules | None = None,
                 today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.tree = tree
        self.rules = rules or InspectionRules()
        self.setWindowTitle(self.tr("Boomveiligheidscontrole \u2014 boom {0}").format(tree.boomnummer))
        self.datum = QDateEdit(today or date.today())
        self.datum.setCalendarPopup(True)
        self.inspecteur = QLineEdit(inspecteur)
        self.klasse = QComboBox()
        fill_enum_combo(self.klasse, Boomveiligheidsklasse)
        self.klasse.removeItem(self.klasse.findData(Boomveiligheidsklasse.ONBEKEND.value))
        select_enum(self.klasse, Boomveiligheidsklasse.ZONDER_GEBREKEN)
        self.omgeving = QLabel(self._risk_class_text())
        self.omgeving.setToolTip(self.tr("De omgevingsrisicoklasse hoort bij de boom; "
                                         "wijzig hem in het boomformulier."))
        defects_box, self.defects = _checks(self.tr("Gebreken"), DEFECTS)
        self.other_defects = QLineEdit()
        self.other_defects.setPlaceholderText(self.tr("Overige gebreken, gescheiden door komma's"))
        defects_box.layout().addWidget(self.other_defects, len(DEFECTS), 0, 1, 2)
        measures_box, self.measures = _checks(self.tr("Maatregelen"), MEASURES, 3)
        self.volgende = QDateEdit()
        self.volgende.setCalendarPopup(True)
        self.maatregel_uiterlijk = QDateEdit()
        self.maatregel_uiterlijk.setCalendarPopup(True)
        self.advice = QLabel()
        self.advice.setStyleSheet("color: #8a4b00;")
        self.opmerkingen = QPlainTextEdit()
        self.opmerkingen.setMaximumHeight(60)
        self.error = error_label(hidden=True)
        form = QFormLayout()
        form.addRow(self.tr("Datum"), self.datum)
        form.addRow(self.tr("Inspecteur"), self.inspecteur)
        form.addRow(self.tr("Boomveiligheidsklasse"), self.klasse)
        form.addRow(self.tr("Omgevingsrisico"), self.omgeving)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(defects_box)
        layout.addWidget(measures_box)
        due = QFormLayout()
        due.addRow(self.tr("Volgende controle"), self.volgende)
        due.addRow(self.tr("Maatregel uiterlijk"), self.maatregel_uiterlijk)
        due.addRow("", self.advice)
        due.addRow(self.tr("Opmerkingen"), self.opmerkingen)
        layout.addLayout(due)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.klasse.currentIndexChanged.connect(self._update_due)
        self.datum.dateChanged.connect(self._update_due)
        self._update_due()

    def _risk_class_text(self) -> str:
        klasse = self.tree.omgevingsrisicoklasse
        if klasse is Omgevingsrisicoklasse.ONBEKEND:
            return self.tr("Onbekend \u2014 gerekend als {0}").format(
                value_label(self.rules.unknown_as).lower())
        return value_label(klasse)

    def _update_due(self) -> None:
        result = next_inspection_due(to_date(self.datum.date()),
                                     selected_enum(self.klasse, Boomveiligheidsklasse),
                                     self.tree.omgevingsrisicoklasse, self.rules)
        self.volgende.setDate(result.due)
        has_measure = result.measure_due is not None
        self.maatregel_uiterlijk.setEnabled(has_measure)
        if has_measure:
            self.maatregel_uiterlijk.setDate(result.measure_due)
        self.advice.setText(self.tr("Risicoboom: maatregel binnen {0} dagen (CROW 26768); "
                                    "bij twijfel nader onderzoek.").format(result.measure_days)
                            if result.nader_onderzoek else "")
        if result.nader_onderzoek:
            self.measures[NADER_ONDERZOEK].setChecked(True)

    def inspection(self) -> Inspection:
        """The recorded inspection; raises ValidationError (e.g. no inspecteur)."""
        gebreken = [name for name, box in self.defects.items() if box.isChecked()]
        gebreken += [p.strip() for p in self.other_defects.text().split(",") if p.strip()]
        return Inspection(
            id=None, tree_id=self.tree.id, datum=to_date(self.datum.date()),
            inspecteur=self.inspecteur.text().strip(),
            boomveiligheidsklasse=selected_enum(self.klasse, Boomveiligheidsklasse),
            gebreken=tuple(gebreken),
            maatregelen=tuple(name for name, box in self.measures.items() if box.isChecked()),
            volgende_controle=to_date(self.volgende.date()),
            opmerkingen=self.opmerkingen.toPlainText().strip(),
            maatregel_uiterlijk=(to_date(self.maatregel_uiterlijk.date())
                                 if self.maatregel_uiterlijk.isEnabled() else None))

    def accept(self) -> None:
        try:
            self.inspection()
        except ValidationError as exc:
            self.error.setText(exc.message if exc.field != "inspecteur"
                               else self.tr("Vul de naam van de inspecteur in."))
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, tree: Tree, inspecteur: str = "",
            rules: InspectionRules | None = None) -> Inspection | None:
        dialog = cls(tree, inspecteur, rules, parent=parent)
        return dialog.inspection() if dialog.exec() == QDialog.Accepted else None
