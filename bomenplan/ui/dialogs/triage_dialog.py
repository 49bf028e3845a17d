"""A complaint's decision: the criteria's outcome, an override with written motivation, the
decision log, and printing the response letter."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from bomenplan.domain.complaint_log import MIN_MOTIVATION_CHARS
from bomenplan.domain.complaint_text_facts import TextFindings, find_text_facts
from bomenplan.domain.criteria import Decision, Measure
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.triage import Intervention
from bomenplan.services import complaints
from bomenplan.services.report_writers import writer
from bomenplan.ui.dialogs.value_labels import select_enum, selected_enum, value_label
from bomenplan.ui.form_widgets import enum_combo, error_label
from bomenplan.ui.models.rows_table_model import RowsTableModel
from bomenplan.ui.write_tasks import run_write


class TriageDialog(QDialog):
    def __init__(self, uow_factory, complaint_id: int, user: str = "", parent=None):
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.user = user
        self.complaint_id = complaint_id
        self.setWindowTitle(self.tr("Beoordeling melding %1").replace("%1", str(complaint_id)))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(560)
        layout.addWidget(self.summary)
        self.complainant_label = QLabel()  # personal data: this handler's screen only
        self.complainant_label.setWordWrap(True)
        layout.addWidget(self.complainant_label)
        layout.addWidget(self._override_box())
        self.log_model = RowsTableModel([self.tr("tijd"), self.tr("door"), self.tr("besluit"),
                                         self.tr("handmatig"), self.tr("motivering")], self)
        log_view = QTableView()
        log_view.setModel(self.log_model)
        log_view.setMaximumHeight(130)
        log_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(QLabel(self.tr("Besluitenlog")))
        layout.addWidget(log_view)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.letter_button = buttons.addButton(self.tr("Brief afdrukken…"),
                                               QDialogButtonBox.ActionRole)
        self.letter_button.clicked.connect(self._on_letter_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _override_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ander besluit (alleen met motivering)"))
        form = QFormLayout(box)
        self.decision = enum_combo(Decision)
        self.measure = enum_combo(Measure)
        self.measure_text = QLineEdit()
        self.motivation = QPlainTextEdit()
        self.motivation.setMaximumHeight(60)
        self.motivation.setPlaceholderText(self.tr("Waarom wijkt u af van de criteria? "
                                                   "Deze tekst komt in de brief."))
        self.override_button = QPushButton(self.tr("Besluit vastleggen"))
        self.override_button.setEnabled(False)
        self.motivation.textChanged.connect(self._on_motivation_changed)
        self.override_button.clicked.connect(self._on_override_clicked)
        self.override_error = error_label(word_wrap=True)
        form.addRow(self.tr("Besluit"), self.decision)
        form.addRow(self.tr("Maatregel"), self.measure)
        form.addRow(self.tr("Omschrijving"), self.measure_text)
        form.addRow(self.tr("Motivering"), self.motivation)
        form.addRow(self.override_button, self.override_error)
        return box

    def show_intervention(self, i: Intervention, findings: TextFindings | None = None) -> None:
        urgent = " " + self.tr("(urgent)") if i.urgent else ""
        lines = [f"<b>{self.tr('Besluit')}:</b> {value_label(i.decision)}{urgent}",
                 f"<b>{self.tr('Reden')}:</b> {i.reason}",
                 f"<b>{self.tr('Maatregel')}:</b> {value_label(i.measure)} {i.measure_text}",
                 f"<b>{self.tr('Bron')}:</b> {i.citation or '—'}",
                 f"<b>{self.tr('Route')}:</b> {value_label(i.path)} · {self.tr('criteria')} "
                 f"{i.version}"]
        findings = findings or i.findings
        if findings.facts or findings.species:
            lines.append(f"<b>{self.tr('Uit de tekst')}:</b> "
                         + html.escape("; ".join(findings.describe())))
        self.summary.setText("<br>".join(lines))

    def refresh(self) -> None:
        person = complaints.complainant_of(self.uow_factory(), self.complaint_id)
        self.complainant_label.setText(
            self.tr("Melder: %1").replace("%1", ", ".join(
                v for v in (person.naam, person.adres, person.postcode, person.plaats,
                            person.telefoon, person.email) if v))
            if person else self.tr("Melder: geen (of gewiste) persoonsgegevens"))
        log = complaints.decision_log(self.uow_factory(), self.complaint_id)
        if log:
            current = log[0].intervention
            record = complaints.get_complaint(self.uow_factory(), self.complaint_id)
            self.show_intervention(current, find_text_facts(record.complaint.tekst,
                                                            record.facts.locatie))
            select_enum(self.decision, current.decision)
            select_enum(self.measure, current.measure)
        self.log_model.set_rows((e.decided_at, e.user, value_label(e.intervention.decision),
                                 self.tr("ja") if e.overridden else "", e.motivation) for e in log)

    def _on_motivation_changed(self) -> None:
        enough = len(self.motivation.toPlainText().strip()) >= MIN_MOTIVATION_CHARS
        self.override_button.setEnabled(enough)

    def _on_override_clicked(self) -> None:
        factory, complaint_id, user = self.uow_factory, self.complaint_id, self.user
        decision, measure = selected_enum(self.decision, Decision), selected_enum(self.measure, Measure)
        text, motivation = self.measure_text.text().strip(), self.motivation.toPlainText()
        run_write(self, self.tr("Besluit vastleggen…"),
                  lambda: complaints.override_decision(factory(), complaint_id, decision, measure,
                                                       text, motivation, user),
                  self._on_overridden, self._on_override_refused)

    def _on_overridden(self, _intervention) -> None:
        self.override_error.clear()
        self.motivation.clear()
        self.refresh()

    def _on_override_refused(self, exc: BaseException) -> None:
        # e.g. pruning for solar panels only: refused, not a crash
        self.override_error.setText(str(exc))
        QMessageBox.warning(self, self.tr("Besluit niet vastgelegd"), str(exc))

    def _on_letter_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Brief opslaan"),
                                              f"brief-melding-{self.complaint_id}.pdf", "PDF (*.pdf)")
        if path:
            self.write_letter_to(Path(path))

    def write_letter_to(self, path: Path) -> bool:
        try:
            content = complaints.letter_content(self.uow_factory(), self.complaint_id, self.user)
            writer("complaint_letter")(content, path)
        except (BomenplanError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Brief"), str(exc))
            return False
        return True
