"""Species feature: catalogue screen, diversity (10-20-30), unmatched register names, statistics
dock that follows filter and selection, and map colouring by eco score / native status."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QDialog, QVBoxLayout

from bomenplan.services import species_catalogue as catalogue
from bomenplan.services import species_register as register
from bomenplan.ui.dialogs.unmatched_species_dialog import UnmatchedSpeciesDialog
from bomenplan.ui.models.species_models import tr
from bomenplan.ui.user_identity import window_user
from bomenplan.ui.views.diversity_view import DiversityView
from bomenplan.ui.views.species_catalogue_view import SpeciesCatalogueView
from bomenplan.ui.views.species_map_layer import colour_mode
from bomenplan.ui.views.species_statistics_panel import SpeciesStatisticsPanel


def install(window) -> SpeciesFeature:
    catalogue.ensure_catalogue(window.uow_factory())
    feature = SpeciesFeature(window)
    window.species_feature = feature
    return feature


def _screen(window, title: str, widget) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle(title)
    QVBoxLayout(dialog).addWidget(widget)
    dialog.resize(1100, 750)
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
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        self.statistics.installEventFilter(self)  # a shown tab / reopened dock catches up
        after_first_frame = getattr(window, "after_first_frame", None)
        if after_first_frame is None:
            self.refresh_statistics()
        else:
            after_first_frame(self._timer.start)

    # --- eco columns per register row (cached until the register changes) -----------------
    def eco_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        columns = self.window.tree_model.columns
        if self._eco is None or self._eco[0] is not columns or len(self._eco[1]) != len(columns):
            found = register.lookup(self.window.uow_factory())
            weights = catalogue.current_weights(self.window.uow_factory())
            score, native = register.eco_columns(columns, found, weights)
            self._eco = (columns, score, native)
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
        """Recompute the dock; while it is hidden (another tab) only remember it is stale."""
        self._stale = True
        if self.window.isVisible() and not self.dock.isVisible():
            return
        self._stale = False
        rows, scope = self.current_rows()
        score, native = self.eco_arrays()
        model = self.window.tree_model
        species = model.categories("species_name")
        self.statistics.show_rows(model.columns, rows, score, native, scope,
                                  species=(species.codes, species.uniques))

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self._stale:
            self._timer.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show and self._stale:
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
