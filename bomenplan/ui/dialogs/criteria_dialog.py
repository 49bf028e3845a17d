"""Criteria editor: versions, their rules, copying to a concept, editing, vaststellen, and
re-examining a concept against the active version."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from bomenplan.domain.criteria import CriteriaStatus, CriteriaVersion
from bomenplan.domain.criteria_words import describe_conditions
from bomenplan.domain.dutch_text import date_nl
from bomenplan.services import criteria_admin
from bomenplan.ui.dialogs.rule_dialog import RuleDialog
from bomenplan.ui.dialogs.value_labels import value_label
from bomenplan.ui.models.rows_table_model import RowsTableModel
from bomenplan.ui.write_tasks import run_write


class CriteriaDialog(QDialog):
    """`on_reexamine(label)` opens the re-examination of a concept (wired by the feature)."""

    def __init__(self, uow_factory, on_reexamine=None, user: str = "", parent=None):
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.on_reexamine = on_reexamine
        self.user = user
        self.versions: list[CriteriaVersion] = []
        self.setWindowTitle(self.tr("Criteria bij meldingen"))
        self.resize(1000, 600)
        layout = QVBoxLayout(self)
        self.version_model = RowsTableModel([self.tr("versie"), self.tr("status"), self.tr("auteur"),
                                             self.tr("aangemaakt"), self.tr("vastgesteld")], self)
        self.version_view = QTableView()
        self.version_view.setModel(self.version_model)
        self.version_view.setSelectionBehavior(QTableView.SelectRows)
        self.version_view.setSelectionMode(QTableView.SingleSelection)
        self.version_view.setMaximumHeight(150)
        self.rule_model = RowsTableModel([self.tr("code"), self.tr("categorie"), self.tr("voorwaarden"),
                                          self.tr("besluit"), self.tr("maatregel"), self.tr("bron")], self)
        self.rule_view = QTableView()
        self.rule_view.setModel(self.rule_model)
        self.rule_view.setSelectionBehavior(QTableView.SelectRows)
        self.rule_view.doubleClicked.connect(lambda _i: self._on_edit_rule())
        for table, widths in ((self.version_view, (180, 90, 220, 100)),
                              (self.rule_view, (200, 190, 260, 100, 90))):
            table.horizontalHeader().setStretchLastSection(True)
            table.setWordWrap(False)
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.version_view)
        layout.addWidget(self.rule_view, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self.version_view.selectionModel().selectionChanged.connect(lambda *_: self._show_rules())
        self.reload()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons = {}
        for key, label, slot in (
                ("copy", self.tr("Nieuw concept (kopie)…"), self._on_copy),
                ("add", self.tr("Regel toevoegen…"), self._on_add_rule),
                ("edit", self.tr("Regel bewerken…"), self._on_edit_rule),
                ("remove", self.tr("Regel verwijderen"), self._on_remove_rule),
                ("adopt", self.tr("Vaststellen"), self._on_adopt),
                ("reexamine", self.tr("Tegen het licht houden…"), self._on_reexamine)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        return row

    def reload(self, select_label: str | None = None) -> None:
        self.versions = criteria_admin.list_versions(self.uow_factory())
        self.version_model.set_rows((v.label, value_label(v.status), v.auteur, date_nl(v.aangemaakt_op),
                                     date_nl(v.vastgesteld_op)) for v in self.versions)
        labels = [v.label for v in self.versions]
        row = labels.index(select_label) if select_label in labels else len(labels) - 1
        self.version_view.selectRow(row)
        self._show_rules()

    def current(self) -> CriteriaVersion | None:
        rows = self.version_view.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def _show_rules(self) -> None:
        version = self.current()
        rules = version.rules if version else ()
        self.rule_model.set_rows((r.code, value_label(r.category),
                                  describe_conditions(r.conditions) or self.tr("altijd"),
                                  value_label(r.decision), value_label(r.measure), r.citation)
                                 for r in rules)
        concept = version is not None and version.status is CriteriaStatus.CONCEPT
        for key in ("add", "edit", "remove", "adopt", "reexamine"):
            self.buttons[key].setEnabled(concept)

    def _save(self, version: CriteriaVersion) -> None:
        factory = self.uow_factory

        def failed(exc: BaseException) -> None:
            self.message.setText(str(exc))
            self.reload(version.label)

        run_write(self, self.tr("Concept opslaan…"),
                  lambda: criteria_admin.save_concept(factory(), version),
                  lambda _r: self.reload(version.label), failed)

    def _on_copy(self) -> None:
        source = self.current()
        label, ok = QInputDialog.getText(self, self.tr("Nieuw concept"), self.tr("Naam van de versie"))
        if not (ok and source and label.strip()):
            return
        factory, name, user, label = self.uow_factory, source.label, self.user, label.strip()
        run_write(self, self.tr("Concept maken…"),
                  lambda: criteria_admin.copy_as_concept(factory(), name, label, user),
                  lambda _r: self.reload(label), lambda exc: self.message.setText(str(exc)))

    def _selected_rule_row(self) -> int | None:
        rows = self.rule_view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _on_add_rule(self) -> None:
        dialog = RuleDialog(parent=self)
        if dialog.exec() and dialog.rule is not None:
            version = self.current()
            self._save(version.with_changes(rules=version.rules + (dialog.rule,)))

    def _on_edit_rule(self) -> None:
        version, row = self.current(), self._selected_rule_row()
        if version is None or row is None or version.status is not CriteriaStatus.CONCEPT:
            return
        dialog = RuleDialog(version.rules[row], parent=self)
        if dialog.exec() and dialog.rule is not None:
            rules = list(version.rules)
            rules[row] = dialog.rule
            self._save(version.with_changes(rules=tuple(rules)))

    def _on_remove_rule(self) -> None:
        version, row = self.current(), self._selected_rule_row()
        if version is not None and row is not None:
            self._save(version.with_changes(rules=version.rules[:row] + version.rules[row + 1:]))

    def _on_adopt(self) -> None:
        factory, label, today = self.uow_factory, self.current().label, date.today()
        if not self._confirm_adopt(label):
            return

        def adopted(_result) -> None:
            self.message.setText(self.tr("Versie %1 is vastgesteld en geldt nu.").replace("%1", label))
            self.reload(label)

        def refused(exc: BaseException) -> None:
            self.message.setText(str(exc))
            QMessageBox.warning(self, self.tr("Vaststellen niet mogelijk"), str(exc))

        run_write(self, self.tr("Versie vaststellen…"),
                  lambda: criteria_admin.adopt_version(factory(), label, today), adopted, refused)

    def _confirm_adopt(self, label: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Versie vaststellen"),
            self.tr("Versie %1 vaststellen? Vanaf vandaag geldt deze versie voor nieuwe meldingen; "
                    "een vastgestelde versie kan niet meer worden gewijzigd.").replace("%1", label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _on_reexamine(self) -> None:
        version = self.current()
        if version is not None and self.on_reexamine is not None:
            self.on_reexamine(version.label)
