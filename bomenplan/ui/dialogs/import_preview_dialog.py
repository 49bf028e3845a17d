"""Before a re-import is stored: what it would do (new / changed per field / unchanged /
duplicate in the file / missing from the file), and the user's go-ahead."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bomenplan.services.importing.update import duplicate_lines
from bomenplan.ui.dialogs.value_labels import field_label
from bomenplan.ui.form_widgets import ok_cancel_buttons


@dataclass(frozen=True)
class PreviewChoice:
    as_new: bool = False  # repeated rows at one place become separate trees
    clear_empty: bool = False  # an empty cell clears the stored value


class ImportPreviewDialog(QDialog):
    def __init__(self, plan, source_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import controleren \u2014 {0}").format(source_name))
        form = QFormLayout()
        self.counts: dict[str, QLabel] = {}
        rows = (("new", self.tr("Nieuw"), len(plan.new_rows)),
                ("changed", self.tr("Gewijzigd"), len(plan.changed_rows)),
                ("unchanged", self.tr("Ongewijzigd"), plan.unchanged),
                ("duplicates", self.tr("Dubbel nummer in bestand (rijen)"), plan.duplicate_rows),
                ("copies", self.tr("Zelfde nummer én plaats (geweigerd)"), len(plan.copies)),
                ("missing", self.tr("Niet in bestand (blijven staan)"), plan.missing_from_file),
                ("blanks", self.tr("Lege cellen genegeerd (waarde blijft)"), plan.blanks_ignored))
        for key, label, value in rows:
            self.counts[key] = QLabel(str(value))
            form.addRow(label, self.counts[key])
        details = [self.tr("{0}: {1} bomen").format(self._label(f), n)
                   for f, n in plan.field_changes.items()]
        details += duplicate_lines(plan.duplicates, source_name, plan.key, limit=20)
        text = QPlainTextEdit("\n".join(details))
        text.setReadOnly(True)
        self.as_new = QCheckBox(self.tr("Rijen met hetzelfde nummer op dezelfde plaats toch als "
                                        "aparte bomen toevoegen"))
        self.as_new.setEnabled(bool(plan.copies))
        self.clear_empty = QCheckBox(self.tr("Lege cellen wissen de opgeslagen waarde (anders "
                                             "blijft die staan; \u2018<leeg>\u2019 wist altijd)"))
        self.clear_empty.setEnabled(bool(plan.blanks_ignored))
        buttons = ok_cancel_buttons(self, ok_text=self.tr("Toepassen"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Gekoppeld op {0}. Er is nog niets opgeslagen; "
                                        "wijzigingen komen in de historie van elke boom.")
                                .format(self._label(plan.key))))
        layout.addLayout(form)
        layout.addWidget(text, 1)
        layout.addWidget(self.as_new)
        layout.addWidget(self.clear_empty)
        layout.addWidget(buttons)
        self.resize(620, 480)

    def _label(self, name: str) -> str:
        return self.tr("positie") if name == "positie" else field_label(name)

    @classmethod
    def ask(cls, parent, plan, source_name: str) -> PreviewChoice | None:
        """None: cancelled; else the user's choices for the real run."""
        dialog = cls(plan, source_name, parent)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.choice()

    def choice(self) -> PreviewChoice:
        return PreviewChoice(self.as_new.isChecked(), self.clear_empty.isChecked())
