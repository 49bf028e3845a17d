"""Werkorders in the main window: a dock to follow up work orders (filters, toewijzen, starten,
gereed melden, vervallen — each undoable, written on the serial write pool) and the work list
per contractor as PDF or CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.roles import Permission
from bomenplan.domain.work_orders import WorkOrder
from bomenplan.services.report_writers import writer
from bomenplan.services.work_list import export_work_list_csv, work_list
from bomenplan.ui.access import guard_writes
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.dialogs.work_order_dialogs import AssignDialog, CancelDialog, CloseDialog
from bomenplan.ui.user_identity import window_user
from bomenplan.ui.views.work_orders_panel import WorkOrdersPanel
from bomenplan.ui.work_order_commands import WorkOrderCommand

DIALOGS = {"assign": AssignDialog, "close": CloseDialog, "cancel": CancelDialog}


def _load_job(factory):
    def job(_progress, _cancelled):
        return work_list(factory())
    return job


class WorkOrdersFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None
        self.panel = WorkOrdersPanel()
        self.panel.action_requested.connect(self.request)
        self.panel.refresh_requested.connect(self.refresh)
        self.panel.export_requested.connect(self.export_list)
        self.panel.tree_requested.connect(lambda tree_id: window.select_tree_ids([tree_id]))
        self.dock = window.add_dock(self.panel, self.tr("Werkorders"),
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        window.feature_menu(self.tr("&Meldingen")).addAction(self.dock.toggleViewAction())

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        """Read the list again each time the dock comes forward (triage may have added orders)."""
        if visible:
            self.refresh()

    def refresh(self) -> None:
        self.window.run_task(_load_job(self.window.uow_factory), self.panel.set_lines,
                             self.tr("Werkorders laden"), on_failed=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._warn(str(exc))

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Werkorders"), message)

    def request(self, kind: str) -> None:
        order = self.panel.selected_order()
        if order is None:
            self._warn(self.tr("Kies eerst een werkorder in de lijst."))
            return
        if kind == "start":
            self.push(kind, order, {})
            return
        extra = (self.panel.model.contractors(),) if kind == "assign" else ()
        self.dialog = DIALOGS[kind](order, *extra, parent=self.window)
        self.dialog.accepted.connect(lambda: self.push(kind, order, self.dialog.values))
        self.dialog.open()

    def push(self, kind: str, order: WorkOrder, values: dict) -> WorkOrderCommand:
        command = WorkOrderCommand(kind, order, values, self.window.uow_factory,
                                   self.window.run_task, self._on_change, window_user(self.window),
                                   lambda conflict: ConflictDialog.ask(conflict, self.window))
        self.window.undo_stack.push(command)
        return command

    def _on_change(self, result) -> None:
        """A stored order, or the Dutch message of a refused step."""
        if isinstance(result, WorkOrder):
            self.panel.model.update_order(result)
            self.panel.select_order(result.id)
        elif result:
            self._warn(str(result))

    def export_list(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Werklijst opslaan"), "werklijst.pdf",
            self.tr("PDF (*.pdf);;CSV (*.csv)"))
        if path:
            self.write_list(Path(path))

    def write_list(self, path: Path) -> None:
        """The orders the filters show, per contractor and wijk."""
        model = self.panel.model
        lines = sorted((model.line_at(row) for row in range(model.rowCount())),
                       key=lambda line: (line.contractor.lower(), line.order.wijk.lower(),
                                         line.order.due_date or date.max, line.order.id))
        try:
            if path.suffix.lower() == ".csv":
                export_work_list_csv(lines, path)
            else:
                writer("work_list")(lines, path.with_suffix(".pdf"))
        except (OSError, BomenplanError) as exc:
            self._warn(self.tr("Werklijst niet opgeslagen: %1").replace("%1", str(exc)))


def install(window) -> WorkOrdersFeature:
    feature = WorkOrdersFeature(window)
    window.work_orders_feature = feature
    guard_writes(window, Permission.WORK_ORDERS, *feature.panel.buttons.values())
    return feature
