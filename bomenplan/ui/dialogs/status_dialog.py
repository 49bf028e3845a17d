"""Change a tree's status (kappen, stobbe, verplant, leeg plantvak) with a required reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.tree import Tree
from bomenplan.domain.values import TreeStatus
from bomenplan.ui.dialogs.value_labels import value_label
from bomenplan.ui.form_widgets import error_label, ok_cancel_buttons


class StatusDialog(QDialog):
    def __init__(self, tree: Tree, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Status wijzigen \u2014 boom {0}").format(tree.boomnummer))
        self.status = QComboBox()
        for status in TreeStatus:
            if status is not tree.status:
                self.status.addItem(value_label(status), status.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("bijv. stormschade, kapvergunning 2026-114"))
        self.error = error_label(hidden=True)
        note = QLabel(self.tr("Huidige status: {0}. De boom blijft in het register; de standplaats "
                              "blijft bestaan.").format(value_label(tree.status)))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Nieuwe status"), self.status)
        form.addRow(self.tr("Reden"), self.reason)
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def choice(self) -> tuple[TreeStatus, str]:
        return TreeStatus(self.status.currentData()), self.reason.text().strip()

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(self.tr("Geef een reden op; die komt in de geschiedenis van de boom."))
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, tree: Tree) -> tuple[TreeStatus, str] | None:
        dialog = cls(tree, parent)
        return dialog.choice() if dialog.exec() == QDialog.Accepted else None
