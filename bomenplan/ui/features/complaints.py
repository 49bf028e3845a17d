"""Complaints (meldingen) in the main window: intake, triage and letters, the criteria editor,
re-examination, and the overview dock with complaints per tree on the map."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from bomenplan.domain.complaints import ComplaintStatus
from bomenplan.domain.roles import Permission
from bomenplan.services import complaints, criteria_admin
from bomenplan.services.complaint_export import complaints_with_decisions, export_complaints_csv
from bomenplan.services.report_writers import writer
from bomenplan.ui.access import guard_writes
from bomenplan.ui.dialogs.complaint_intake_dialog import ComplaintIntakeDialog
from bomenplan.ui.dialogs.criteria_dialog import CriteriaDialog
from bomenplan.ui.dialogs.reexamination_dialog import ReexaminationDialog
from bomenplan.ui.dialogs.triage_dialog import TriageDialog
from bomenplan.ui.settings import Option
from bomenplan.ui.user_identity import window_user
from bomenplan.ui.views.complaints_overview import (
    LAYER,
    ComplaintsOverview,
    complaint_points,
    complaints_layer,
)

RETENTION_DAYS = Option("complaints/retention_days", int, complaints.DEFAULT_RETENTION_DAYS)


class ComplaintsFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialogs: list = []  # keep non-modal dialogs alive
        self.overview = ComplaintsOverview()
        self.overview.new_requested.connect(self.new_complaint)
        self.overview.open_requested.connect(self.open_triage)
        self.overview.close_requested.connect(self.close_complaint)
        self.overview.trees_requested.connect(window.select_tree_ids)
        for label, slot in ((self.tr("Exporteren (CSV)…"), self.export_csv),
                            (self.tr("Overzicht (PDF)…"), self.export_pdf)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            self.overview.extra_buttons.addWidget(button)
        self.dock = window.add_dock(self.overview, self.tr("Meldingen"),
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        menu = window.feature_menu(self.tr("&Meldingen"))
        menu.addAction(self.tr("Nieuwe melding…"), self.new_complaint)
        menu.addAction(self.tr("Criteria…"), self.open_criteria)
        menu.addAction(self.tr("Persoonsgegevens opschonen"), self.purge)
        menu.addAction(self.dock.toggleViewAction())
        self.refresh()

    def _uow(self):
        return self.window.uow_factory()

    def retention_days(self) -> int:
        settings = getattr(self.window, "settings", None)
        return settings.get(RETENTION_DAYS) if settings is not None else RETENTION_DAYS.default

    def user(self) -> str:
        return window_user(self.window)

    def refresh(self) -> None:
        records, decisions = complaints_with_decisions(self._uow())
        self.overview.set_data(records, decisions)
        columns = self.window.tree_model.columns
        ids, x, y, counts = complaint_points(records, columns.id, columns.x, columns.y)
        if len(ids):
            self.window.map_view.add_layer(LAYER, complaints_layer(ids, x, y, counts))
        else:
            self.window.map_view.remove_layer(LAYER)

    def new_complaint(self) -> None:
        dialog = ComplaintIntakeDialog(self.window.selected_tree_ids,
                                       lambda text: complaints.tree_ids_for(self._uow(), text),
                                       self.window)
        if not dialog.exec() or dialog.result_value is None:
            return
        complaint, facts, person = dialog.result_value
        factory, retention, user = self.window.uow_factory, self.retention_days(), self.user()

        def store(_progress, _cancelled) -> int:  # plain data only: runs on the write pool
            record = complaints.register_complaint(factory(), complaint, facts, person, retention)
            complaints.triage_complaint(factory(), record.complaint.id, user)
            return record.complaint.id

        def stored(complaint_id: int) -> None:
            self.refresh()
            self._show_triage(complaint_id)

        self.window.run_task(store, stored, self.tr("Melding opslaan…"), on_failed=self._warn)

    def _warn(self, error: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("Melding"), str(error))

    def open_triage(self, complaint_id: int) -> None:
        if complaints.decision_log(self._uow(), complaint_id):
            self._show_triage(complaint_id)
            return
        factory, user = self.window.uow_factory, self.user()
        self.window.run_task(
            lambda _p, _c: complaints.triage_complaint(factory(), complaint_id, user),
            lambda _result: self._show_triage(complaint_id), self.tr("Melding beoordelen…"),
            on_failed=self._warn)

    def _show_triage(self, complaint_id: int) -> None:
        dialog = TriageDialog(self.window.uow_factory, complaint_id, self.user(), self.window)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.exec()

    def close_complaint(self, complaint_id: int) -> None:
        factory = self.window.uow_factory
        self.window.run_task(
            lambda _p, _c: complaints.set_status(factory(), complaint_id, ComplaintStatus.AFGEHANDELD),
            lambda _result: self.refresh(), self.tr("Melding afhandelen…"), on_failed=self._warn)

    def open_criteria(self) -> None:
        dialog = CriteriaDialog(self.window.uow_factory, self.reexamine, self.user(), self.window)
        dialog.exec()

    def reexamine(self, concept_label: str) -> None:
        factory = self.window.uow_factory

        def run(progress, cancelled):  # captures plain data, never `self`
            return criteria_admin.reexamine_concept(factory(), concept_label, progress, cancelled)

        def show(result):
            dialog = ReexaminationDialog(result, self.window)
            self.dialogs.append(dialog)
            dialog.show()

        self.window.run_task(run, show, self.tr("Criteria tegen het licht houden…"))

    def purge(self) -> None:
        factory, today, retention = self.window.uow_factory, date.today(), self.retention_days()

        def purged(count: int) -> None:
            self.refresh()
            QMessageBox.information(self.window, self.tr("Persoonsgegevens"),
                                    self.tr("Persoonsgegevens van %n melder(s) gewist.", "", count))

        self.window.run_task(
            lambda _p, _c: complaints.purge_personal_data(factory(), today, retention), purged,
            self.tr("Persoonsgegevens opschonen…"), on_failed=self._warn)

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Meldingen exporteren"),
                                              "meldingen.csv", "CSV (*.csv)")
        if path:
            export_complaints_csv(self._uow(), Path(path))

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Overzicht meldingen"),
                                              "meldingen.pdf", "PDF (*.pdf)")
        if path:
            records, decisions = complaints_with_decisions(self._uow())
            writer("complaint_overview")(records, decisions, date.today(), Path(path))


def install(window) -> ComplaintsFeature:
    feature = ComplaintsFeature(window)
    window.complaints_feature = feature
    guard_writes(window, Permission.COMPLAINTS, feature.overview.new_button,
                 feature.overview.close_button)
    return feature
