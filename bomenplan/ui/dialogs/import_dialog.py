"""Import a tree file: choose it, confirm the guessed column mapping and CRS, run it in a worker.

A file that cannot be read, or an import that fails or is cancelled, changes nothing: the message
names the file (and line and field where known).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.errors import BomenplanError, Cancelled
from bomenplan.services.importing import (
    TARGET_FIELDS,
    ColumnMapping,
    SourceError,
    guess_mapping,
    import_trees,
    read_source,
)
from bomenplan.services.importing.store import ImportMode
from bomenplan.services.register import load_register
from bomenplan.services.user_profile import current_user_name
from bomenplan.ui.dialogs.import_preview_dialog import ImportPreviewDialog
from bomenplan.ui.dialogs.import_result_dialog import ImportResultDialog
from bomenplan.ui.dialogs.value_labels import field_label
from bomenplan.ui.form_widgets import ok_cancel_buttons
from bomenplan.ui.models.rows_table_model import RowsTableModel

FILE_FILTER = "Bomenbestanden (*.csv *.txt *.zip *.geojson *.json *.gpkg *.shp);;Alle bestanden (*)"
EXTRA_LABELS = {"dutch_name": "Nederlandse naam", "x": "X / lengtegraad", "y": "Y / breedtegraad",
                "wkt": "Geometrie (WKT)", "stamomtrek_cm": "Stamomtrek (cm)"}
PREVIEW_ROWS = 8
IMPORT_SHARE = 0.85  # of the progress bar; reading the register back takes the rest


@dataclass
class ImportChoice:
    mapping: ColumnMapping
    crs: str | None
    grid_dir: str | None


@dataclass
class TaskOutcome:
    """What a worker hands back: a result, or an error text, or cancelled."""

    result: object = None
    error: str = ""
    cancelled: bool = False
    columns: object = None  # the register read again in the worker after a successful import


class ColumnMappingDialog(QDialog):
    """Preview of the first rows; a source column per target field; CRS, x/y swap, grid folder."""

    def __init__(self, source, mapping: ColumnMapping, grid_dir: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kolommen koppelen \u2014 {0}").format(source.path.name))
        preview = RowsTableModel(source.columns, self)
        preview.set_rows(source.preview(PREVIEW_ROWS))
        self.preview = preview
        table = QTableView()
        table.setModel(preview)
        table.setMaximumHeight(220)
        self.combos: dict[str, QComboBox] = {}
        fields = QFormLayout()
        for target in TARGET_FIELDS:
            combo = QComboBox()
            combo.addItem(self.tr("\u2014 niet gebruiken \u2014"), "")
            for column in source.columns:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(0, combo.findData(mapping.source_of(target) or "")))
            self.combos[target] = combo
            fields.addRow(self.tr(EXTRA_LABELS[target]) if target in EXTRA_LABELS
                          else field_label(target), combo)
        holder = QWidget()
        holder.setLayout(fields)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.crs = QLineEdit(mapping.crs or "")
        self.crs.setPlaceholderText(self.tr("bijv. EPSG:28992 (RD New) of EPSG:4326 (WGS84)"))
        self.swap_xy = QCheckBox(self.tr("x en y verwisselen"))
        self.swap_xy.setChecked(mapping.swap_xy)
        self.grid_dir = QLineEdit(grid_dir)
        self.grid_dir.setPlaceholderText(self.tr("map met nl_nsgi_rdtrans2018.tif (optioneel)"))
        browse = QPushButton(self.tr("Bladeren\u2026"))
        browse.clicked.connect(self._on_browse_clicked)
        grid_row = QHBoxLayout()
        grid_row.addWidget(self.grid_dir)
        grid_row.addWidget(browse)
        crs_form = QFormLayout()
        crs_form.addRow(self.tr("Coördinatenstelsel"), self.crs)
        crs_form.addRow("", self.swap_xy)
        crs_form.addRow(self.tr("PROJ-gridmap"), grid_row)
        buttons = ok_cancel_buttons(self, ok_text=self.tr("Importeren"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{0} rijen, {1} kolommen. Controleer de koppeling:")
                                .format(source.n_rows, len(source.columns))))
        layout.addWidget(table)
        layout.addWidget(scroll, 1)
        layout.addLayout(crs_form)
        layout.addWidget(buttons)
        self.resize(760, 720)

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("PROJ-gridmap kiezen"), self.grid_dir.text())
        if folder:
            self.grid_dir.setText(folder)

    def choice(self) -> ImportChoice:
        fields = {t: (c.currentData() or None) for t, c in self.combos.items()}
        crs = self.crs.text().strip() or None
        if crs and crs.isdigit():
            crs = f"EPSG:{crs}"
        return ImportChoice(ColumnMapping(fields, crs, self.swap_xy.isChecked()), crs,
                            self.grid_dir.text().strip() or None)

    @classmethod
    def ask(cls, parent, source, mapping: ColumnMapping, grid_dir: str = "") -> ImportChoice | None:
        dialog = cls(source, mapping, grid_dir, parent)
        return dialog.choice() if dialog.exec() == QDialog.Accepted else None


def _guarded(fn, name: str) -> TaskOutcome:
    """Run in the worker; every failure comes back as text (the import rolled back)."""
    try:
        return TaskOutcome(result=fn())
    except Cancelled:
        return TaskOutcome(cancelled=True)
    except (SourceError, BomenplanError) as exc:
        return TaskOutcome(error=str(exc))
    except Exception as exc:  # noqa: BLE001 — e.g. pyproj CRSError: shown, nothing stored
        return TaskOutcome(error=f"{name}: {exc}")


class ImportController(QObject):
    """The import flow on the main window API: run_task, uow_factory, reload_register."""

    def __init__(self, window, settings=None):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.last_report = None

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Bomen importeren"), "",
                                              self.tr(FILE_FILTER))
        return path

    def show_error(self, message: str) -> None:
        QMessageBox.critical(self.window, self.tr("Import mislukt"),
                             self.tr("{0}\n\nEr is niets gewijzigd in het register.").format(message))

    def show_cancelled(self) -> None:
        QMessageBox.information(self.window, self.tr("Import geannuleerd"),
                                self.tr("De import is geannuleerd; er is niets gewijzigd."))

    def start(self, path: str | None = None) -> None:
        path = path or self.ask_open_path()
        if not path:
            return
        self.window.run_task(lambda _progress, _cancelled: _guarded(lambda: read_source(path), path),
                             self._on_source_read, self.tr("Bestand lezen\u2026"))

    def _on_source_read(self, outcome: TaskOutcome) -> None:
        if outcome.error:
            self.show_error(outcome.error)
            return
        self._ask_mapping_and_import(outcome.result, guess_mapping(outcome.result))

    def _ask_mapping_and_import(self, source, mapping: ColumnMapping) -> None:
        grid = self.settings.proj_grid_folder if self.settings is not None else ""
        choice = ColumnMappingDialog.ask(self.window, source, mapping, grid)
        if choice is None:
            return
        fields = choice.mapping.fields
        if choice.crs is None and fields.get("x") and fields.get("y"):  # never assume RD New
            self.show_error(self.tr("{0}: coördinatenstelsel onbekend; vul het in, bijv. EPSG:28992 "
                                    "(RD New) of EPSG:31467 (Gauss-Krüger zone 3).")
                            .format(source.path.name))
            self._ask_mapping_and_import(source, choice.mapping)
            return
        self._source, self._choice = source, choice
        if self.settings is not None and choice.grid_dir:
            self.settings.proj_grid_folder = choice.grid_dir
        self._run(ImportMode(update=bool(fields.get("boomnummer")), dry_run=True))

    def _run(self, mode: ImportMode) -> None:
        """Preview (dry run) first; the real run stores and reads the register back."""
        source, choice = self._source, self._choice
        uow_factory = self.window.uow_factory
        mode = replace(mode, user=self._user_name())

        def work(progress, cancelled):
            outcome = _guarded(lambda: import_trees(
                uow_factory(), source, choice.mapping, crs=choice.crs, grid_dir=choice.grid_dir,
                progress=lambda f: progress(IMPORT_SHARE * f), cancelled=cancelled, mode=mode),
                source.path.name)
            if outcome.result is not None and outcome.result.rows_accepted and not mode.dry_run:
                # stored: read the register here, not on the GUI thread (seconds at 250k)
                outcome.columns = load_register(uow_factory())
            return outcome

        done = self._on_previewed if mode.dry_run else self._on_imported
        self.window.run_task(work, done, self.tr("Importeren: {0}").format(source.path.name))

    def _user_name(self) -> str:
        return (self.settings.user_name if self.settings is not None else "") or current_user_name()

    def _on_previewed(self, outcome: TaskOutcome) -> None:
        """Ask before storing when the file meets trees already stored or repeats numbers."""
        if outcome.error or outcome.cancelled or not outcome.result.rows_accepted:
            self._on_imported(outcome)  # nothing to store: show why
            return
        plan = outcome.result.update_plan
        mode = ImportMode(update=plan is not None)
        if plan is not None and (plan.unchanged or len(plan.changed_rows) or plan.duplicates):
            choice = ImportPreviewDialog.ask(self.window, plan, self._source.path.name)
            if choice is None:
                self.show_cancelled()
                return
            mode = replace(mode, duplicates_as_new=choice.as_new, clear_empty=choice.clear_empty)
        self._run(mode)

    def _on_imported(self, outcome: TaskOutcome) -> None:
        if outcome.cancelled:
            self.show_cancelled()
            return
        if outcome.error:
            self.show_error(outcome.error)
            return
        self.last_report = outcome.result
        if outcome.result.rows_accepted:
            self.window.reload_register(outcome.columns)
        retry = ImportResultDialog.show_report(self.window, outcome.result)
        if retry and not outcome.result.rows_accepted:  # nothing stored: safe to try again
            self._ask_mapping_and_import(self._source, self._choice.mapping)
