"""The catalogue screen: searchable species list, detail with score breakdown, edit (undoable),
add, import and export CSV."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.ecology import DEFAULT_WEIGHTS, CatalogueEntry
from bomenplan.domain.errors import BomenplanError
from bomenplan.services import species_catalogue as catalogue
from bomenplan.ui.dialogs.add_species_dialog import AddSpeciesDialog
from bomenplan.ui.models.species_models import (
    ObjectRole,
    SpeciesCatalogueModel,
    SpeciesFilterProxyModel,
    tr,
)
from bomenplan.ui.species_edit_command import EditSpeciesValueCommand
from bomenplan.ui.views.species_detail_panel import SpeciesDetailPanel
from bomenplan.ui.write_tasks import run_write


class SpeciesCatalogueView(QWidget):
    def __init__(self, uow_factory: Callable, undo_stack: QUndoStack, parent=None,
                 user: Callable[[], str] = lambda: ""):
        super().__init__(parent)
        self.uow_factory, self.undo_stack, self.user = uow_factory, undo_stack, user
        self.weights = DEFAULT_WEIGHTS
        self.model = SpeciesCatalogueModel(self)
        self.proxy = SpeciesFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Zoek op wetenschappelijke of Nederlandse naam, familie…"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.detail = SpeciesDetailPanel()
        self.status = QLabel()
        self.add_button = QPushButton(tr("Soort toevoegen…"))
        self.import_button = QPushButton(tr("CSV importeren…"))
        self.export_button = QPushButton(tr("CSV exporteren…"))
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.table)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.import_button, self.export_button):
            buttons.addWidget(b)
        lv.addLayout(buttons)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.detail)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(self.status)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.detail.edit_requested.connect(self._on_detail_edit_requested)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.detail.set_entry(None, None)
        self.reload()

    def reload(self) -> None:
        self.weights = catalogue.current_weights(self.uow_factory())
        entries = catalogue.list_entries(self.uow_factory())
        self.model.set_entries(entries, [e.score(self.weights).total for e in entries])
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()  # whole headers and names, no "ıschappelijke naam"
        self.status.setText(tr("%1 soorten in de catalogus").replace("%1", str(len(entries))))

    def select_species(self, species_id: int) -> None:
        row = self.model.row_of_id(species_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.setCurrentIndex(index)

    def current_entry(self) -> CatalogueEntry | None:
        return self.detail.entry

    # --- slots -----------------------------------------------------------------------------
    def _on_table_current_changed(self, current, _previous) -> None:
        entry = current.data(ObjectRole) if current.isValid() else None
        self.detail.set_entry(entry, None if entry is None else entry.score(self.weights))

    def _on_detail_edit_requested(self, field: str, value: str, source: str) -> None:
        entry = self.detail.entry
        if entry is None:
            return
        if not source.strip():
            self._report(tr("Geef de bron van de nieuwe waarde op."))
            return
        try:  # validate before the command is pushed, so the stack only holds valid edits
            if field in catalogue.SPECIES_FIELDS:
                catalogue.with_species_value(entry, field, value, source)
            else:
                entry.profile.with_value(field, value, source)
        except BomenplanError as exc:
            self._report(str(exc))
            return
        self.undo_stack.push(EditSpeciesValueCommand(self.uow_factory, entry, field, value, source,
                                                     self._on_stored, self._report, self.user()))

    def _on_stored(self, entry: CatalogueEntry) -> None:
        self.model.update_entry(entry, entry.score(self.weights).total)
        if self.detail.entry is not None and self.detail.entry.species.id == entry.species.id:
            field = self.detail.field_combo.currentData()
            self.detail.set_entry(entry, entry.score(self.weights))
            self.detail.select_field(field)
        self._report(tr("%1 opgeslagen").replace("%1", entry.species.full_name))

    def _report(self, text: str) -> None:
        self.status.setText(text)

    def _on_add_clicked(self) -> None:
        dialog = AddSpeciesDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_species(dialog.species())

    def add_species(self, species) -> CatalogueEntry | None:
        try:
            entry = catalogue.add_species(self.uow_factory(), species)
        except BomenplanError as exc:
            self._report(str(exc))
            return None
        self.model.update_entry(entry, entry.score(self.weights).total)
        self.select_species(entry.species.id)
        return entry

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Catalogus importeren"), "", "CSV (*.csv)")
        if path:
            self.import_csv(path)

    def import_csv(self, path: str) -> None:
        factory = self.uow_factory

        def imported(summary) -> None:
            self.reload()
            self._report(tr("%1 toegevoegd, %2 bijgewerkt").replace("%1", str(summary.added))
                         .replace("%2", str(summary.updated)))

        run_write(self, tr("Catalogus importeren…"),
                  lambda: catalogue.import_catalogue(factory(), path), imported,
                  lambda exc: self._report(tr("Import mislukt, niets opgeslagen: %1")
                                           .replace("%1", str(exc))))

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Catalogus exporteren"), "soorten.csv",
                                              "CSV (*.csv)")
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> None:
        try:
            n = catalogue.export_catalogue(self.uow_factory(), path)
        except (BomenplanError, OSError) as exc:
            self._report(str(exc))
            return
        self._report(tr("%1 soorten geëxporteerd naar %2").replace("%1", str(n)).replace("%2", path))
