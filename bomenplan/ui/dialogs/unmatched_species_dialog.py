"""Register species names the catalogue lacks, with tree counts, a suggestion and a way to map
them to a catalogue species (which also links the trees)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from bomenplan.domain.dutch_text import plural
from bomenplan.services import species_register as register
from bomenplan.ui.models.species_models import _ListTableModel, tr
from bomenplan.ui.write_tasks import run_write


class UnmatchedNamesModel(_ListTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("species", "Registernaam"), QT_TRANSLATE_NOOP("species", "Bomen"),
               QT_TRANSLATE_NOOP("species", "Suggestie"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        u = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            hint = u.suggestion.species.full_name if u.suggestion else ""
            return (u.name or tr("(leeg)"), str(u.trees), hint)[index.column()]
        return None


class UnmatchedSpeciesDialog(QDialog):
    def __init__(self, uow_factory: Callable, on_mapped: Callable[[], None] | None = None,
                 parent=None, user: str = ""):
        super().__init__(parent)
        self.user = user  # who links the name (change log)
        self.setWindowTitle(tr("Soorten in het register die de catalogus niet kent"))
        self.uow_factory, self.on_mapped = uow_factory, on_mapped
        self.model = UnmatchedNamesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.target = QComboBox()
        self.map_button = QPushButton(tr("Koppelen"))
        self.status = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Koppel aan")))
        row.addWidget(self.target, 1)
        row.addWidget(self.map_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.map_button.clicked.connect(self._on_map_clicked)
        self.resize(700, 500)
        self.refresh()

    def refresh(self) -> None:
        found = register.lookup(self.uow_factory())
        if self.target.count() == 0:
            for e in sorted(found.entries, key=lambda e: e.species.full_name):
                self.target.addItem(e.species.full_name, e.species.id)
        self.model.set_rows(register.unmatched_register_species(self.uow_factory()))
        self.status.setText(tr("%1 namen, %2 bomen zonder catalogussoort")
                            .replace("%1", str(self.model.rowCount()))
                            .replace("%2", str(sum(u.trees for u in self.model._rows))))

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            u = self.model.row_object(current.row())
            if u.suggestion is not None:
                self.target.setCurrentIndex(self.target.findData(u.suggestion.species.id))

    def map_row(self, row: int, species_id: int) -> None:
        """Link the row's name to the species (on the write pool); the status line reports it."""
        factory, name, user = self.uow_factory, self.model.row_object(row).name, self.user

        def mapped(linked: int) -> None:
            self.refresh()
            if self.on_mapped is not None:
                self.on_mapped()
            self.status.setText(tr("%1 gekoppeld: %2").replace("%1", name)
                                .replace("%2", plural(linked, tr("boom"), tr("bomen"))))

        run_write(self, tr("Soortnaam koppelen…"),
                  lambda: register.map_register_name(factory(), name, species_id, user), mapped,
                  lambda exc: self.status.setText(str(exc)))

    def _on_map_clicked(self) -> None:
        current = self.table.currentIndex()
        if current.isValid() and self.target.currentData() is not None:
            self.map_row(current.row(), self.target.currentData())
