"""Inspecties ▸ Controles nodig…: the due list of boomveiligheidscontroles in a dock (filters,
counts per month, route order), the route list as PDF or CSV, and on the map a layer "Controle
nodig" (layers panel) and a colour mode (Beeld ▸ Kleur op). Workers get plain data only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.inspection_due import DueFilter, DueState
from bomenplan.domain.roles import Permission
from bomenplan.services.inspection_due import (
    areas,
    check_route_size,
    due_points,
    due_report,
    export_route_csv,
)
from bomenplan.services.inspection_rules_admin import load_rules, save_rules
from bomenplan.services.inspection_work_orders import create_work_orders_from_due
from bomenplan.services.report_writers import writer
from bomenplan.ui.access import guard_writes
from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.dialogs.inspection_rules_dialog import InspectionRulesDialog
from bomenplan.ui.models.due_list_model import STATE_COLOURS
from bomenplan.ui.user_identity import window_user
from bomenplan.ui.views.inspection_due_panel import InspectionDuePanel

CONTROLE_LAYER = "controle nodig"
COLOUR_MODE = "controle"
MAP_STATES = (DueState.NEVER, DueState.OVERDUE, DueState.DUE)  # drawn by the layer
UNKNOWN_COLOUR = "#9e9e9e"
SELECT_LIMIT = 20_000


def _report_job(factory, criteria: DueFilter, today: date, with_areas: bool):
    def job(_progress, _cancelled):
        report = due_report(factory(), criteria, today)
        return report, (areas(factory()) if with_areas else None)
    return job


def _write_job(report, path: Path, write_pdf):
    def job(_progress, _cancelled):
        if path.suffix.lower() == ".csv":
            export_route_csv(report, path)
        else:
            write_pdf(report, path)
        return path
    return job


def _save_rules_job(factory, changed, user: str):
    def job(_progress, _cancelled):
        return save_rules(factory(), changed, user)
    return job


def _work_orders_job(factory, items, user: str, today: date):
    def job(_progress, _cancelled):
        return create_work_orders_from_due(factory(), items, user, today)
    return job


def _points_of(factory, until: date, today: date):
    points = due_points(factory(), until, today)
    return {state: tuple(np.asarray(v) for v in values) for state, values in points.items()}


def due_layer(points) -> pg.ItemGroup:
    """One shared brush per state (few brushes: see map_view), overdue drawn on top."""
    group = pg.ItemGroup()
    for z, state in enumerate(reversed(MAP_STATES)):
        ids, xs, ys = points[state]
        if len(ids):
            item = pg.ScatterPlotItem(x=xs, y=ys, size=5, pen=None, brush=pg.mkBrush(STATE_COLOURS[state]))
            item.setZValue(z)
            item.setParentItem(group)
    group.setZValue(20)
    return group


class InspectionDueFeature(QObject):
    def __init__(self, window, today: date | None = None):
        super().__init__(window)
        self.window = window
        self.today = today or date.today()
        self.report = None
        self._loading = False
        self.points = None  # state → (ids, xs, ys) of every living tree
        self._points_until: date | None = None
        self._points_job = BackgroundJob(self, on_failed=self._on_failed)
        self.panel = InspectionDuePanel(today=self.today)
        self.panel.refresh_requested.connect(self.refresh)
        self.panel.print_requested.connect(self.ask_route_file)
        self.panel.show_on_map_requested.connect(self.show_on_map)
        self.panel.work_orders_requested.connect(self.create_work_orders)
        self.panel.tree_requested.connect(lambda tree_id: window.select_tree_ids([tree_id]))
        self.dock = window.add_dock(self.panel, self.tr("Controles nodig"),
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        menu = window.feature_menu(self.tr("&Inspecties"))
        menu.addAction(self.tr("Controles nodig…")).triggered.connect(self.open)
        menu.addAction(self.tr("Controle-intervallen…")).triggered.connect(self.edit_rules)
        self.rules_dialog: InspectionRulesDialog | None = None
        window.add_colour_mode(COLOUR_MODE, self.tr("Controle nodig"), self._colours)
        self._add_layer_row()

    # --- dock -------------------------------------------------------------------------------
    def open(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self._on_dock_visibility(True)

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self.report is None and not self._loading:
            self.refresh()

    def refresh(self) -> None:
        self._loading = True
        job = _report_job(self.window.uow_factory, self.panel.criteria(), self.today,
                          with_areas=self.panel.wijk.count() <= 1)
        self.window.run_task(job, self._on_report, self.tr("Controles nodig bepalen"),
                             on_failed=self._on_failed)

    def _on_report(self, result) -> None:
        self._loading = False
        self.report, found_areas = result
        if found_areas is not None:
            self.panel.set_areas(found_areas)
        self.panel.set_report(self.report)
        if self.report.criteria.until != self._points_until and self.points is not None:
            self._load_points()  # the map follows the chosen period

    def _on_failed(self, exc: BaseException) -> None:
        self._loading = False
        QMessageBox.warning(self.window, self.tr("Controles nodig"), str(exc))

    def ask_route_file(self) -> None:
        if not self.report or not self.report.items:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Routelijst opslaan"), "routelijst.pdf",
            self.tr("PDF (*.pdf);;CSV (*.csv)"))
        if path:
            self.write_route(Path(path))

    def write_route(self, path: Path) -> None:
        if path.suffix.lower() not in (".pdf", ".csv"):
            path = path.with_suffix(".pdf")
        if path.suffix.lower() == ".pdf":
            try:
                check_route_size(self.report)
            except ValidationError as exc:
                self._on_failed(exc)
                return
        self.window.run_task(_write_job(self.report, path, writer("inspection_route")), self._on_written,
                             self.tr("Routelijst schrijven"), on_failed=self._on_failed)

    def _on_written(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Routelijst opgeslagen: {0}").format(path), 10_000)

    def show_on_map(self) -> None:
        if not self.report:
            return
        ids = [i.tree.tree_id for i in self.report.items]
        if len(ids) > SELECT_LIMIT:
            self.window.statusBar().showMessage(self.tr(
                "{0} bomen is te veel om te selecteren; kies een wijk of buurt, of zet de kaartlaag "
                "'Controle nodig' aan.").format(len(ids)), 10_000)
            return
        self.window.select_tree_ids(ids)

    def create_work_orders(self) -> None:
        items = self.panel.chosen_items()
        if not items:
            return
        self.window.run_task(_work_orders_job(self.window.uow_factory, items,
                                              window_user(self.window), self.today),
                             self._on_work_orders, self.tr("Werkorders aanmaken"),
                             on_failed=self._on_failed)

    def _on_work_orders(self, result) -> None:
        self.window.statusBar().showMessage(self.tr(
            "{0} werkorders aangemaakt; {1} bomen overgeslagen (hebben al een lopende "
            "werkorder)").format(len(result.created), result.skipped), 10_000)
        orders = getattr(self.window, "work_orders_feature", None)
        if orders is not None:
            orders.refresh()

    # --- the beheerder's intervals ------------------------------------------------------------
    def edit_rules(self) -> None:
        self.rules_dialog = InspectionRulesDialog(load_rules(self.window.uow_factory()), self.window)
        self.rules_dialog.accepted.connect(lambda: self.save_rules(self.rules_dialog.changed()))
        self.rules_dialog.open()

    def save_rules(self, changed) -> None:
        if not changed:
            return
        self.window.run_task(_save_rules_job(self.window.uow_factory, changed, window_user(self.window)),
                             self._on_rules_saved, self.tr("Controle-intervallen opslaan"),
                             on_failed=self._on_failed)

    def _on_rules_saved(self, _rules) -> None:
        self.window.statusBar().showMessage(self.tr("Controle-intervallen opgeslagen"), 8_000)
        self.points = None  # due dates moved: list, layer and colours follow
        if self.report is not None:
            self.refresh()
        layers = getattr(self.window, "map_layers", None)
        shown = (layers is not None and layers.panel.row_of(CONTROLE_LAYER) >= 0
                 and layers.panel.is_shown(CONTROLE_LAYER))
        if shown or self.window.map_view.colour_mode() == COLOUR_MODE:
            self._load_points()

    # --- map: layer and colour mode -----------------------------------------------------------
    def _add_layer_row(self) -> None:
        layers = getattr(self.window, "map_layers", None)
        if layers is None:
            return
        # computed on demand: unchecked at start; the map layers feature applies later changes
        layers.panel.add_layer(CONTROLE_LAYER, self.tr("Controle nodig"), shown=False, movable=False)
        layers.panel.visibility_changed.connect(self._on_layer_visibility)

    def _on_layer_visibility(self, key: str, shown: bool) -> None:
        if key == CONTROLE_LAYER and shown and self.points is None:
            self._load_points()

    def _load_points(self) -> None:
        until = self.panel.criteria().until
        self._points_until = until
        self._points_job.submit(self._on_points, _points_of, self.window.uow_factory, until, self.today)

    def _on_points(self, points) -> None:
        self.points = points
        layers = getattr(self.window, "map_layers", None)
        if layers is not None and layers.panel.row_of(CONTROLE_LAYER) >= 0:
            self.window.map_view.add_layer(CONTROLE_LAYER, due_layer(points))  # visibility applied
        self.window.map_view.refresh_colours()

    def _colours(self, columns):
        """Palette group per register row: the states in DueState order, last = unknown (a tree
        not living, or the states are still being worked out)."""
        legend = [(self.tr(str(s)), STATE_COLOURS[s]) for s in DueState]
        legend.append((self.tr("onbekend"), UNKNOWN_COLOUR))
        groups = np.full(len(columns.id), len(DueState), dtype=np.uint8)
        if self.points is None:
            if not self._points_job.is_running():
                self._load_points()
            return groups, legend
        for code, state in enumerate(DueState):
            ids = self.points[state][0]
            if len(ids):
                groups[np.isin(columns.id, ids)] = code
        return groups, legend


def install(window) -> InspectionDueFeature:
    feature = InspectionDueFeature(window)
    window.inspection_due = feature
    guard_writes(window, Permission.WORK_ORDERS, feature.panel.work_order_button)
    return feature
