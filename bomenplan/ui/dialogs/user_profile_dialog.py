"""Name, role and team of the user (asked at first start; later via Bestand → Gebruiker…).
Kept apart from the first-start register choice (first_start_dialog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from bomenplan.ui.form_widgets import ok_cancel_buttons
from bomenplan.ui.settings import USER_NAME, USER_ROLE, USER_TEAM
from bomenplan.ui.user_identity import MAX_SIGNATURE


class UserProfileDialog(QDialog):
    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Wie werkt er?"))
        self.name = QLineEdit(settings.get(USER_NAME))
        self.name.setPlaceholderText(self.tr("bijv. J. de Vries"))
        self.role = QLineEdit(settings.get(USER_ROLE))
        self.role.setPlaceholderText(self.tr("bijv. boomverzorger, inspecteur, beleidsmedewerker"))
        self.team = QLineEdit(settings.get(USER_TEAM))
        self.team.setPlaceholderText(self.tr("bijv. Team Noord"))
        for field in (self.name, self.role, self.team):
            field.setMaxLength(MAX_SIGNATURE // 2)
        form = QFormLayout()
        form.addRow(self.tr("Naam"), self.name)
        form.addRow(self.tr("Rol"), self.role)
        form.addRow(self.tr("Team"), self.team)
        self.buttons = ok_cancel_buttons(self, self._save, ok_text=self.tr("Opslaan"))
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Uw naam komt bij elke wijziging, controle, besluit en "
                                        "criteriaversie die u vastlegt.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.message.setText(self.tr("Vul uw naam in."))
            return
        self.settings.set(USER_NAME, name)
        self.settings.set(USER_ROLE, self.role.text().strip())
        self.settings.set(USER_TEAM, self.team.text().strip())
        self.accept()

    @classmethod
    def ask(cls, settings, parent=None) -> bool:
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted
