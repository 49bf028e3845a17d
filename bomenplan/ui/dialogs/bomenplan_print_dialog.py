"""Bestand → Bomenplan afdrukken…: which area (wijk, laan or the whole municipality), the output
file and the VVOG unit price. Hands back plain data; the printing runs in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.bomenbank import euros
from bomenplan.domain.errors import ValidationError
from bomenplan.ui.form_widgets import error_label


@dataclass(frozen=True)
class PrintChoice:
    kind: str  # "wijk" / "laan" / "alles"
    name: str
    out: str
    unit_price: Decimal | None  # None = the demo value


class BomenplanPrintDialog(QDialog):
    def __init__(self, wijken: list[str], straten: list[str], default_out: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bomenplan afdrukken"))
        self.wijk_radio = QRadioButton(self.tr("Wijk"))
        self.laan_radio = QRadioButton(self.tr("Laan of straat"))
        self.all_radio = QRadioButton(self.tr("Hele gemeente"))
        self.wijk_combo = QComboBox()
        self.wijk_combo.addItems(wijken)
        self.laan_combo = QComboBox()
        self.laan_combo.setEditable(True)
        self.laan_combo.addItems(straten)
        self.out_edit = QLineEdit(default_out)
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        self.price_edit = QLineEdit()
        self.price_edit.setPlaceholderText(self.tr("1,50 (demowaarde)"))
        self.error = error_label(word_wrap=True, hidden=True)
        (self.wijk_radio if wijken else self.all_radio).setChecked(True)
        form = QFormLayout()
        form.addRow(self.wijk_radio, self.wijk_combo)
        form.addRow(self.laan_radio, self.laan_combo)
        form.addRow(self.all_radio, QLabel(self.tr("alle bomen van het register")))
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("PDF-bestand"), out_row)
        form.addRow(self.tr("VVOG-eenheidsprijs (€ per cm²)"), self.price_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Afdrukken"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._choice: PrintChoice | None = None

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Bomenplan opslaan"), self.out_edit.text(),
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.out_edit.setText(path)

    def choice(self) -> PrintChoice:
        """The filled-in choice; raises ValidationError (Dutch) on a missing or wrong value."""
        out = self.out_edit.text().strip()
        if not out:
            raise ValidationError("PDF-bestand", "kies een bestand")
        if Path(out).suffix.lower() != ".pdf":
            out += ".pdf"
        if not Path(out).parent.is_dir():
            raise ValidationError("PDF-bestand", f"map {Path(out).parent} bestaat niet")
        price = None
        if self.price_edit.text().strip():
            try:
                price = euros(self.price_edit.text())
            except ValidationError as exc:
                raise ValidationError("eenheidsprijs", exc.message) from None
            if price <= 0:
                raise ValidationError("eenheidsprijs", "moet groter dan 0 zijn")
        if self.all_radio.isChecked():
            return PrintChoice("alles", "", out, price)
        combo = self.wijk_combo if self.wijk_radio.isChecked() else self.laan_combo
        name = combo.currentText().strip()
        if not name:
            raise ValidationError("gebied", "kies een wijk of laan")
        return PrintChoice("wijk" if self.wijk_radio.isChecked() else "laan", name, out, price)

    def _accept(self) -> None:
        try:
            self._choice = self.choice()
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()

    @property
    def chosen(self) -> PrintChoice | None:
        return self._choice
