"""The lanen screen: overview (worst first), map layer, laan detail with gaps and replanting
options, detection with progress and Cancel, accept / reject, exports. `install(window)` wires
it into the main window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.errors import Cancelled
from bomenplan.domain.laan import LaanStatus
from bomenplan.domain.laan_gaps import Gap
from bomenplan.domain.replant_criteria import LaanSite
from bomenplan.domain.roles import Permission
from bomenplan.services.laan_sites import laan_site
from bomenplan.services.lanen import (
    DetectionSummary,
    LanenReport,
    analyse,
    detect_and_summarise,
    laan_history,
    replanting_for_laan,
)
from bomenplan.services.lanen_export import export_gaps, export_report
from bomenplan.ui.access import guard_writes
from bomenplan.ui.dialogs.thresholds_dialog import load_thresholds
from bomenplan.ui.features.lanen_decisions import LanenDecisions
from bomenplan.ui.laan_commands import SetLaanSiteCommand
from bomenplan.ui.models.lanen_models import LanenTableModel
from bomenplan.ui.views.laan_detail import LaanDetail
from bomenplan.ui.views.laan_line_tool import AdjustRowTool
from bomenplan.ui.views.lanen_layer import LanenLayer

GAP_ZOOM_M = 60.0
# A city register is not scanned unasked at every start: detection of 300k trees takes tens of
# seconds and ~0.5 GB; it is one click in the Lanen menu.
AUTO_DETECT_MAX_TREES = 50_000


class LanenScreen(LanenDecisions, QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.report: LanenReport | None = None
        self.current: int | None = None  # laan index in the report
        self.choices = []  # recorded choices of the current laan
        self.gap_index: int | None = None  # options for one gap, or (None) for the whole laan
        self.thresholds = load_thresholds(getattr(window, "settings", None))
        self._stored: dict = {}  # laan id → the laan as this session last stored it
        self.auto_detected = False
        self.last_detection: DetectionSummary | None = None
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
        self.table.verticalHeader().setDefaultSectionSize(22)  # more lanen in view
        self.table.horizontalHeader().setDefaultSectionSize(84)
        self.table.horizontalHeader().setStretchLastSection(True)
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
        top.setMinimumHeight(220)  # ~7 lanen in view, also at 768 px screen height
        self.detail = LaanDetail()
        self.detail.gap_selected.connect(self.select_gap)
        self.detail.profile_changed.connect(self._refresh_options)
        self.detail.site_changed.connect(self._on_detail_site_changed)
        self.detail.choose_requested.connect(self.choose)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)  # the list shows ~8 lanen at 768 px screen height
        splitter.setStretchFactor(1, 3)
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
        factory, cols, thresholds = self.window.uow_factory, self.window.tree_model.columns, self.thresholds
        self.window.run_task(
            lambda progress, cancelled: analyse(factory(), cols=cols, thresholds=thresholds,
                                                progress=progress, cancelled=cancelled),
            self.show_report, self.tr("Lanen beoordelen"), on_failed=self._show_failure)

    def detect(self) -> None:
        factory = self.window.uow_factory
        self.window.run_task(
            lambda progress, cancelled: detect_and_summarise(factory(), progress=progress,
                                                             cancelled=cancelled),
            self.show_detection, self.tr("Lanen herkennen"), on_failed=self._show_failure)

    def _show_failure(self, error: BaseException) -> None:
        """An analysis that fails (e.g. at start-up) is reported in the status bar, not a box."""
        if not isinstance(error, Cancelled):
            self.window.statusBar().showMessage(self.tr("Lanen: %1").replace("%1", str(error)))

    def show_detection(self, summary: DetectionSummary) -> None:
        self.last_detection = summary
        text = self.tr("%1 lanen herkend").replace("%1", str(len(summary.stored)))
        self.window.statusBar().showMessage("; ".join([text, *summary.lines()]))
        self.refresh()

    # --- showing ---------------------------------------------------------------------------
    def show_report(self, report: LanenReport) -> None:
        n_trees = len(self.window.tree_model.columns)
        if not report.lanen and not self.auto_detected and n_trees:
            # First visit of a register without lanen: propose them straight away (small ones).
            self.auto_detected = True
            if n_trees <= AUTO_DETECT_MAX_TREES:
                self.detect()
            else:
                self.window.statusBar().showMessage(self.tr(
                    "Nog geen lanen in dit register: kies Lanen ▸ Lanen herkennen…"), 15000)
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
        self.detail.set_site(laan_site(self.window.uow_factory(), laan.id))
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
            cols=self.window.tree_model.columns, soil_volume_m3=self.detail.soil_volume(),
            **self.detail.site()),
            self.gap_index)

    def _on_detail_site_changed(self) -> None:
        if self.current is None or self.report is None:
            return
        laan_id = self.report.lanen[self.current].id
        before = laan_site(self.window.uow_factory(), laan_id)
        after = LaanSite(laan_id, **self.detail.site())
        kw = self._command_kw() | {"on_change": self._on_site_stored}
        self.window.undo_stack.push(SetLaanSiteCommand(before, after, **kw))

    def _on_site_stored(self) -> None:
        if self.current is not None and self.report is not None:
            self.detail.set_site(laan_site(self.window.uow_factory(), self.report.lanen[self.current].id))
            self._refresh_options()
            self._refresh_history()

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

    # --- exports ---------------------------------------------------------------------------
    def export_gaps(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self.window, self.tr("Gaten exporteren"), "gaten.gpkg",
                                                   self.tr("GeoPackage (*.gpkg);;CSV (*.csv)"))[0]
        if path and self.report is not None:
            export_gaps(self.report, path)

    def export_report(self, path: str | None = None) -> None:
        path = path or QFileDialog.getSaveFileName(self.window, self.tr("Lanenrapport exporteren"),
                                                   "lanen.csv",
                                                   self.tr("CSV (*.csv);;GeoPackage voor QGIS (*.gpkg)"))[0]
        if path and self.report is not None:
            export_report(self.report, path)


def install(window) -> LanenScreen:
    screen = LanenScreen(window)
    window.lanen_screen = screen
    guard_writes(window, Permission.LANEN, screen.accept_button, screen.reject_button,
                 screen.edit_button, screen.adjust_button)
    later = getattr(window, "after_first_frame", None) or (lambda f: QTimer.singleShot(0, f))
    later(screen.refresh)  # the analysis starts once the window has been painted
    return screen
