"""The main window: register table and map sharing one selection, menus, docks and tasks.

Feature screens use only the API documented in the team brief: uow_factory, undo_stack,
feature_menu, add_dock, tree_model, reload_register, selected_tree_ids, select_tree_ids,
tree_selection_changed, map_view (plot_item, add_layer, remove_layer, zoom_to) and run_task.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.values import TreeStatus
from bomenplan.services.register import load_register
from bomenplan.ui import features, register_actions, workspaces
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.models.tree_table_model import COLUMNS, TreeTableModel
from bomenplan.ui.register_completion import RegisterCompletion
from bomenplan.ui.settings import (
    COLOUR_MODE,
    SPLITTER_STATE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from bomenplan.ui.task_watcher import TaskWatcher
from bomenplan.ui.views.map_view import MapView
from bomenplan.ui.workers import FunctionRunnable, serial_pool

COLUMN_WIDTHS = {"boomnummer": 110, "species_name": 230, "plantjaar": 70, "hoogteklasse": 80,
                 "stamdiameter_cm": 95, "boomveiligheidsklasse": 120, "beheertype": 120,
                 "status": 90, "beleidsstatus": 110, "eigenaar": 110, "straat": 160,
                 "wijk": 120, "buurt": 120}
SEARCH_DELAY_MS = 180
DOCK_MAX_MIN_WIDTH = 440
KEEP_SELECTION_MAX = 10_000  # selections up to this size survive a filter change
DEFERRED_START_MS = 50  # start-up work of features waits until the map has been painted
DEFERRED_FALLBACK_MS = 2000  # … or this long after show, should no paint come


class MainWindow(QMainWindow):
    tree_selection_changed = Signal(list)  # ids of the selected trees

    def __init__(self, uow_factory: Callable, settings: Settings | None = None,
                 title: str = "", parent=None, columns: RegisterColumns | None = None):
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.settings = settings or Settings()
        self.undo_stack = QUndoStack(self)
        self.task_pool = serial_pool()
        self._tasks: set[FunctionRunnable] = set()
        self._idle_dialogs: list[QProgressDialog] = []
        self._menus: dict[str, QMenu] = {}
        self._kept_ids: list[int] = []
        self._shown_once = False
        self._deferred: list[Callable[[], None]] | None = []  # None once they have run
        self._docks: dict[Qt.DockWidgetArea, list[QDockWidget]] = {}
        self._locale = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
        self.setWindowTitle(title or self.tr("Bomenplan — bomenregister"))
        self.setObjectName("MainWindow")

        self.tree_model = TreeTableModel(parent=self)
        self.selection_model = QItemSelectionModel(self.tree_model, self)
        self._build_central()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self.map_view.set_colour_mode(self.settings.colour_mode)
        self._painted = False  # the map's first frame has been drawn
        self._completion = RegisterCompletion(self, self._on_register_complete)
        self.reload_register(columns)

        features.install_all(self)
        register_actions.install(self)
        workspaces.install(self)
        for docks in self._docks.values():
            if docks:
                docks[0].raise_()
        self._restore_layout()

    # --- construction ----------------------------------------------------------------------
    def _build_central(self) -> None:
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Zoek op boomnummer, soort of straat…"))
        self.search_field.setClearButtonEnabled(True)
        self.genus_filter = self._filter_combo(self.tr("Alle soorten"))
        self.status_filter = self._filter_combo(self.tr("Alle statussen"))
        for status in TreeStatus:
            self.status_filter.addItem(status.value.capitalize(), status.value)
        self.wijk_filter = self._filter_combo(self.tr("Alle wijken"))

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for combo in (self.genus_filter, self.status_filter, self.wijk_filter):
            filters.addWidget(combo, 1)

        self.table = QTableView()
        self.table.setModel(self.tree_model)
        self.table.setSelectionModel(self.selection_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for i, (key, _) in enumerate(COLUMNS):
            header.resizeSection(i, COLUMN_WIDTHS.get(key, 100))
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # register order until clicked
        self.table.setSortingEnabled(True)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 2, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_field)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        self.map_view = MapView()
        self.map_view.set_model(self.tree_model, self.selection_model)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.map_view)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([620, 760])
        self.setCentralWidget(self.splitter)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)

    def _filter_combo(self, all_label: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_label, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _build_menus(self) -> None:
        file_menu = self.feature_menu(self.tr("&Bestand"))
        self.import_action = QAction(self.tr("&Importeren…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.export_action = QAction(self.tr("&Exporteren…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        for action in (self.import_action, self.export_action):
            action.setEnabled(False)  # enabled by register_actions when its dialogs exist
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Afsluiten"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu = file_menu

        self.edit_menu = self.feature_menu(self.tr("Be&werken"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Ongedaan maken"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Opnieuw"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()

        self.view_menu = self.feature_menu(self.tr("Bee&ld"))
        self.colour_menu = self.view_menu.addMenu(self.tr("Kleur op"))
        self._colour_group = QActionGroup(self)
        self.colour_actions: dict[str, QAction] = {}
        for mode, label in (("genus", self.tr("Soortgroep")), ("status", self.tr("Status"))):
            self._add_colour_action(mode, label)
        zoom_all = self.view_menu.addAction(self.tr("Hele gemeente tonen"))
        zoom_all.setShortcut(QKeySequence("Ctrl+0"))
        zoom_all.triggered.connect(self.map_view.zoom_to_all)
        self.view_menu.addSeparator()

    def _add_colour_action(self, mode: str, label: str) -> None:
        action = self.colour_menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(mode == self.settings.colour_mode)
        action.triggered.connect(lambda _checked=False, m=mode: self._set_colour_mode(m))
        self._colour_group.addAction(action)
        self.colour_actions[mode] = action

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.selection_label = QLabel()
        self.statusBar().addPermanentWidget(self.selection_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.cursor_label = QLabel()  # RD New coordinates under the cursor
        self.statusBar().addPermanentWidget(self.cursor_label)
        self.map_view.cursor_moved.connect(self.cursor_label.setText)

    def _connect(self) -> None:
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_field.returnPressed.connect(self._apply_filters)
        self._search_timer.timeout.connect(self._apply_filters)
        for combo in (self.genus_filter, self.status_filter, self.wijk_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        model = self.tree_model
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        model.modelReset.connect(self._on_model_reset)
        model.rowsInserted.connect(self._update_counts)
        model.rowsRemoved.connect(self._update_counts)
        self.selection_model.selectionChanged.connect(self._on_selection_changed)
        self.map_view.tree_clicked.connect(self._on_map_tree_clicked)

    def _restore_layout(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        self._first_layout = geometry.isEmpty()
        if geometry.isEmpty():
            self.resize(1400, 860)
        else:
            self.restoreGeometry(geometry)
        state = self.settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get(SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # the map knows its real size only now
            self._shown_once = True
            if self._first_layout:
                self._default_dock_sizes()
            self.workspaces.start()  # the window's real width sizes the docks
            self.map_view.zoom_to_all()
            self.map_view.viewport().installEventFilter(self)  # start-up work after its paint
            if not self.tree_model.is_complete():
                self._completion.start_once()  # stage 2 of the read overlaps the first paint
            QTimer.singleShot(DEFERRED_FALLBACK_MS, self._run_deferred)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.map_view.viewport():
            watched.removeEventFilter(self)
            QTimer.singleShot(DEFERRED_START_MS, self._run_deferred)
        return super().eventFilter(watched, event)

    def _run_deferred(self) -> None:
        self._painted = True
        if not self.tree_model.is_complete():  # features wait for stage 2 of the read
            self._completion.start_once()
            return
        callbacks, self._deferred = self._deferred or [], None
        for callback in callbacks:
            callback()

    def startup_work_pending(self) -> bool:
        """True while start-up work is queued or running (deferred callbacks, tasks, plain-data
        jobs, the map's exact points, features' single-shot timers); the launch probe waits."""
        return (self._deferred is not None or bool(self._tasks)
                or not self.map_view.is_scatter_ready()
                or any(job.is_running() for job in self.findChildren(BackgroundJob))
                or any(t.isActive() and t.isSingleShot() for t in self.findChildren(QTimer)))

    def _default_dock_sizes(self) -> None:
        """Docks take a modest share; table and map keep most of the window."""
        for area, size, orientation in (
                (Qt.DockWidgetArea.RightDockWidgetArea, 420, Qt.Orientation.Horizontal),
                (Qt.DockWidgetArea.LeftDockWidgetArea, 320, Qt.Orientation.Horizontal),
                (Qt.DockWidgetArea.BottomDockWidgetArea, 190, Qt.Orientation.Vertical)):
            docks = self._docks.get(area, [])
            if docks:
                self.resizeDocks(docks[:1], [size], orientation)

    def closeEvent(self, event) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        self.settings.set(SPLITTER_STATE, self.splitter.saveState())
        self.workspaces.save()
        for task in list(self._tasks):
            task.cancel()
        super().closeEvent(event)

    # --- API for feature screens -----------------------------------------------------------
    def feature_menu(self, title: str) -> QMenu:
        """The top-level menu with this title, created on first use."""
        key = title.replace("&", "")
        if key not in self._menus:
            self._menus[key] = self.menuBar().addMenu(title)
        return self._menus[key]

    def add_dock(self, widget: QWidget, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """A dock in `area`; docks sharing an area become tabs. A widget that insists on more
        than DOCK_MAX_MIN_WIDTH pixels gets a scroll area so it cannot squeeze table and map."""
        dock = QDockWidget(title, self)
        dock.setObjectName("dock_" + "".join(c if c.isalnum() else "_" for c in title))
        if widget.minimumSizeHint().width() > DOCK_MAX_MIN_WIDTH:
            scroller = QScrollArea()
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidgetResizable(True)
            scroller.setWidget(widget)
            widget = scroller
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        same_area = self._docks.setdefault(area, [])
        if same_area:  # one tab per screen keeps the map large
            self.tabifyDockWidget(same_area[-1], dock)
        same_area.append(dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def after_first_frame(self, callback: Callable[[], None]) -> None:
        """Run start-up work (statistics, analyses) once the window has been painted."""
        if self._deferred is None:
            QTimer.singleShot(0, callback)
        else:
            self._deferred.append(callback)

    def add_colour_mode(self, name: str, label: str, function) -> None:
        """A map colour mode of a feature in Beeld ▸ Kleur op; `function(columns)` →
        (palette group per register row, [(legend label, colour)], last = unknown)."""
        self.map_view.add_colour_mode(name, function)
        self._add_colour_action(name, label)
        if self.settings.get(COLOUR_MODE) == name:  # chosen in an earlier session
            self.after_first_frame(lambda: self._set_colour_mode(name))

    def reload_register(self, columns: RegisterColumns | None = None) -> None:
        """Show the register read again (after an import or someone else's edits); pass
        `columns` already loaded in a worker to keep the GUI thread free."""
        if columns is None:
            columns = load_register(self.uow_factory())
        self.tree_model.set_columns(columns)
        self._fill_choice_filters()
        complete = self.tree_model.is_complete()
        for widget in (self.search_field, self.wijk_filter):  # they need stage 2's fields
            widget.setEnabled(complete)
        if not complete and self._painted:
            self._completion.start()
        elif complete and self._painted and self._deferred is not None:
            self._run_deferred()  # read in full meanwhile (e.g. an import): start-up work may go

    def _on_register_complete(self) -> None:
        """Stage 2 of the register read is merged: filters on all fields, then the start-up
        work of features (once the map has been painted)."""
        self._fill_choice_filters()
        for widget in (self.search_field, self.wijk_filter):
            widget.setEnabled(True)
        if self._painted:
            self._run_deferred()

    def selected_tree_ids(self) -> list[int]:
        rows = [np.arange(r.top(), r.bottom() + 1) for r in self.selection_model.selection()]
        if not rows:
            return []
        base = self.tree_model.base_rows()[np.unique(np.concatenate(rows))]
        return self.tree_model.columns.id[base].tolist()

    def select_tree_ids(self, ids: list[int]) -> None:
        """Select these trees in table and map; the map centres on them when out of view."""
        self.map_view.select_ids(ids, additive=False, centre=True)
        self._scroll_to_current()

    def run_task(self, fn: Callable, on_done: Callable[[object], None], label: str,
                 on_failed: Callable[[BaseException], None] | None = None) -> FunctionRunnable:
        """Run fn(progress, cancelled) on the serial database pool with a delayed progress dialog."""
        task = FunctionRunnable(fn)
        TaskWatcher(self, task, self._progress_dialog(label), on_done, on_failed, label)
        self._tasks.add(task)
        self.task_pool.start(task)
        return task

    def _progress_dialog(self, label: str) -> QProgressDialog:
        dialog = (self._idle_dialogs.pop() if self._idle_dialogs
                  else QProgressDialog("", self.tr("Annuleren"), 0, 100, self))
        dialog.setLabelText(label)
        dialog.setWindowTitle(label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        return dialog

    # --- slots -----------------------------------------------------------------------------
    def _set_colour_mode(self, mode: str) -> None:
        self.settings.colour_mode = mode
        self.map_view.set_colour_mode(mode)
        self.colour_actions[mode].setChecked(True)

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.tree_model.set_filters(text=self.search_field.text(),
                                    genus=self.genus_filter.currentData(),
                                    status=self.status_filter.currentData(),
                                    wijk=self.wijk_filter.currentData())

    def _fill_choice_filters(self) -> None:
        for combo, key in ((self.genus_filter, "genus"), (self.wijk_filter, "wijk")):
            if key == "wijk" and not self.tree_model.is_complete():
                continue  # filled once stage 2 of the read has come
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in self.tree_model.categories(key).uniques:
                if value:
                    combo.addItem(value, value)
            index = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _on_model_about_to_be_reset(self) -> None:
        ids = self.selected_tree_ids()
        self._kept_ids = ids if len(ids) <= KEEP_SELECTION_MAX else []

    def _on_model_reset(self) -> None:
        if self._kept_ids:
            self.map_view.select_ids(self._kept_ids, additive=False, centre=False)
            self._kept_ids = []
        self._update_counts()

    def _update_counts(self, *args) -> None:
        shown, total = self.tree_model.rowCount(), self.tree_model.total_count()
        self.count_label.setText(self.tr("%1 van %2 bomen").replace(
            "%1", self._locale.toString(shown)).replace("%2", self._locale.toString(total)))

    def _on_selection_changed(self, *args) -> None:
        ids = self.selected_tree_ids()
        self.selection_label.setText(
            self.tr("%1 geselecteerd").replace("%1", self._locale.toString(len(ids))) if ids else "")
        self.tree_selection_changed.emit(ids)

    def _on_map_tree_clicked(self, _tree_id: int, _additive: bool) -> None:
        self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        current = self.selection_model.currentIndex()
        if current.isValid():
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
