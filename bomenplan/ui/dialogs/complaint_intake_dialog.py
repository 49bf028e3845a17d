"""Intake of a complaint: date, channel, trees, categories, text, facts and (apart) the complainant."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
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
        self.photos: list[str] = []
        self.photo_button = QPushButton(self.tr("Foto's toevoegen… (optioneel)"))
        self.photo_button.clicked.connect(self._on_photos_clicked)
        form.addRow(self.tr("Datum"), self.datum)
        form.addRow(self.tr("Kanaal"), self.kanaal)
        form.addRow(self.tr("Boom"), row)
        form.addRow("", self.trees_label)
        form.addRow(self.tr("Categorieën"), self.categories)
        form.addRow(self.tr("Tekst"), self.tekst)
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
        form.addRow(self.tr("Eigenaar boom"), self.eigenaar)
        form.addRow(self.tr("Afstand takken tot gevel/dak"), self.afstand_gevel)
        form.addRow(self.tr("Vrije hoogte boven"), self.over)
        form.addRow(self.tr("Gemeten vrije hoogte"), self.doorrijhoogte)
        form.addRow(self.tr("Dood hout aanwezig"), self.dood_hout)
        form.addRow(self.tr("Locatie"), self.locatie)
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
            dood_hout=self.dood_hout.currentData(), locatie=self.locatie.text().strip())
        values = {k: e.text().strip() for k, e in self.person_fields.items()}
        person = Complainant(None, **values) if any(values.values()) else None
        return complaint, facts, person

    def _on_accept(self) -> None:
        try:
            self.result_value = self.build()
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()
