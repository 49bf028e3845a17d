"""Beheer ▸ Gebruikers…: add users, change their role, (de)activate them — never delete, the
change log refers to them. Every change goes through services/users.py (beheerder only)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.roles import Role, User
from bomenplan.services import users as user_service
from bomenplan.ui.models.rows_table_model import RowsTableModel


class UsersDialog(QDialog):
    def __init__(self, uow_factory: Callable, parent=None):
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.users: list[User] = []
        self.setWindowTitle(self.tr("Gebruikers"))
        self.model = RowsTableModel([self.tr("Naam"), self.tr("Rol"), self.tr("Status")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("inlognaam, zoals in Bestand ▸ Gebruiker…"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.value, role)
        self.add_button = QPushButton(self.tr("Toevoegen"))
        self.role_button = QPushButton(self.tr("Rol van gekozen gebruiker wijzigen"))
        self.active_button = QPushButton(self.tr("(De)activeren"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        entry = QHBoxLayout()
        for widget in (self.name, self.role, self.add_button):
            entry.addWidget(widget)
        actions = QHBoxLayout()
        actions.addWidget(self.role_button)
        actions.addWidget(self.active_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Zonder gebruikers is wie het register opent beheerder; de eerste gebruiker wordt "
            "beheerder. Gebruikers worden nooit verwijderd, alleen gedeactiveerd.")))
        layout.addWidget(self.table)
        layout.addLayout(entry)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(560, 420)
        self.refresh()

    def refresh(self) -> None:
        self.users = user_service.list_users(self.uow_factory())
        self.model.set_rows([(u.name, u.role.value,
                              self.tr("actief") if u.active else self.tr("gedeactiveerd"))
                             for u in self.users])

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _run(self, work: Callable[[], User], done: str) -> None:
        try:
            user = work()
        except BomenplanError as exc:  # PermissionDenied, an existing name, the last beheerder
            self.message.setText(str(exc))
            return
        self.message.setText(done.format(user.name, user.role.value))
        self.refresh()
        names = [u.name for u in self.users]
        if user.name in names:  # the changed user stays chosen for a next step
            self.table.selectRow(names.index(user.name))

    def add_user(self) -> None:
        self._run(lambda: user_service.add_user(self.uow_factory(), self.name.text(),
                                                self.role.currentData()),
                  self.tr("Gebruiker {0} toegevoegd met rol {1}."))
        self.name.clear()

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            self.message.setText(self.tr("Kies eerst een gebruiker in de lijst."))
            return
        self._run(lambda: user_service.change_role(self.uow_factory(), user.name,
                                                   self.role.currentData()),
                  self.tr("Gebruiker {0} heeft nu rol {1}."))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            self.message.setText(self.tr("Kies eerst een gebruiker in de lijst."))
            return
        change = user_service.deactivate_user if user.active else user_service.reactivate_user
        self._run(lambda: change(self.uow_factory(), user.name),
                  self.tr("Gebruiker {0} is gedeactiveerd.") if user.active
                  else self.tr("Gebruiker {0} is weer actief."))
