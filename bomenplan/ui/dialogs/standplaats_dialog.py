"""The standplaats of one site: growing conditions and the list of problems.

The dialog validates through the domain and hands back values; the feature pushes the undo
commands. Unknown stays unknown: empty spin boxes read "onbekend", check boxes have a third
(unknown) state.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from bomenplan.domain.dutch_text import date_nl
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.standplaats import (
    Maatregel,
    ProblemStatus,
    ProblemType,
    Severity,
    Standplaats,
    StandplaatsProblem,
    Verharding,
)
from bomenplan.ui.dialogs.value_labels import select_enum, selected_enum, value_label
from bomenplan.ui.form_widgets import enum_combo, error_label, ok_cancel_buttons
from bomenplan.ui.models.rows_table_model import RowsTableModel

NUMBERS = (("boomspiegel_m2", "Boomspiegel", " m²", 10_000.0), ("bodemvolume_m3", "Bodemvolume", " m³", 10_000.0),
           ("plantvak_lengte_m", "Plantvak lengte", " m", 1000.0),
           ("plantvak_breedte_m", "Plantvak breedte", " m", 1000.0),
           ("doorwortelbare_diepte_m", "Doorwortelbare diepte", " m", 5.0))
CONDITIONS = (("kabels_leidingen", "Kabels en leidingen"), ("wortelopdruk", "Wortelopdruk"), ("zout", "Zout"),
              ("verdichting", "Verdichting"), ("slechte_drainage", "Slechte afwatering"),
              ("parkeerdruk", "Parkeerdruk"))
UNKNOWN = -1.0


class StandplaatsDialog(QDialog):
    problem_added = Signal(object)  # StandplaatsProblem (id None)
    problem_changed = Signal(object, object)  # before, after

    def __init__(self, record: Standplaats, problems: list[StandplaatsProblem], title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Standplaats — %1").replace("%1", title))
        self.record = record
        self.result_value: Standplaats | None = None
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.checks: dict[str, QCheckBox] = {}
        form = QFormLayout()
        self.verharding = enum_combo(Verharding, record.verharding)
        form.addRow(self.tr("Verharding"), self.verharding)
        for name, label, suffix, top in NUMBERS:
            spin = QDoubleSpinBox()
            spin.setRange(UNKNOWN, top)
            spin.setDecimals(2)
            spin.setSuffix(suffix)
            spin.setSpecialValueText(self.tr("onbekend"))
            value = getattr(record, name)
            spin.setValue(UNKNOWN if value is None else value)
            self.spins[name] = spin
            form.addRow(self.tr(label), spin)
        self.volume_note = QLabel()
        form.addRow("", self.volume_note)
        for name, label in CONDITIONS:
            check = QCheckBox(self.tr(label))
            check.setTristate(True)
            value = getattr(record, name)
            check.setCheckState(Qt.PartiallyChecked if value is None else Qt.Checked if value else Qt.Unchecked)
            check.setToolTip(self.tr("half aangevinkt: onbekend"))
            self.checks[name] = check
            form.addRow("", check)
        self.opmerkingen = QLineEdit(record.opmerkingen)
        form.addRow(self.tr("Opmerkingen"), self.opmerkingen)
        for spin in self.spins.values():
            spin.valueChanged.connect(self._update_volume_note)
        self._update_volume_note()
        self.error = error_label(word_wrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._problems_box(problems))
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self, self._accept))

    # --- record ----------------------------------------------------------------------------
    def set_values(self, record: Standplaats) -> None:
        """Show `record`'s values (e.g. unsaved edits kept after a save conflict)."""
        select_enum(self.verharding, record.verharding)
        for name, spin in self.spins.items():
            value = getattr(record, name)
            spin.setValue(UNKNOWN if value is None else value)
        for name, check in self.checks.items():
            value = getattr(record, name)
            check.setCheckState(Qt.PartiallyChecked if value is None else Qt.Checked if value else Qt.Unchecked)
        self.opmerkingen.setText(record.opmerkingen)

    def values(self) -> Standplaats:
        """The edited record (raises ValidationError naming the field)."""
        numbers = {name: (None if spin.value() <= UNKNOWN else spin.value()) for name, spin in self.spins.items()}
        states = {name: (None if c.checkState() == Qt.PartiallyChecked else c.checkState() == Qt.Checked)
                  for name, c in self.checks.items()}
        return self.record.with_changes(verharding=selected_enum(self.verharding, Verharding),
                                        opmerkingen=self.opmerkingen.text().strip(), **numbers, **states)

    def _update_volume_note(self) -> None:
        try:
            record = self.values()
        except ValidationError as exc:
            self.volume_note.setText(str(exc))
            return
        volume = record.available_volume_m3
        self.volume_note.setText(self.tr("beschikbaar: onbekend") if volume is None else
                                 self.tr("beschikbaar: %1 m³ (%2)").replace("%1", f"{volume:.2f}")
                                 .replace("%2", record.volume_source))

    def _accept(self) -> None:
        try:
            self.result_value = self.values()
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        self.accept()

    # --- problems --------------------------------------------------------------------------
    def _problems_box(self, problems: list[StandplaatsProblem]) -> QGroupBox:
        box = QGroupBox(self.tr("Problemen"))
        self.problem_model = RowsTableModel([self.tr("Datum"), self.tr("Type"), self.tr("Ernst"), self.tr("Status"),
                                             self.tr("Maatregelen"), self.tr("Opmerking")], self)
        self.problem_table = QTableView()
        self.problem_table.setModel(self.problem_model)
        self.problem_table.setSelectionBehavior(QTableView.SelectRows)
        self.problem_table.horizontalHeader().setStretchLastSection(True)
        self.set_problems(problems)
        self.problem_type = enum_combo(ProblemType)
        self.severity = enum_combo(Severity, Severity.MIDDEL)
        self.status = enum_combo(ProblemStatus)
        self.datum = QDateEdit(QDate.currentDate())
        self.datum.setCalendarPopup(True)
        self.measures = QListWidget()
        for measure in Maatregel:
            item = QListWidgetItem(value_label(measure))
            item.setData(Qt.UserRole, measure.value)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.measures.addItem(item)
        self.measures.setMaximumHeight(90)
        self.problem_note = QLineEdit()
        self.problem_note.setPlaceholderText(self.tr("opmerking bij het probleem (verplicht bij overig)"))
        add = QPushButton(self.tr("Probleem toevoegen"))
        add.clicked.connect(self._add_problem)
        solved = QPushButton(self.tr("Status van gekozen probleem zetten"))
        solved.clicked.connect(self._change_status)
        row = QHBoxLayout()
        for widget in (self.problem_type, self.severity, self.status, self.datum):
            row.addWidget(widget)
        layout = QVBoxLayout(box)
        layout.addWidget(self.problem_table)
        layout.addLayout(row)
        layout.addWidget(self.measures)
        layout.addWidget(self.problem_note)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(solved)
        layout.addLayout(buttons)
        return box

    def set_problems(self, problems: list[StandplaatsProblem]) -> None:
        self.problems = list(problems)
        self.problem_model.set_rows([(date_nl(p.datum), value_label(p.type), value_label(p.severity),
                                      value_label(p.status), ", ".join(value_label(m) for m in p.maatregelen),
                                      p.opmerking) for p in self.problems])

    def problem_values(self) -> StandplaatsProblem:
        checked = tuple(Maatregel(self.measures.item(i).data(Qt.UserRole)) for i in range(self.measures.count())
                        if self.measures.item(i).checkState() == Qt.Checked)
        qd = self.datum.date()
        return StandplaatsProblem(None, self.record.site_id, selected_enum(self.problem_type, ProblemType),
                                  selected_enum(self.severity, Severity), date(qd.year(), qd.month(), qd.day()),
                                  selected_enum(self.status, ProblemStatus), checked, self.problem_note.text().strip())

    def _add_problem(self) -> None:
        try:
            problem = self.problem_values()
        except ValidationError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.problem_added.emit(problem)

    def _change_status(self) -> None:
        rows = sorted({i.row() for i in self.problem_table.selectionModel().selectedIndexes()})
        if not rows:
            self.error.setText(self.tr("Kies eerst een probleem in de lijst."))
            return
        before = self.problems[rows[0]]
        self.problem_changed.emit(before, before.with_changes(status=selected_enum(self.status, ProblemStatus)))

    def select_status(self, status: ProblemStatus) -> None:
        select_enum(self.status, status)
