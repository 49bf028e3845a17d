"""Bestand → Verbinding met server…: host, port, database, user, password and SSL mode of a
PostgreSQL register, a test button with one Dutch sentence, and the recently used servers.
The password is never stored: it lives in this dialog and goes to the driver only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.errors import BomenplanError
from bomenplan.services.server_address import (
    DEFAULT_PORT,
    SSL_MODES,
    ServerAddress,
    without_password,
)
from bomenplan.ui.form_widgets import ok_cancel_buttons
from bomenplan.ui.settings import RECENT_SERVERS

MAX_RECENT = 8


def recent_servers(settings) -> list[str]:
    return [line for line in settings.get(RECENT_SERVERS).splitlines() if line.strip()]


def remember_server(settings, url: str) -> None:
    """Put `url` (its password taken out) first in the recent list."""
    clean = without_password(url)
    urls = [clean, *(u for u in recent_servers(settings) if u != clean)][:MAX_RECENT]
    settings.set(RECENT_SERVERS, "\n".join(urls))


class ServerDialog(QDialog):
    """`check(url, password)` raises an error with a Dutch message when the server cannot be used."""

    def __init__(self, settings, check: Callable[[str, str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self._check = check
        self.setWindowTitle(self.tr("Verbinding met server"))
        self.setMinimumWidth(440)
        self.recent = QComboBox()
        self.recent.addItem(self.tr("— recent gebruikt —"), None)
        for url in recent_servers(settings):
            self.recent.addItem(url, url)
        self.recent.activated.connect(self._on_recent)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("bijv. gis-db.gemeente.nl"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setPlaceholderText(self.tr("bijv. bomenregister"))
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leeg: PGPASSWORD of ~/.pgpass"))
        self.sslmode = QComboBox()
        for mode in SSL_MODES:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setToolTip(self.tr("require of verify-full buiten het kantoornetwerk"))
        form = QFormLayout()
        for label, field in ((self.tr("Recent"), self.recent), (self.tr("Server"), self.host),
                             (self.tr("Poort"), self.port), (self.tr("Database"), self.database),
                             (self.tr("Gebruiker"), self.user), (self.tr("Wachtwoord"), self.password),
                             (self.tr("SSL"), self.sslmode)):
            form.addRow(label, field)
        self.test_button = QPushButton(self.tr("Verbinding testen"))
        self.test_button.clicked.connect(self.test_connection)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = ok_cancel_buttons(self, self._open, ok_text=self.tr("Openen"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Het wachtwoord wordt niet bewaard.")))
        layout.addLayout(form)
        layout.addWidget(self.test_button)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if recent_servers(settings):
            self.set_url(recent_servers(settings)[0])

    def address(self) -> ServerAddress:
        return ServerAddress(self.host.text().strip(), self.database.text().strip(),
                             self.user.text().strip(), self.port.value(), self.sslmode.currentData())

    def url(self) -> str:
        return self.address().url()

    def set_url(self, url: str) -> None:
        address = ServerAddress.from_url(url)
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        index = self.sslmode.findData(address.sslmode)
        self.sslmode.setCurrentIndex(max(index, 0))

    def _on_recent(self, index: int) -> None:
        url = self.recent.itemData(index)
        if url:
            self.set_url(url)

    def _missing(self) -> str:
        if not self.host.text().strip():
            return self.tr("Vul de server in.")
        if not self.database.text().strip():
            return self.tr("Vul de database in.")
        return ""

    def test_connection(self) -> bool:
        missing = self._missing()
        if missing:
            self.message.setText(missing)
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._check(self.url(), self.password.text())
        except BomenplanError as exc:  # the check's Dutch sentence, shown as is
            self.message.setText(self.tr("Geen verbinding: {0}.").format(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.message.setText(self.tr("Verbinding gelukt."))
        return True

    def _open(self) -> None:
        if self.test_connection():
            remember_server(self.settings, self.url())
            self.accept()
