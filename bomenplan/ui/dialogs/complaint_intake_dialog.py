"""Intake of a complaint: date, channel, trees, categories, text, facts and (apart) the complainant.

While the handler types, the words of text and location are read (`find_text_facts`): proposed
categories and facts are ticked once, with the words that led to them; the handler confirms or
unticks them, and the stored facts are marked as confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from bomenplan.domain.complaint_text_facts import TextFindings, find_text_facts
from bomenplan.domain.complaints import (
    Channel,
    ClearanceOver,
    Complainant,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
)
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.triage_inputs import categories_from_findings, facts_from_findings
from bomenplan.ui.dialogs.value_labels import selected_enum, value_label
from bomenplan.ui.form_widgets import enum_combo, error_label, ok_cancel_buttons

UNKNOWN = -1.0  # spin box value shown as "onbekend"


def _spin(maximum: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(UNKNOWN, maximum)
    spin.setDecimals(1)
    spin.setSingleStep(0.1)
    spin.setSuffix(suffix)
    spin.setSpecialValueText(QCoreApplication.translate("ComplaintIntakeDialog", "onbekend"))
    spin.setValue(UNKNOWN)
    return spin


def _value(spin: QDoubleSpinBox) -> float | None:
    return None if spin.value() <= UNKNOWN else spin.value()


class ComplaintIntakeDialog(QDialog):
    """`resolve_trees(text) -> list[int]` turns boomnummers into tree ids (raises ValidationError)."""

    def __init__(self, selected_tree_ids, resolve_trees, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe melding"))
        self._selected_tree_ids = selected_tree_ids
        self._resolve_trees = resolve_trees
        self.tree_ids: list[int] = []
        self.result_value = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._complaint_box())
        layout.addWidget(self._facts_box())
        layout.addWidget(self._person_box())
        self.error_label = error_label(word_wrap=True)
        layout.addWidget(self.error_label)
        buttons = ok_cancel_buttons(self, self._on_accept, self.tr("Opslaan en beoordelen"))
        layout.addWidget(buttons)

    def _complaint_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Melding"))
        form = QFormLayout(box)
        self.datum = QDateEdit(QDate.currentDate())
        self.datum.setCalendarPopup(True)
        self.kanaal = enum_combo(Channel)
        self.boomnummers = QLineEdit()
        self.boomnummers.setPlaceholderText(self.tr("boomnummer(s) of straat, gescheiden door komma's"))
        pick = QPushButton(self.tr("Geselecteerde bomen op de kaart"))
        pick.clicked.connect(self._on_pick_clicked)
        self.trees_label = QLabel(self.tr("geen boom gekoppeld"))
        row = QHBoxLayout()
        row.addWidget(self.boomnummers)
        row.addWidget(pick)
        self.category_model = QStandardItemModel(self)
        for category in ComplaintCategory:
            item = QStandardItem(value_label(category))
            item.setCheckable(True)
            item.setData(category.value, Qt.UserRole)  # the code: Qt turns StrEnums into str
            self.category_model.appendRow(item)
        self.categories = QListView()
        self.categories.setModel(self.category_model)
        self.categories.setMaximumHeight(140)
        self.tekst = QPlainTextEdit()
        self.tekst.setMaximumHeight(70)
        self.tekst.textChanged.connect(self._propose_from_text)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self._applied: set[str] = set()  # proposals ticked once; the handler may untick them
        self._text_species = ""
        self.photos: list[str] = []
        self.photo_button = QPushButton(self.tr("Foto's toevoegen… (optioneel)"))
        self.photo_button.clicked.connect(self._on_photos_clicked)
        form.addRow(self.tr("Datum"), self.datum)
        form.addRow(self.tr("Kanaal"), self.kanaal)
        form.addRow(self.tr("Boom"), row)
        form.addRow("", self.trees_label)
        form.addRow(self.tr("Categorieën"), self.categories)
        form.addRow(self.tr("Tekst"), self.tekst)
        form.addRow("", self.found_label)
        form.addRow(self.tr("Foto's"), self.photo_button)
        return box

    def _facts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Feiten (aangevuld uit het register)"))
        form = QFormLayout(box)
        self.eigenaar = enum_combo(TreeOwner, TreeOwner.ONBEKEND)
        self.afstand_gevel = _spin(100, " m")
        self.over = QComboBox()
        self.over.addItem(self.tr("onbekend"), None)
        for over in ClearanceOver:
            self.over.addItem(value_label(over), over.value)
        self.doorrijhoogte = _spin(40, " m")
        self.dood_hout = QComboBox()
        for label, value in ((self.tr("onbekend"), None), (self.tr("ja"), True), (self.tr("nee"), False)):
            self.dood_hout.addItem(label, value)
        self.locatie = QLineEdit()
        self.locatie.textChanged.connect(self._propose_from_text)
        self.soort = QLineEdit()
        self.soort.setPlaceholderText(self.tr("uit het register als een boom gekoppeld is"))
        self.raakt_gevel = QCheckBox(self.tr("Takken raken gevel of dak (volgens melding)"))
        self.struikelgevaar = QCheckBox(self.tr("Struikelgevaar op voet- of fietspad"))
        self.openbaar = QCheckBox(self.tr("Boom of takken boven weg, stoep of pad"))
        self.risico = QComboBox()
        for label, value in ((self.tr("onbekend"), ""), (self.tr("hoog (school, speelplek, druk pad)"), "hoog"),
                             (self.tr("laag (bos, natuurgebied)"), "laag")):
            self.risico.addItem(label, value)
        form.addRow(self.tr("Eigenaar boom"), self.eigenaar)
        form.addRow(self.tr("Afstand takken tot gevel/dak"), self.afstand_gevel)
        form.addRow(self.tr("Vrije hoogte boven"), self.over)
        form.addRow(self.tr("Gemeten vrije hoogte"), self.doorrijhoogte)
        form.addRow(self.tr("Dood hout aanwezig"), self.dood_hout)
        form.addRow(self.tr("Locatie"), self.locatie)
        form.addRow(self.tr("Soort"), self.soort)
        form.addRow("", self.raakt_gevel)
        form.addRow("", self.struikelgevaar)
        form.addRow("", self.openbaar)
        form.addRow(self.tr("Risico van de plek"), self.risico)
        return box

    def _person_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Melder (persoonsgegevens, apart bewaard)"))
        form = QFormLayout(box)
        self.person_fields = {name: QLineEdit() for name in
                              ("naam", "adres", "postcode", "plaats", "telefoon", "email")}
        labels = {"naam": self.tr("Naam"), "adres": self.tr("Adres"), "postcode": self.tr("Postcode"),
                  "plaats": self.tr("Plaats"), "telefoon": self.tr("Telefoon"),
                  "email": self.tr("E-mail")}
        for name, edit in self.person_fields.items():
            form.addRow(labels[name], edit)
        return box

    def _on_pick_clicked(self) -> None:
        self.tree_ids = list(self._selected_tree_ids())
        self.boomnummers.clear()
        self._show_trees()

    def _on_photos_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Foto's"), "",
                                                self.tr("Afbeeldingen (*.jpg *.jpeg *.png *.heic)"))
        self.photos = list(paths)
        self.photo_button.setText(self.tr("%n foto('s)", "", len(self.photos)) if self.photos
                                  else self.tr("Foto's toevoegen… (optioneel)"))

    def _show_trees(self) -> None:
        self.trees_label.setText(self.tr("%n boom/bomen gekoppeld", "", len(self.tree_ids))
                                 if self.tree_ids else self.tr("geen boom gekoppeld"))

    def _propose_once(self, key: str, apply) -> None:
        if key not in self._applied:
            self._applied.add(key)
            apply()

    def _propose_from_text(self) -> None:
        findings = find_text_facts(self.tekst.toPlainText(), self.locatie.text())
        for category in categories_from_findings(findings):
            row = list(ComplaintCategory).index(category)
            self._propose_once(category.value, lambda r=row: self.category_model.item(r).setCheckState(Qt.Checked))
        proposed = facts_from_findings(findings)
        boxes = ((self.raakt_gevel, proposed.takken_raken_gevel), (self.struikelgevaar, proposed.struikelgevaar),
                 (self.openbaar, proposed.boven_openbare_ruimte))
        for box, value in boxes:
            if value:
                self._propose_once(box.text(), lambda b=box: b.setChecked(True))
        if proposed.dood_hout:
            self._propose_once("dood_hout", lambda: self.dood_hout.setCurrentIndex(self.dood_hout.findData(True)))
        if proposed.locatie_risico:
            self._propose_once(f"risico {proposed.locatie_risico}", lambda: self.risico.setCurrentIndex(
                self.risico.findData(proposed.locatie_risico)))
        if proposed.soort and not self.soort.text():
            self._text_species = proposed.soort
            self._propose_once(f"soort {proposed.soort}", lambda: self.soort.setText(proposed.soort))
        if proposed.eigenaar is TreeOwner.PARTICULIER:
            self._propose_once("eigenaar", lambda: self.eigenaar.setCurrentIndex(
                self.eigenaar.findData(TreeOwner.PARTICULIER.value)))
        self._show_findings(findings)

    def _show_findings(self, findings: TextFindings) -> None:
        lines = findings.describe()
        lines += [self.tr("niet meegenomen (ontkend): %1").replace("%1", f"{f.fact} ('{f.words}')")
                  for f in findings.negated]
        self.found_label.setText("\n".join(lines))

    def checked_categories(self) -> tuple[ComplaintCategory, ...]:
        return tuple(ComplaintCategory(self.category_model.item(r).data(Qt.UserRole))
                     for r in range(self.category_model.rowCount())
                     if self.category_model.item(r).checkState() == Qt.Checked)

    def build(self):
        """(Complaint, ComplaintFacts, Complainant | None); raises ValidationError."""
        if self.boomnummers.text().strip():
            self.tree_ids = list(self._resolve_trees(self.boomnummers.text()))
            self._show_trees()
        complaint = Complaint(None, self.datum.date().toPython(), selected_enum(self.kanaal, Channel),
                              self.checked_categories(), self.tekst.toPlainText().strip(),
                              tuple(self.tree_ids), photos=tuple(self.photos))
        facts = ComplaintFacts(
            eigenaar=selected_enum(self.eigenaar, TreeOwner),
            afstand_gevel_m=_value(self.afstand_gevel),
            doorrijhoogte_over=selected_enum(self.over, ClearanceOver), doorrijhoogte_m=_value(self.doorrijhoogte),
            dood_hout=self.dood_hout.currentData(), locatie=self.locatie.text().strip(),
            soort=self._species(),
            takken_raken_gevel=True if self.raakt_gevel.isChecked() else None,
            struikelgevaar=True if self.struikelgevaar.isChecked() else None,
            boven_openbare_ruimte=True if self.openbaar.isChecked() else None,
            locatie_risico=self.risico.currentData(), feiten_bevestigd=True)
        values = {k: e.text().strip() for k, e in self.person_fields.items()}
        person = Complainant(None, **values) if any(values.values()) else None
        return complaint, facts, person

    def _species(self) -> str:
        """The typed species; a species only read from the text yields to the register's tree."""
        typed = self.soort.text().strip()
        return "" if self.tree_ids and typed == self._text_species else typed

    def _on_accept(self) -> None:
        try:
            self.result_value = self.build()
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()
