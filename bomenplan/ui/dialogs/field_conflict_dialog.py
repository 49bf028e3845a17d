"""Conflicts of a check-in: per field the value at checkout, the field's and the server's; the user
chooses veld or server for the selected rows and applies (a further check-in with those choices).
A row left open keeps the server value and comes back at the next check-in."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from bomenplan.domain.field_work import MINE, THEIRS, ConflictLine
from bomenplan.ui.dialogs.value_labels import field_label

_ROOT = QModelIndex()


ENTITY_LABELS = {"tree": "boom", "site": "plek", "standplaats": "standplaats",
                 "inspection": "controle", "standplaats_problem": "standplaatsprobleem"}
EXTRA_FIELD_LABELS = {"x": "Positie x", "y": "Positie y", "species_id": "Soort (catalogus)",
                      "nvtb_waarde_cent": "NVTB-waarde (cent)"}


def shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def shown_field(name: str) -> str:
    if name in EXTRA_FIELD_LABELS:
        return EXTRA_FIELD_LABELS[name]
    label = field_label(name)
    return label if label != name else name.replace("_", " ").capitalize()


class ConflictTableModel(QAbstractTableModel):
    HEADERS = ("Boomnummer", "Onderdeel", "Veld", "Bij uitchecken", "Veldwerk", "Server nu", "Keuze")
    CHOICE_TEXT = {MINE: "veld", THEIRS: "server", None: "open"}

    def __init__(self, conflicts: list[ConflictLine], parent=None):
        super().__init__(parent)
        self.conflicts = list(conflicts)
        self.choices: dict[int, str] = {}

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        c = self.conflicts[index.row()]
        theirs = self.tr("(verwijderd)") if c.removed else shown(c.theirs)
        values = (c.boomnummer, self.tr(ENTITY_LABELS.get(c.entity, c.entity)), shown_field(c.field),
                  shown(c.base), shown(c.mine), theirs,
                  self.tr(self.CHOICE_TEXT[self.choices.get(index.row())]))
        return values[index.column()]

    def choose(self, rows: list[int], choice: str) -> None:
        for row in rows:
            if not (choice == MINE and self.conflicts[row].removed):  # a removed row cannot be written
                self.choices[row] = choice
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(0, last), self.index(self.rowCount() - 1, last))

    def chosen(self) -> dict[tuple[str, int, str], str]:
        """{(entity, id, field): mine/theirs} of the rows with a choice."""
        return {(c.entity, c.entity_id, c.field): self.choices[row]
                for row, c in enumerate(self.conflicts) if row in self.choices}


class FieldConflictDialog(QDialog):
    def __init__(self, conflicts: list[ConflictLine], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicten bij inchecken"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Deze velden zijn zowel in het veld als op de server gewijzigd (of de "
                               "boom is intussen verwijderd of gekapt). De serverwaarde blijft staan "
                               "tot u kiest."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ConflictTableModel(conflicts, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for label, choice in ((self.tr("Veldwaarde kiezen"), MINE), (self.tr("Serverwaarde kiezen"), THEIRS)):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("Toepassen"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self.model.choose(rows, choice)

    def choices(self) -> dict[tuple[str, int, str], str]:
        return self.model.chosen()
