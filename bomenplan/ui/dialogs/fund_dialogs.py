"""Dialogs of the transplantiefonds: a booking (storting or onttrekking; compensation from an
entered NVTB value or by the VVOG formula for a register tree) and a herplantplicht (due 3 years
after felling, Bal art. 11.129). They return domain values; they never touch the database."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from bomenplan.domain.bomenbank import euros
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.fund_ledger import (
    EntryKind,
    LedgerEntry,
    Obligation,
    VvogFactors,
    compensation,
)
from bomenplan.ui.dialogs.bank_form_fields import CheckedForm, parse_date, parse_decimal
from bomenplan.ui.dialogs.value_labels import selected_enum
from bomenplan.ui.form_widgets import enum_combo, ok_cancel_buttons

VVOG_FACTORS = (("soortfactor", "Soortfactor"), ("standplaats", "Standplaatsfactor (0,6–1,0)"),
                ("conditie", "Conditiefactor (0–1)"), ("plantvorm", "Plantvorm (1 solitair, 0,8 rij)"),
                ("meerwaarde", "Meerwaardefactor (1–2,5)"))


class BookingDialog(QDialog):
    """`felled` = (register tree id, boomnummer, stem circumference cm) of the selected tree, if any."""

    def __init__(self, felled: tuple[int, str, float | None] | None = None, parent=None, today: date | None = None):
        super().__init__(parent)
        self.felled = felled
        self.setWindowTitle(self.tr("Boeking transplantiefonds"))
        self.form = f = CheckedForm()
        self.kind = f.add("soort", self.tr("Soort"), enum_combo(EntryKind))
        self.datum = f.add("datum", self.tr("Datum"), QLineEdit((today or date.today()).isoformat()))
        self.bedrag = f.add("bedrag", self.tr("Bedrag (€)"), QLineEdit())
        self.bedrag.setPlaceholderText(self.tr("bijv. 1.250,00; bij compensatie leeg laten"))
        self.nvtb = f.add("nvtb", self.tr("Compensatie: NVTB-waarde (€)"), QLineEdit())
        tree_text = (self.tr("%1, stamomtrek %2 cm").replace("%1", felled[1]).replace("%2", f"{felled[2]:g}")
                     if felled and felled[2] else self.tr("geen geselecteerde boom met stamdiameter"))
        f.add("boom", self.tr("Compensatie: gekapte boom (VVOG)"), QLabel(tree_text))
        self.eenheidsprijs = f.add("eenheidsprijs", self.tr("VVOG: eenheidsprijs (€ per cm²)"), QLineEdit())
        self.factors = {key: f.add(key, self.tr(label), QLineEdit("1")) for key, label in VVOG_FACTORS}
        self.omschrijving = f.add("omschrijving", self.tr("Omschrijving"), QLineEdit())
        layout = QVBoxLayout(self)
        layout.addLayout(f.layout)
        layout.addWidget(ok_cancel_buttons(self))
        self.setMinimumWidth(520)

    def _amount(self, kind: EntryKind):
        if kind is not EntryKind.COMPENSATIE or self.bedrag.text().strip():
            if not self.bedrag.text().strip():
                raise ValidationError("bedrag", "is verplicht")
            return euros(self.bedrag.text())
        if self.nvtb.text().strip():
            try:
                return compensation(None, self.nvtb.text())
            except ValidationError as exc:
                raise ValidationError("nvtb", exc.message) from None
        if not (self.felled and self.felled[2]):
            raise ValidationError("nvtb", "geef een NVTB-waarde of selecteer de gekapte boom op de kaart")
        if not self.eenheidsprijs.text().strip():
            raise ValidationError("eenheidsprijs", "is verplicht voor de VVOG-formule")
        try:
            values = {"eenheidsprijs": euros(self.eenheidsprijs.text())}
        except ValidationError as exc:
            raise ValidationError("eenheidsprijs", exc.message) from None
        values.update({key: parse_decimal(key, edit.text()) for key, edit in self.factors.items()})
        factors = VvogFactors(values["eenheidsprijs"], values["soortfactor"], values["standplaats"],
                              values["conditie"], values["plantvorm"], values["meerwaarde"])
        return compensation(self.felled[2], None, factors)

    def entry(self) -> LedgerEntry:
        kind = selected_enum(self.kind, EntryKind)
        on = parse_date("datum", self.datum.text(), required=True)
        tree_id = self.felled[0] if self.felled and kind is EntryKind.COMPENSATIE else None
        return LedgerEntry(None, on, kind, self._amount(kind), self.omschrijving.text().strip(), tree_id=tree_id)

    def accept(self) -> None:
        self.form.clear()
        try:
            self.entry()
        except ValidationError as exc:
            key = {"standplaatsfactor": "standplaats", "conditiefactor": "conditie", "plantvormfactor": "plantvorm",
                   "meerwaardefactor": "meerwaarde"}.get(exc.field, exc.field)
            self.form.show_error(key if key in self.form.errors else "bedrag", exc.message)
            return
        super().accept()


class ObligationDialog(QDialog):
    def __init__(self, felled: tuple[int, str, float | None] | None = None, parent=None):
        super().__init__(parent)
        self.felled = felled
        self.setWindowTitle(self.tr("Herplantplicht"))
        self.form = f = CheckedForm()
        self.gekapt = f.add("gekapt", self.tr("Kapdatum"), QLineEdit())
        self.gekapt.setPlaceholderText(self.tr("JJJJ-MM-DD of DD-MM-JJJJ"))
        self.locatie = f.add("locatie", self.tr("Locatie"), QLineEdit())
        self.bomen = f.add("bomen", self.tr("Aantal te herplanten bomen"), QSpinBox())
        self.bomen.setRange(1, 10000)
        self.due = f.add("uiterlijk", self.tr("Uiterlijk herplanten (Bal art. 11.129)"), QLabel())
        if felled:
            f.add("boom", self.tr("Gekapte boom"), QLabel(felled[1]))
        self.gekapt.textChanged.connect(self._show_due)
        layout = QVBoxLayout(self)
        layout.addLayout(f.layout)
        layout.addWidget(ok_cancel_buttons(self))

    def _show_due(self) -> None:
        try:
            felled = parse_date("gekapt", self.gekapt.text(), required=True)
            self.due.setText(Obligation(None, felled, "-", 1).due.isoformat())
        except ValidationError:
            self.due.clear()

    def duty(self) -> Obligation:
        on = parse_date("gekapt", self.gekapt.text(), required=True)
        if not self.locatie.text().strip():
            raise ValidationError("locatie", "is verplicht")
        return Obligation(None, on, self.locatie.text().strip(), self.bomen.value(),
                          felled_tree_id=self.felled[0] if self.felled else None)

    def accept(self) -> None:
        self.form.clear()
        try:
            self.duty()
        except ValidationError as exc:
            self.form.show_error(exc.field if exc.field in self.form.errors else "gekapt", exc.message)
            return
        super().accept()
