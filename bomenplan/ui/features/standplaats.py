"""Standplaats in the main window: the record and problems of the selected tree's site, a map
layer of open problems and soil-volume shortages, and the plan check (draw or import a plan
area; list, map and PDF of the affected trees)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox
from shapely.geometry import Polygon

from bomenplan.domain.dutch_text import decimal_nl
from bomenplan.domain.roles import Permission
from bomenplan.services.csv_output import write_csv
from bomenplan.services.plan_check import check_plan_area, check_plan_file
from bomenplan.services.report_writers import writer
from bomenplan.services.soil_summary import soil_report
from bomenplan.services.standplaats import get_standplaats, problem_sites, problems
from bomenplan.ui.access import guard_writes
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.dialogs.standplaats_dialog import StandplaatsDialog
from bomenplan.ui.settings import USER_NAME
from bomenplan.ui.standplaats_commands import (
    AddProblemCommand,
    ChangeProblemCommand,
    SaveStandplaatsCommand,
)
from bomenplan.ui.views.plan_check_panel import LAYER as PLAN_LAYER
from bomenplan.ui.views.plan_check_panel import PlanCheckPanel, plan_layer
from bomenplan.ui.views.plan_polygon_tool import PlanPolygonTool

SITE_LAYER = "standplaats"
PLAN_FILTER = "Geobestanden (*.gpkg *.geojson *.json *.shp)"


def site_layer(problem_xy: list[tuple[float, float]], shortage_xy: list[tuple[float, float]]) -> pg.ItemGroup:
    """Orange triangles: sites with open problems; brown squares: trees short of soil volume."""
    group = pg.ItemGroup()
    for points, symbol, colour in ((shortage_xy, "s", "#795548"), (problem_xy, "t", "#ef6c00")):
        if points:
            xs, ys = zip(*points, strict=True)
            item = pg.ScatterPlotItem(list(xs), list(ys), size=11, symbol=symbol, brush=pg.mkBrush(colour),
                                      pen=pg.mkPen("#263238", width=0.6))
            item.setParentItem(group)
    group.setZValue(20)
    return group


class StandplaatsFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = PlanCheckPanel()
        self.panel.draw_requested.connect(self.draw_plan)
        self.panel.import_requested.connect(self.import_plan)
        self.panel.pdf_requested.connect(self.export_pdf)
        self.panel.csv_requested.connect(self.export_csv)
        self.panel.trees_requested.connect(window.select_tree_ids)
        self.dock = window.add_dock(self.panel, self.tr("Plangebied"), Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self.tool = PlanPolygonTool(window.map_view.plot_item, self)
        self.tool.polygon_finished.connect(self._on_tool_polygon_finished)
        menu = window.feature_menu(self.tr("&Standplaats"))
        menu.addAction(self.tr("Standplaats van gekozen boom…"), self.edit_selected)
        self.layer_action = menu.addAction(self.tr("Problemen en tekorten op de kaart"))
        self.layer_action.setCheckable(True)
        self.layer_action.toggled.connect(self._on_layer_action_toggled)
        menu.addSeparator()
        menu.addAction(self.tr("Plangebied tekenen"), self.draw_plan)
        menu.addAction(self.tr("Plangebied importeren…"), self.import_plan)
        menu.addAction(self.dock.toggleViewAction())
        self.dialog: StandplaatsDialog | None = None
        self._edited: tuple = (None, None, "")  # site id, tree id, title of the record dialog

    def _user(self) -> str:
        settings = getattr(self.window, "settings", None)
        return settings.get(USER_NAME) if settings is not None else ""

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Standplaats"), message)

    # --- record and problems ---------------------------------------------------------------
    def site_of(self, tree_id: int) -> int | None:
        cols = self.window.tree_model.columns
        rows = np.flatnonzero(cols.id == tree_id)
        return int(cols.site_id[rows[0]]) if len(rows) else None

    def edit_selected(self) -> None:
        ids = self.window.selected_tree_ids()
        if not ids:
            self._warn(self.tr("Kies eerst een boom op de kaart of in de tabel."))
            return
        self.edit_site(self.site_of(ids[0]), ids[0])

    def edit_site(self, site_id: int, tree_id: int | None = None, base=None, values=None) -> StandplaatsDialog:
        """The record dialog; `base`/`values` reopen it after a save conflict (see _on_save_resolved)."""
        uow = self.window.uow_factory
        record = base if base is not None else get_standplaats(uow(), site_id)
        cols = self.window.tree_model.columns
        title = str(cols.boomnummer[np.flatnonzero(cols.id == tree_id)[0]]) if tree_id is not None else str(site_id)
        self._edited = (site_id, tree_id, title)
        self.dialog = StandplaatsDialog(record, problems(uow(), site_id), title, self.window)
        if values is not None:
            self.dialog.set_values(values)
        self.dialog.problem_added.connect(self._on_dialog_problem_added)
        self.dialog.problem_changed.connect(self._on_dialog_problem_changed)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.open()
        return self.dialog

    def _command_args(self) -> dict:
        return dict(uow_factory=self.window.uow_factory, on_change=self._after_change, on_error=self._warn,
                    user=self._user())

    def _on_dialog_accepted(self) -> None:
        dialog = self.dialog
        if dialog is None or dialog.result_value is None or dialog.result_value == dialog.record:
            return
        site_id, tree_id, title = self._edited
        self.window.undo_stack.push(SaveStandplaatsCommand(
            dialog.record, dialog.result_value, resolve_conflict=lambda c: ConflictDialog.ask(c, self.window),
            on_resolved=lambda base, values: QTimer.singleShot(0, lambda: self.edit_site(
                site_id, tree_id, base, values)),
            title=self.tr("standplaats van boom {0}").format(title), **self._command_args()))

    def _on_dialog_problem_added(self, problem) -> None:
        self.window.undo_stack.push(AddProblemCommand(problem, **self._command_args()))

    def _on_dialog_problem_changed(self, before, after) -> None:
        self.window.undo_stack.push(ChangeProblemCommand(before, after, **self._command_args()))

    def _after_change(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.set_problems(problems(self.window.uow_factory(), self.dialog.record.site_id))
        if self.layer_action.isChecked():
            self.show_site_layer()

    # --- map layer of problems and shortages -----------------------------------------------
    def _on_layer_action_toggled(self, on: bool) -> None:
        if on:
            self.show_site_layer()
        else:
            self.window.map_view.remove_layer(SITE_LAYER)

    def show_site_layer(self) -> None:
        uow = self.window.uow_factory
        report = soil_report(uow())
        short = report.shortages()
        shortage_xy = list(zip(report.columns["x"][short].tolist(), report.columns["y"][short].tolist(),
                               strict=True))
        problem_xy = [(x, y) for _site, x, y, _n in problem_sites(uow())]
        self.window.map_view.add_layer(SITE_LAYER, site_layer(problem_xy, shortage_xy))

    # --- plan check ------------------------------------------------------------------------
    def draw_plan(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.window.statusBar().showMessage(
            self.tr("Klik de hoeken van het plangebied; dubbelklik of rechtsklik om te sluiten."), 10_000)
        self.tool.arm()

    def _on_tool_polygon_finished(self, corners: list) -> None:
        self.run_check([Polygon(corners)], self.tr("Getekend plangebied"))

    def import_plan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Plangebied importeren"), "",
                                              self.tr(PLAN_FILTER))
        if path:
            self.run_check(None, Path(path).stem, path)

    def run_check(self, parts: list | None, name: str, path: str | None = None) -> None:
        uow_factory = self.window.uow_factory  # plain callable; the worker captures no widget

        def work(_progress, _cancelled):
            if path is not None:
                return check_plan_file(uow_factory(), path)
            return check_plan_area(uow_factory(), parts, name)

        self.window.run_task(work, self._on_check_done, self.tr("Plangebied controleren…"),
                             on_failed=self._on_check_failed)

    def _on_check_done(self, result) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.set_result(result)
        self.window.map_view.add_layer(PLAN_LAYER, plan_layer(result))

    def _on_check_failed(self, exc: BaseException) -> None:
        self._warn(str(exc))

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Bomen in plangebied"), "bomen-in-plan.pdf",
                                              "PDF (*.pdf)")
        if path and self.panel.result is not None:
            writer("plan_trees")(self.panel.result, date.today(), Path(path))

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Bomen in plangebied"), "bomen-in-plan.csv",
                                              "CSV (*.csv)")
        if path and self.panel.result is not None:
            write_csv(path, ("boomnummer", "zone", "afstand_tot_plan_m", "maatregelen"),
                      [(a.boomnummer, "; ".join(map(str, a.zones)), decimal_nl(a.distance_m, 2),
                        "; ".join(map(str, a.measures))) for a in self.panel.result.affected])


def install(window) -> StandplaatsFeature:
    feature = StandplaatsFeature(window)
    window.standplaats_feature = feature
    guard_writes(window, Permission.PLANS, feature.panel.buttons["draw"],
                 feature.panel.buttons["import"])
    return feature
