"""Dialog for a new catalogue species or cultivar (names and size class; values are edited after)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit

from bomenplan.domain.species import Species, genus_of
from bomenplan.domain.values import Grootteklasse
from bomenplan.ui.form_widgets import ok_cancel_buttons
from bomenplan.ui.models.species_models import tr


class AddSpeciesDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Soort toevoegen"))
        self.scientific = QLineEdit()
        self.scientific.setPlaceholderText("Tilia × europaea")
        self.cultivar = QLineEdit()
        self.dutch = QLineEdit()
        self.family = QLineEdit()
        self.size = QComboBox()
        for klasse in Grootteklasse:
            self.size.addItem(str(klasse), klasse)
        form = QFormLayout(self)
        form.addRow(tr("Wetenschappelijke naam"), self.scientific)
        form.addRow(tr("Cultivar (zonder aanhalingstekens)"), self.cultivar)
        form.addRow(tr("Nederlandse naam"), self.dutch)
        form.addRow(tr("Familie"), self.family)
        form.addRow(tr("Grootteklasse"), self.size)
        buttons = ok_cancel_buttons(self)
        form.addRow(buttons)

    def species(self) -> Species:
        name = self.scientific.text().strip()
        return Species(None, name, self.dutch.text().strip(), self.cultivar.text().strip(),
                       genus_of(name), self.family.text().strip(), self.size.currentData())
