"""Beheer ▸ Wijzigingslogboek…: who changed what, when, old → new; filtered by object (a tree),
user and period, and exported as CSV (services/audit.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from bomenplan.domain.errors import BomenplanError
from bomenplan.services.audit import (
    AUDIT_HEADER,
    audit_entities,
    audit_entries,
    audit_rows,
    export_audit_csv,
)
from bomenplan.ui.models.rows_table_model import RowsTableModel

SHOWN_MAX = 10_000  # newest entries shown; narrow the filter for older ones


class AuditDialog(QDialog):
    def __init__(self, uow_factory: Callable, parent=None, tree_id: int | None = None):
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.entries = []
        self.setWindowTitle(self.tr("Wijzigingslogboek"))
        self.entity = QComboBox()
        self.entity.addItem(self.tr("alle objecten"), "")
        for name in audit_entities(uow_factory()):
            self.entity.addItem(name, name)
        self.entity_id = QLineEdit()
        self.entity_id.setPlaceholderText(self.tr("nummer (id), leeg = alle"))
        if tree_id is not None:
            self.entity.setCurrentIndex(max(0, self.entity.findData("tree")))
            self.entity_id.setText(str(tree_id))
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("naam, leeg = iedereen"))
        self.since, self.use_since = self._date_filter(QDate.currentDate().addMonths(-1))
        self.until, self.use_until = self._date_filter(QDate.currentDate())
        form = QFormLayout()
        form.addRow(self.tr("Object"), self._row(self.entity, self.entity_id))
        form.addRow(self.tr("Gebruiker"), self.user)
        form.addRow(self.tr("Van"), self._row(self.use_since, self.since))
        form.addRow(self.tr("Tot en met"), self._row(self.use_until, self.until))
        self.search_button = QPushButton(self.tr("Zoeken"))
        self.export_button = QPushButton(self.tr("Exporteren (CSV)…"))
        self.search_button.clicked.connect(self.search)
        self.export_button.clicked.connect(self.ask_export)
        self.model = RowsTableModel([self.tr(h) for h in AUDIT_HEADER], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self._row(self.search_button, self.export_button, layout_only=True))
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.resize(900, 560)
        self.search()

    def _date_filter(self, day: QDate) -> tuple[QDateEdit, QCheckBox]:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit, QCheckBox(self.tr("gebruiken"))

    @staticmethod
    def _row(*widgets, layout_only: bool = False):
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        if layout_only:
            return row
        from PySide6.QtWidgets import QWidget

        holder = QWidget()
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        return holder

    def criteria(self) -> dict:
        text = self.entity_id.text().strip()
        if text and not text.isdigit():
            raise BomenplanError(f"nummer: '{text}' is geen getal")
        entity, number = self.entity.currentData() or "", int(text) if text else None
        subject = {"tree": number} if entity == "tree" and number is not None \
            else {"entity": entity, "entity_id": number}  # a tree: with its site's entries
        return {**subject, "user": self.user.text().strip(),
                "since": self.since.date().toPython() if self.use_since.isChecked() else None,
                "until": self.until.date().toPython() if self.use_until.isChecked() else None}

    def search(self) -> None:
        try:
            self.entries = audit_entries(self.uow_factory(), limit=SHOWN_MAX, **self.criteria())
        except BomenplanError as exc:
            self.message.setText(str(exc))
            return
        self.model.set_rows(audit_rows(self.entries))
        self.table.resizeColumnsToContents()
        more = self.tr(" (de nieuwste; verfijn het filter voor oudere)") \
            if len(self.entries) >= SHOWN_MAX else ""
        self.message.setText(self.tr("{0} wijzigingen").format(len(self.entries)) + more)

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Wijzigingslogboek exporteren"),
                                              "wijzigingslogboek.csv", self.tr("CSV (*.csv)"))
        if path:
            self.export(path)

    def export(self, path: str) -> int:
        """All entries matching the filter (not only those shown) to `path`."""
        try:
            entries = audit_entries(self.uow_factory(), **self.criteria())
            count = export_audit_csv(entries, path)
        except (BomenplanError, OSError) as exc:
            self.message.setText(str(exc))
            return 0
        self.message.setText(self.tr("{0} wijzigingen geschreven naar {1}").format(count, path))
        return count
