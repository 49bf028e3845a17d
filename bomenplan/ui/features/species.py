"""Species feature: catalogue screen, diversity (10-20-30), unmatched register names, statistics
dock that follows filter and selection, and map colouring by eco score / native status."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QVBoxLayout

from bomenplan.services import species_catalogue as catalogue
from bomenplan.services import species_register as register
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.dialogs.unmatched_species_dialog import UnmatchedSpeciesDialog
from bomenplan.ui.models.column_index import factorize
from bomenplan.ui.models.species_models import tr
from bomenplan.ui.user_identity import window_user
from bomenplan.ui.views.diversity_view import DiversityView
from bomenplan.ui.views.species_catalogue_view import SpeciesCatalogueView
from bomenplan.ui.views.species_map_layer import colour_mode
from bomenplan.ui.views.species_statistics_panel import (
    SpeciesStatisticsPanel,
    statistics_of,
    unknown_labels,
)


def install(window) -> SpeciesFeature:
    catalogue.ensure_catalogue(window.uow_factory())
    feature = SpeciesFeature(window)
    window.species_feature = feature
    return feature


def _eco_of(uow_factory, columns) -> tuple[object, np.ndarray, np.ndarray]:
    """(columns, eco score, native status) per register row; plain data, runs in a worker."""
    found = register.lookup(uow_factory())
    weights = catalogue.current_weights(uow_factory())
    score, native = register.eco_columns(columns, found, weights)
    return columns, score, native


def _eco_and_species_of(uow_factory, columns):
    """Start-up work of the feature in one worker call: eco columns and the species column
    factorised for the statistics."""
    species = factorize(columns.species_name)
    return _eco_of(uow_factory, columns), (species.codes, species.uniques)


def _screen(window, title: str, widget) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle(title)
    QVBoxLayout(dialog).addWidget(widget)
    dialog.resize(1100, 680)  # fits a 1366×768 screen with title and task bar
    return dialog


class SpeciesFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._eco: tuple[object, np.ndarray, np.ndarray] | None = None  # (columns, score, native)
        self.catalogue_view: SpeciesCatalogueView | None = None
        self.diversity_view: DiversityView | None = None
        menu = window.feature_menu(tr("&Soorten"))
        menu.addAction(tr("Soortencatalogus…"), self.show_catalogue)
        menu.addAction(tr("Diversiteit 10-20-30…"), self.show_diversity)
        menu.addAction(tr("Onbekende soorten in het register…"), self.show_unmatched)
        window.add_colour_mode("ecoscore", tr("Ecologische score"),
                               colour_mode("score", self.eco_arrays))
        window.add_colour_mode("inheems", tr("Inheems / ingeburgerd / exoot"),
                               colour_mode("native", self.eco_arrays))
        self.statistics = SpeciesStatisticsPanel()
        self.dock = window.add_dock(self.statistics, tr("Statistiek"))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh_statistics)
        model = window.tree_model
        model.modelReset.connect(self._timer.start)  # filter (eco arrays check the columns)
        model.rowsRemoved.connect(self._timer.start)
        model.layoutChanged.connect(self._timer.start)
        model.dataChanged.connect(self._on_register_changed)
        model.rowsInserted.connect(self._on_register_changed)
        window.tree_selection_changed.connect(self._timer.start)
        window.undo_stack.indexChanged.connect(self._on_catalogue_changed)
        model.add_extra_column("ecoscore", tr("Ecoscore"), lambda _cols: self.eco_arrays()[0])
        model.add_extra_column("inheems", tr("Inheems/exoot"), lambda _cols: self.eco_arrays()[1])
        self._stale = True  # statistics wait until the dock is shown (lazy)
        self._started = False  # nothing is computed before the window's first frame
        self._eco_job = BackgroundJob(self)
        self._stats_job = BackgroundJob(self)
        self._species: tuple[object, tuple[np.ndarray, list]] | None = None  # (columns, factorised)
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        self.statistics.installEventFilter(self)  # a shown tab / reopened dock catches up
        after_first_frame = getattr(window, "after_first_frame", None)
        if after_first_frame is None:
            self._start()
        else:
            after_first_frame(self._start)

    def _start(self) -> None:
        """After the first frame: eco columns in a worker, then the statistics."""
        self._started = True
        columns = self.window.tree_model.columns
        self._eco_job.submit(self._on_eco_ready, _eco_and_species_of, self.window.uow_factory,
                             columns)

    def _on_eco_ready(self, result) -> None:
        eco, species = result
        if eco[0] is self.window.tree_model.columns:
            self._eco = self._eco or eco
            self._species = self._species or (eco[0], species)
        self._timer.start()

    # --- eco columns per register row (cached until the register changes) -----------------
    def eco_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        columns = self.window.tree_model.columns
        if self._eco is None or self._eco[0] is not columns or len(self._eco[1]) != len(columns):
            self._eco = _eco_of(self.window.uow_factory, columns)
        return self._eco[1], self._eco[2]

    def invalidate(self) -> None:
        self._eco = None

    def _on_register_changed(self, *_args) -> None:
        self.invalidate()
        self._timer.start()

    def _on_catalogue_changed(self, *_args) -> None:
        """A catalogue edit may change scores: the computed table columns follow."""
        self.invalidate()
        self.window.tree_model.refresh_extra_columns()
        self.window.map_view.refresh_colours()

    # --- statistics dock ---------------------------------------------------------------------
    def current_rows(self) -> tuple[np.ndarray, str]:
        """Rows of the selection, else of the visible (filtered) trees."""
        model = self.window.tree_model
        ids = self.window.selected_tree_ids()
        if ids:
            base = [model.base_index_of_id(i) for i in ids]
            return np.array([b for b in base if b is not None], dtype=np.int64), tr("Selectie")
        return np.asarray(model.base_rows(), dtype=np.int64), tr("Zichtbare bomen")

    def refresh_statistics(self) -> None:
        """Recompute the dock; while it is hidden (another tab) or the eco columns are still
        computed in the worker, only remember it is stale."""
        self._stale = True
        if (self.window.isVisible() and not self.dock.isVisible()) or self._eco_job.is_running():
            return
        self._stale = False
        rows, scope = self.current_rows()
        score, native = self.eco_arrays()
        columns = self.window.tree_model.columns
        if self._species is None or self._species[0] is not columns:
            species = self.window.tree_model.categories("species_name")
            self._species = (columns, (species.codes, species.uniques))
        self._stats_job.submit(lambda stats: self.statistics.show_statistics(stats, scope),
                               statistics_of, columns, rows.copy(), score, native, self._species[1],
                               unknown_labels())

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self._stale and self._started:
            self._timer.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and self._stale and self._started:
            self._timer.start()
        return False

    # --- screens -------------------------------------------------------------------------------
    def show_catalogue(self) -> None:
        if self.catalogue_view is None:
            self.catalogue_view = SpeciesCatalogueView(self.window.uow_factory,
                                                       self.window.undo_stack,
                                                       user=lambda: window_user(self.window))
            self._catalogue_dialog = _screen(self.window, tr("Soortencatalogus"),
                                             self.catalogue_view)
        self._catalogue_dialog.show()
        self._catalogue_dialog.raise_()

    def show_diversity(self) -> None:
        if self.diversity_view is None:
            self.diversity_view = DiversityView(self.window.uow_factory,
                                                lambda: self.window.tree_model.columns)
            self._diversity_dialog = _screen(self.window, tr("Diversiteit (Santamour 10-20-30)"),
                                             self.diversity_view)
            self.diversity_view.set_grouping("wijk")
        self._diversity_dialog.show()
        self.diversity_view.refresh()

    def show_unmatched(self) -> None:
        dialog = UnmatchedSpeciesDialog(self.window.uow_factory, self._on_mapped, self.window,
                                        user=window_user(self.window))
        dialog.show()

    def _on_mapped(self) -> None:
        self._on_catalogue_changed()
