"""Bestand → Veldwerk → Uitchecken…: which trees go out (a wijk, a buurt or the current selection)
and which new file receives the field copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
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
)

from bomenplan.domain.field_work import FieldScope


class FieldCheckoutDialog(QDialog):
    def __init__(self, wijken: list[str], buurten: list[str], selected: list[int], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Uitchecken voor veldwerk"))
        self.selected = list(selected)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.group = QButtonGroup(self)
        self.wijk_choice, self.wijk = QRadioButton(self.tr("Wijk")), QComboBox()
        self.buurt_choice, self.buurt = QRadioButton(self.tr("Buurt")), QComboBox()
        self.wijk.addItems(wijken)
        self.buurt.addItems(buurten)
        self.selection_choice = QRadioButton(
            self.tr("Huidige selectie (%1 bomen)").replace("%1", str(len(self.selected))))
        for button in (self.wijk_choice, self.buurt_choice, self.selection_choice):
            self.group.addButton(button)
        form.addRow(self.wijk_choice, self.wijk)
        form.addRow(self.buurt_choice, self.buurt)
        form.addRow(self.selection_choice)
        self.selection_choice.setEnabled(bool(self.selected))
        self.wijk_choice.setEnabled(bool(wijken))
        self.buurt_choice.setEnabled(bool(buurten))
        first = next((b for b in (self.selection_choice, self.wijk_choice, self.buurt_choice)
                      if b.isEnabled()), self.wijk_choice)
        first.setChecked(True)
        row = QHBoxLayout()
        self.path = QLineEdit(str(Path.home() / "veld.sqlite"))
        browse = QPushButton(self.tr("Bladeren…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path)
        row.addWidget(browse)
        form.addRow(self.tr("Veldkopie"), row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def scope(self) -> FieldScope:
        if self.selection_choice.isChecked():
            return FieldScope(tree_ids=tuple(self.selected))
        if self.buurt_choice.isChecked():
            return FieldScope(buurt=self.buurt.currentText())
        return FieldScope(wijk=self.wijk.currentText())

    def out_path(self) -> str:
        return self.path.text().strip()

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Veldkopie opslaan"),
                                                    self.out_path(), "SQLite (*.sqlite)")
        if name:
            self.path.setText(name)

    def _accept(self) -> None:
        path = Path(self.out_path())
        if not self.out_path():
            self.message.setText(self.tr("Kies een bestand voor de veldkopie."))
        elif path.exists():
            self.message.setText(self.tr("%1 bestaat al; kies een nieuw bestand.")
                                 .replace("%1", str(path)))
        elif not path.parent.is_dir():
            self.message.setText(self.tr("Map %1 bestaat niet.").replace("%1", str(path.parent)))
        elif not (self.scope().wijk or self.scope().buurt or self.scope().tree_ids):
            self.message.setText(self.tr("Kies een wijk, buurt of selectie."))
        else:
            self.accept()
