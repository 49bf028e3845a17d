"""Details of a tree placed on the map; street and district are taken from the nearest tree."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry import Point

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.tree import Tree
from bomenplan.ui.dialogs.tree_form import parse_number
from bomenplan.ui.form_widgets import error_label, ok_cancel_buttons

NEIGHBOUR_RADIUS_M = 75.0


def nearest_address(columns: RegisterColumns, x: float, y: float) -> dict[str, str]:
    """straat/wijk/buurt of the nearest registered tree within NEIGHBOUR_RADIUS_M, else empty."""
    if len(columns) == 0:
        return {}
    d2 = (columns.x - x) ** 2 + (columns.y - y) ** 2
    i = int(np.argmin(d2))
    if d2[i] > NEIGHBOUR_RADIUS_M ** 2:
        return {}
    return {k: str(getattr(columns, k)[i]) for k in ("straat", "wijk", "buurt")}


class NewTreeDialog(QDialog):
    def __init__(self, x: float, y: float, columns: RegisterColumns, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuwe boom"))
        self.position = Point(x, y)
        self.boomnummer = QLineEdit()
        self.soort = QComboBox()
        self.soort.setEditable(True)
        self.soort.setInsertPolicy(QComboBox.NoInsert)
        self.soort.addItems(sorted({str(n) for n in columns.species_name if n}))
        self.soort.setEditText("")
        completer = QCompleter(self.soort.model(), self.soort)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.soort.setCompleter(completer)
        self.plantjaar = QLineEdit()
        address = nearest_address(columns, x, y)
        self.address = {k: QLineEdit(address.get(k, "")) for k in ("straat", "wijk", "buurt")}
        self.error = error_label(hidden=True)
        form = QFormLayout()
        form.addRow(self.tr("Positie (RD)"), QLabel(f"{x:.2f}, {y:.2f}"))
        form.addRow(self.tr("Boomnummer"), self.boomnummer)
        form.addRow(self.tr("Soort"), self.soort)
        form.addRow(self.tr("Plantjaar"), self.plantjaar)
        for key, label in (("straat", self.tr("Straat")), ("wijk", self.tr("Wijk")),
                           ("buurt", self.tr("Buurt"))):
            form.addRow(label, self.address[key])
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def draft(self) -> Tree:
        """The new tree (validated by the domain); raises ValidationError."""
        return Tree(id=None, boomnummer=self.boomnummer.text().strip(), site_id=None,
                    position=self.position, species_name=self.soort.currentText().strip(),
                    plantjaar=parse_number("plantjaar", self.plantjaar.text()),
                    **{k: e.text().strip() for k, e in self.address.items()})

    def accept(self) -> None:
        try:
            self.draft()
        except ValidationError as exc:
            self.error.setText(f"{exc.field}: {exc.message}")
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, x: float, y: float, columns: RegisterColumns) -> Tree | None:
        dialog = cls(x, y, columns, parent)
        return dialog.draft() if dialog.exec() == QDialog.Accepted else None
