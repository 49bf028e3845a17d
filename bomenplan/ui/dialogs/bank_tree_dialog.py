"""A bank tree entered or edited by hand: source, species (catalogue completer), sizes, root ball,
age, location (RD x/y or picked on the map), availability, cost (Decimal euros) and condition.
Each wrong field gets its Dutch message next to it; the dialog never touches the database."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QLineEdit, QPushButton, QVBoxLayout

from bomenplan.domain.bomenbank import BankCondition, BankSource, BankTree, euros
from bomenplan.domain.errors import ValidationError
from bomenplan.ui.dialogs.bank_form_fields import CheckedForm, parse_date, parse_float
from bomenplan.ui.dialogs.value_labels import select_enum, selected_enum
from bomenplan.ui.form_widgets import enum_combo, ok_cancel_buttons

# the domain's field names → the dialog's rows
_DOMAIN_FIELDS = {"soort": "soort", "stamomtrek_cm": "omtrek", "hoogte_m": "hoogte", "kosten": "kosten",
                  "bedrag": "kosten", "beschikbaar tot": "tot", "positie": "x", "code": "code"}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace(".", ",") if not isinstance(value, str) else value


class BankTreeDialog(QDialog):
    pick_requested = Signal()  # the planner wants to click the position on the map

    def __init__(self, species_names: list[str], tree: BankTree | None = None, parent=None,
                 today: date | None = None):
        super().__init__(parent)
        self.original, self.today = tree, today or date.today()
        self.setWindowTitle(self.tr("Bankboom wijzigen") if tree else self.tr("Nieuwe bankboom"))
        self.form = CheckedForm()
        self.code = self.form.add("code", self.tr("Code"), QLineEdit())
        self.source = self.form.add("bron", self.tr("Herkomst"), enum_combo(BankSource))
        self.soort = self.form.add("soort", self.tr("Soort"), self._species_box(species_names))
        self.omtrek = self.form.add("omtrek", self.tr("Stamomtrek (cm)"), QLineEdit())
        self.hoogte = self.form.add("hoogte", self.tr("Hoogte (m)"), QLineEdit())
        self.kluit = self.form.add("kluit", self.tr("Kluit"), QLineEdit())
        self.kluit.setPlaceholderText(self.tr("bijv. kluit 120 cm of container 750 l"))
        self.leeftijd = self.form.add("leeftijd", self.tr("Leeftijd (jaar)"), QLineEdit())
        self.location = self.form.add("locatie", self.tr("Locatie"), QLineEdit())
        self.x = self.form.add("x", self.tr("RD x (m)"), QLineEdit())
        self.y = self.form.add("y", self.tr("RD y (m)"), QLineEdit())
        self.pick_button = QPushButton(self.tr("Kies op de kaart"))
        self.pick_button.clicked.connect(self.pick_requested)
        self.form.layout.addRow("", self.pick_button)
        self.vanaf = self.form.add("vanaf", self.tr("Beschikbaar vanaf"), QLineEdit())
        self.tot = self.form.add("tot", self.tr("Beschikbaar tot"), QLineEdit())
        for edit in (self.vanaf, self.tot):
            edit.setPlaceholderText(self.tr("JJJJ-MM-DD of DD-MM-JJJJ"))
        self.kosten = self.form.add("kosten", self.tr("Kosten (€)"), QLineEdit())
        self.kosten.setPlaceholderText(self.tr("bijv. 1.250,00"))
        self.conditie = self.form.add("conditie", self.tr("Conditie"), enum_combo(BankCondition))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(ok_cancel_buttons(self))
        self.setMinimumWidth(520)
        if tree is not None:
            self._show(tree)

    @staticmethod
    def _species_box(names: list[str]) -> QComboBox:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(names)
        box.setEditText("")
        completer = QCompleter(box.model(), box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        box.setCompleter(completer)
        return box

    def _show(self, t: BankTree) -> None:
        self.code.setText(t.code)
        select_enum(self.source, t.source)
        self.soort.setEditText(t.species_name)
        age = t.age(self.today.year)
        for edit, value in ((self.omtrek, t.stamomtrek_cm), (self.hoogte, t.hoogte_m), (self.kluit, t.kluit),
                            (self.leeftijd, age), (self.location, t.location), (self.x, f"{t.x:.2f}".replace(".", ",")),
                            (self.y, f"{t.y:.2f}".replace(".", ",")), (self.vanaf, t.available_from),
                            (self.tot, t.available_until), (self.kosten, f"{t.cost:.2f}".replace(".", ","))):
            edit.setText(_text(value))
        select_enum(self.conditie, t.condition)

    def set_position(self, x: float, y: float) -> None:
        self.x.setText(f"{x:.2f}".replace(".", ","))
        self.y.setText(f"{y:.2f}".replace(".", ","))

    def _parsed(self) -> tuple[dict, dict[str, str]]:
        values, errors = {}, {}
        parsers = {
            "stamomtrek_cm": ("omtrek", lambda: parse_float("stamomtrek", self.omtrek.text(), True)),
            "hoogte_m": ("hoogte", lambda: parse_float("hoogte", self.hoogte.text())),
            "leeftijd": ("leeftijd", lambda: parse_float("leeftijd", self.leeftijd.text())),
            "x": ("x", lambda: parse_float("x", self.x.text(), True)),
            "y": ("y", lambda: parse_float("y", self.y.text(), True)),
            "available_from": ("vanaf", lambda: parse_date("vanaf", self.vanaf.text())),
            "available_until": ("tot", lambda: parse_date("tot", self.tot.text())),
            "cost": ("kosten", lambda: euros(self.kosten.text() or "0")),
        }
        for name, (key, parse) in parsers.items():
            try:
                values[name] = parse()
            except ValidationError as exc:
                errors[key] = exc.message
        age = values.pop("leeftijd", None)
        if age is not None and (age < 0 or age != math.floor(age)):
            errors["leeftijd"] = self.tr("geef een heel aantal jaren")
        elif age is not None:
            values["plantjaar"] = self.today.year - int(age)
        return values, errors

    def draft(self) -> BankTree:
        """The tree as entered (validated by the domain); raises ValidationError."""
        values, errors = self._parsed()
        if errors:
            key, message = next(iter(errors.items()))
            raise ValidationError(key, message)
        base = self.original or BankTree(id=None, code="-", source=BankSource.KWEKERIJ, species_name="-",
                                         stamomtrek_cm=1.0, x=values["x"], y=values["y"])
        return replace(base, code=self.code.text().strip(), source=selected_enum(self.source, BankSource),
                       species_name=self.soort.currentText().strip(), kluit=self.kluit.text().strip(),
                       location=self.location.text().strip(), plantjaar=values.pop("plantjaar", None),
                       condition=selected_enum(self.conditie, BankCondition), **values)

    def accept(self) -> None:
        self.form.clear()
        values, errors = self._parsed()
        for key, message in errors.items():
            self.form.show_error(key, message)
        if errors:
            return
        try:
            self.draft()
        except ValidationError as exc:
            self.form.show_error(_DOMAIN_FIELDS.get(exc.field, "code"), exc.message)
            return
        super().accept()
