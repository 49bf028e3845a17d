"""Dialog to edit a laan's attributes: name, type, hoofdbomenstructuur, spacing, species and
replanting strategy. Returns a changed Laan; the caller pushes an undo command."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
)

from bomenplan.domain.laan import MAX_SPACING_M, MIN_SPACING_M, Herplantstrategie, Laan, LaanType
from bomenplan.ui.form_widgets import ok_cancel_buttons


class LaanDialog(QDialog):
    def __init__(self, laan: Laan, parent=None):
        super().__init__(parent)
        self.laan = laan
        self.setWindowTitle(self.tr("Laan bewerken"))
        self.name = QLineEdit(laan.name)
        self.laan_type = QComboBox()
        for t in LaanType:
            self.laan_type.addItem(self.tr(str(t)), t)
        self.laan_type.setCurrentIndex(list(LaanType).index(laan.laan_type))
        self.hoofd = QCheckBox(self.tr("onderdeel van de hoofdbomenstructuur"))
        self.hoofd.setChecked(laan.hoofdbomenstructuur)
        self.spacing = QDoubleSpinBox()
        self.spacing.setRange(MIN_SPACING_M, MAX_SPACING_M)
        self.spacing.setDecimals(1)
        self.spacing.setSuffix(" m")
        self.spacing.setValue(laan.spacing_m)
        self.species = QLineEdit(laan.intended_species)
        self.strategy = QComboBox()
        for s in Herplantstrategie:
            self.strategy.addItem(self.tr(str(s)), s)
        self.strategy.setCurrentIndex(list(Herplantstrategie).index(laan.herplantstrategie))
        buttons = ok_cancel_buttons(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Naam"), self.name)
        form.addRow(self.tr("Type"), self.laan_type)
        form.addRow("", self.hoofd)
        form.addRow(self.tr("Plantafstand"), self.spacing)
        form.addRow(self.tr("Beoogde soort"), self.species)
        form.addRow(self.tr("Herplantstrategie"), self.strategy)
        form.addRow(buttons)

    def edited(self) -> Laan:
        return self.laan.with_changes(
            name=self.name.text().strip() or self.laan.name, laan_type=self.laan_type.currentData(),
            hoofdbomenstructuur=self.hoofd.isChecked(), spacing_m=round(self.spacing.value(), 1),
            intended_species=self.species.text().strip(), herplantstrategie=self.strategy.currentData())
