"""The lanen screen: overview (worst first), map layer, laan detail with gaps and replanting
options, detection with progress and Cancel, accept / reject, exports. `install(window)` wires
it into the main window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.laan import LaanStatus
from bomenplan.domain.laan_gaps import Gap
from bomenplan.services.lanen import (
    LanenReport,
    analyse,
    detect_and_store,
    laan_history,
    replanting_for_laan,
)
from bomenplan.services.lanen_export import export_gaps, export_report
from bomenplan.ui.dialogs.laan_dialog import LaanDialog
from bomenplan.ui.dialogs.thresholds_dialog import (
    ThresholdsDialog,
    load_thresholds,
    save_thresholds,
)
from bomenplan.ui.laan_commands import EditLaanCommand, RecordChoiceCommand, SetLaanStatusCommand
from bomenplan.ui.models.lanen_models import LanenTableModel
from bomenplan.ui.views.laan_detail import LaanDetail
from bomenplan.ui.views.laan_line_tool import AdjustRowTool
from bomenplan.ui.views.lanen_layer import LanenLayer

GAP_ZOOM_M = 60.0


class LanenScreen(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.report: LanenReport | None = None
        self.current: int | None = None  # laan index in the report
        self.choices = []  # recorded choices of the current laan
        self.gap_index: int | None = None  # options for one gap, or (None) for the whole laan
        self.thresholds = load_thresholds(getattr(window, "settings", None))
        self.auto_detected = False
        self.layer = LanenLayer(window.map_view)
        self.adjust_tool = AdjustRowTool(window.map_view.plot_item, self.current_laan,
                                         self._edit_command, self)
        self.adjust_tool.command_issued.connect(window.undo_stack.push)
        self.model = LanenTableModel(self)
        self.widget = self._build_widget()
        self.dock = window.add_dock(self.widget, self.tr("Overzicht lanen"))
        self._build_menu()

    def _build_widget(self) -> QWidget:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.show_laan(self.model.laan_index(current.row())
                                                  if current.isValid() else None))
        self.accept_button = QPushButton(self.tr("Accepteren"))
        self.reject_button = QPushButton(self.tr("Afwijzen"))
        self.accept_button.clicked.connect(lambda: self.set_status(LaanStatus.GEACCEPTEERD))
        self.reject_button.clicked.connect(lambda: self.set_status(LaanStatus.AFGEWEZEN))
        self.edit_button = QPushButton(self.tr("Bewerken…"))
        self.edit_button.clicked.connect(self.edit)
        self.adjust_button = QPushButton(self.tr("Rij aanpassen op kaart"))
        self.adjust_button.setToolTip(self.tr("Klik op de kaart: het dichtstbijzijnde rij-einde "
                                              "verschuift naar die plek (verlengen of inkorten)"))
        self.adjust_button.clicked.connect(self.adjust_tool.arm)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.edit_button, self.adjust_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)
        self.detail = LaanDetail()
        self.detail.gap_selected.connect(self.select_gap)
        self.detail.profile_changed.connect(self._refresh_options)
        self.detail.choose_requested.connect(self.choose)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        return splitter

    def _build_menu(self) -> None:
        menu = self.window.feature_menu(self.tr("&Lanen"))
        menu.addAction(self.tr("Lanen herkennen…"), self.detect)
        menu.addAction(self.tr("Kwaliteit en gaten vernieuwen"), self.refresh)
        menu.addAction(self.tr("Kwaliteitsdrempels…"), self.edit_thresholds)
        menu.addSeparator()
        menu.addAction(self.tr("Gaten exporteren…"), self.export_gaps)
        menu.addAction(self.tr("Lanenrapport exporteren…"), self.export_report)

    # --- background work -------------------------------------------------------------------
    # The worker functions capture plain data only (never `self`): whatever they hold is
    # released in the pool thread, where no Qt object may be destroyed.
    def refresh(self) -> None:
        uow_factory = self.window.uow_factory
        cols, thresholds = self.window.tree_model.columns, self.thresholds
        self.window.run_task(
            lambda progress, cancelled: analyse(uow_factory(), cols=cols, thresholds=thresholds,
                                                progress=progress, cancelled=cancelled),
            self.show_report, self.tr("Lanen beoordelen"))

    def detect(self) -> None:
        uow_factory = self.window.uow_factory
        self.window.run_task(
            lambda progress, cancelled: detect_and_store(uow_factory(), progress=progress,
                                                         cancelled=cancelled),
            lambda _stored: self.refresh(), self.tr("Lanen herkennen"))

    # --- showing ---------------------------------------------------------------------------
    def show_report(self, report: LanenReport) -> None:
        if not report.lanen and not self.auto_detected and len(self.window.tree_model.columns):
            # First visit of a register without lanen: propose them straight away.
            self.auto_detected = True
            self.detect()
        keep = self.report.lanen[self.current].id if self.report and self.current is not None else None
        self.report = report
        self.model.set_report(report)
        self.layer.show_report(report)
        ids = [laan.id for laan in report.lanen]
        if keep in ids:
            self.table.selectRow(self.model.row_of(ids.index(keep)))
        else:
            self.show_laan(None)

    def gaps_of_current(self) -> list[Gap]:
        if self.report is None or self.current is None:
            return []
        return self.report.analysis.gaps_of(self.current)

    def show_laan(self, laan_index: int | None) -> None:
        self.current = laan_index
        self.gap_index = None
        if laan_index is None or self.report is None:
            self.detail.set_laan(None, None, [])
            self.detail.set_options([])
            self.layer.select(None)
            return
        laan = self.report.lanen[laan_index]
        self.detail.set_laan(laan, self.report.analysis.quality[laan_index], self.gaps_of_current())
        self.layer.select(laan)
        xmin, ymin, xmax, ymax = laan.geometry.bounds
        self.window.map_view.zoom_to(xmin - 20, ymin - 20, xmax + 20, ymax + 20)
        self._refresh_options()
        self._refresh_history()

    def _refresh_options(self) -> None:
        if self.current is None or self.report is None:
            return
        laan = self.report.lanen[self.current]
        self.detail.set_options(replanting_for_laan(
            self.window.uow_factory(), laan.id, self.detail.profiel(), gap_index=self.gap_index,
            cols=self.window.tree_model.columns, soil_volume_m3=self.detail.soil_volume()),
            self.gap_index)

    def _refresh_history(self) -> None:
        laan = self.report.lanen[self.current]
        changes, choices = laan_history(self.window.uow_factory(), laan.id)
        self.detail.set_history([(c.changed_at, c.field, c.new, c.reason) for c in changes])
        self.choices = choices

    def select_gap(self, index: int) -> None:
        gaps = self.gaps_of_current()
        if not 0 <= index < len(gaps):
            return
        gap = gaps[index]
        self.gap_index = index
        self._refresh_options()
        self.layer.select(self.report.lanen[self.current], gap)
        self.window.map_view.zoom_to(gap.x - GAP_ZOOM_M, gap.y - GAP_ZOOM_M,
                                     gap.x + GAP_ZOOM_M, gap.y + GAP_ZOOM_M)
        self.window.select_tree_ids([i for i in gap.tree_ids if i is not None])

    # --- decisions (undoable) --------------------------------------------------------------
    def _command_kw(self) -> dict:
        return dict(uow_factory=self.window.uow_factory, on_change=self._after_change,
                    on_error=lambda text: QMessageBox.warning(self.window, self.tr("Lanen"), text))

    def _after_change(self) -> None:
        QTimer.singleShot(0, self.refresh)

    def edit_thresholds(self, dialog: ThresholdsDialog | None = None) -> None:
        dialog = dialog or ThresholdsDialog(self.thresholds, self.window)
        if dialog.exec():
            self.set_thresholds(dialog.thresholds())

    def set_thresholds(self, thresholds) -> None:
        self.thresholds = thresholds
        if getattr(self.window, "settings", None) is not None:
            save_thresholds(self.window.settings, thresholds)
        self.refresh()

    def current_laan(self):
        return self.report.lanen[self.current] if self.report and self.current is not None else None

    def _edit_command(self, before, after) -> EditLaanCommand:
        return EditLaanCommand(before, after, **self._command_kw())

    def edit(self, dialog: LaanDialog | None = None) -> None:
        laan = self.current_laan()
        if laan is None:
            return
        dialog = dialog or LaanDialog(laan, self.window)
        if dialog.exec() and dialog.edited() != laan:
            self.window.undo_stack.push(self._edit_command(laan, dialog.edited()))

    def set_status(self, status: LaanStatus) -> None:
        if self.current is None:
            return
        laan = self.report.lanen[self.current]
        self.window.undo_stack.push(SetLaanStatusCommand(laan.id, laan.status, status,
                                                         **self._command_kw()))

    def choose(self, option, rationale: str) -> None:
        if self.current is None:
            return
        if not rationale.strip():
            self.detail.rationale.setFocus()
            self.window.statusBar().showMessage(self.tr("Leg de keuze kort uit in de motivering."), 5000)
            return
        laan = self.report.lanen[self.current]
        kw = self._command_kw()
        kw["on_change"] = self._refresh_history
        self.window.undo_stack.push(RecordChoiceCommand(laan.id, option, rationale,
                                                        gap_index=self.gap_index, **kw))
        self.detail.rationale.clear()

    # --- exports ---------------------------------------------------------------------------
    def export_gaps(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self.window, self.tr("Gaten exporteren"), "gaten.gpkg",
                                                   self.tr("GeoPackage (*.gpkg);;CSV (*.csv)"))[0]
        if path and self.report is not None:
            export_gaps(self.report, path)

    def export_report(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self.window, self.tr("Lanenrapport exporteren"),
                                                   "lanen.csv", self.tr("CSV (*.csv)"))[0]
        if path and self.report is not None:
            export_report(self.report, path)


def install(window) -> LanenScreen:
    screen = LanenScreen(window)
    window.lanen_screen = screen
    later = getattr(window, "after_first_frame", None) or (lambda f: QTimer.singleShot(0, f))
    later(screen.refresh)  # the analysis starts once the window has been painted
    return screen
