"""TreeForm: the selected tree's fields, validated by the domain and saved as an undoable edit."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.bomenbank import euros
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.tree import Tree
from bomenplan.domain.values import (
    Beheertype,
    Beleidsstatus,
    Boomgroep,
    Boomveiligheidsklasse,
    Hoogteklasse,
    Omgevingsrisicoklasse,
    TreeStatus,
)
from bomenplan.ui.commands import EditContext, EditTreeCommand
from bomenplan.ui.dialogs.value_labels import (
    field_label,
    fill_enum_combo,
    select_enum,
    selected_enum,
)
from bomenplan.ui.form_widgets import error_label

ENUM_FIELDS = {"hoogteklasse": Hoogteklasse, "boomveiligheidsklasse": Boomveiligheidsklasse,
               "beheertype": Beheertype, "status": TreeStatus, "beleidsstatus": Beleidsstatus,
               "boomgroep": Boomgroep, "omgevingsrisicoklasse": Omgevingsrisicoklasse}
TEXT_FIELDS = ("boomnummer", "eigenaar", "beheerder", "straat", "wijk", "buurt")
NUMBER_FIELDS = {"plantjaar": int, "stamdiameter_cm": float, "kroondiameter_m": float}
FORM_ORDER = ("boomnummer", "species_name", "plantjaar", "hoogteklasse", "stamdiameter_cm",
              "kroondiameter_m", "boomveiligheidsklasse", "beheertype", "status", "beleidsstatus",
              "boomgroep", "omgevingsrisicoklasse", "eigenaar", "beheerder", "straat", "wijk", "buurt", "verplantbaar",
              "nvtb_waarde_eur", "opmerkingen")
ERROR_FIELD_ALIASES = {"soort": "species_name"}


def parse_euros(name: str, text: str) -> Decimal | None:
    """A Dutch amount ("4.250,00", "4250") as Decimal euros; empty = not appraised."""
    if not text.strip():
        return None
    try:
        return euros(text)
    except ValidationError as exc:
        raise ValidationError(name, exc.message) from None


def euro_text(value: Decimal | None) -> str:
    """Decimal euros in Dutch notation: 4250.5 → "4.250,50"."""
    return "" if value is None else f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def parse_number(name: str, text: str) -> int | float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return NUMBER_FIELDS[name](text)
    except ValueError:
        raise ValidationError(name, f"\u201c{text}\u201d is geen getal") from None


FIELD_HOLD_STYLE = "QLabel { background: #fff3b0; color: #5a4500; padding: 2px 4px; }"


class TreeForm(QWidget):
    """Shows one tree; "Opslaan" pushes an EditTreeCommand. Never touches the database."""

    saved = Signal(int)

    def __init__(self, context: EditContext, undo_stack, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.undo_stack = undo_stack
        self._tree: Tree | None = None
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()
        self.context.tree_stored.connect(self._on_context_tree_stored)
        self.context.tree_changed.connect(self._on_context_tree_changed)
        self.show_tree(None)

    def _build(self) -> None:
        form = QFormLayout()
        for name in FORM_ORDER:
            editor = self._make_editor(name)
            self.editors[name] = editor
            error = error_label(word_wrap=True, hidden=True)
            self.errors[name] = error
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(editor)
            cell.addWidget(error)
            form.addRow(field_label(name), cell)
        self.editors["status"].setEnabled(False)
        self.editors["status"].setToolTip(self.tr("Wijzig de status via Boom \u2192 Status wijzigen\u2026"))
        self.save_button = QPushButton(self.tr("Opslaan"))
        self.revert_button = QPushButton(self.tr("Herstellen"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.show_tree(self._tree))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.field_hold = QLabel()  # "In het veld bij … sinds …" (read-only; set by field work)
        self.field_hold.setStyleSheet(FIELD_HOLD_STYLE)
        self.field_hold.setWordWrap(True)
        self.field_hold.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.field_hold)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _make_editor(self, name: str) -> QWidget:
        if name in ENUM_FIELDS:
            combo = QComboBox()
            fill_enum_combo(combo, ENUM_FIELDS[name])
            return combo
        if name == "species_name":
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.NoInsert)
            completer = QCompleter(combo.model(), combo)
            completer.setCaseSensitivity(Qt.CaseInsensitive)
            completer.setFilterMode(Qt.MatchContains)
            combo.setCompleter(completer)
            return combo
        if name == "verplantbaar":
            return QCheckBox()
        if name == "opmerkingen":
            edit = QPlainTextEdit()
            edit.setMaximumHeight(70)
            return edit
        return QLineEdit()

    def set_field_hold(self, text: str) -> None:
        """Show that the shown tree is checked out to the field (empty text hides the note)."""
        self.field_hold.setText(text)
        self.field_hold.setVisible(bool(text))

    def set_species_names(self, names) -> None:
        """Completion list: the species names present in the register."""
        combo = self.editors["species_name"]
        text = combo.currentText()
        combo.clear()
        combo.addItems(sorted({str(n) for n in names if n}))
        combo.setEditText(text)

    @property
    def tree(self) -> Tree | None:
        return self._tree

    def show_tree(self, tree: Tree | None) -> None:
        self._tree = tree
        self._clear_errors()
        self.setEnabled(tree is not None)
        self.title.setText(self.tr("Boom {0}").format(tree.boomnummer) if tree
                           else self.tr("Geen boom geselecteerd"))
        if tree is None:
            return
        for name, editor in self.editors.items():
            value = getattr(tree, name)
            if name in ENUM_FIELDS:
                select_enum(editor, value)
            elif name == "species_name":
                editor.setEditText(value)
            elif name == "verplantbaar":
                editor.setChecked(bool(value))
            elif name == "opmerkingen":
                editor.setPlainText(value)
            elif name in NUMBER_FIELDS:
                editor.setText("" if value is None else f"{value:g}")
            elif name == "nvtb_waarde_eur":
                editor.setText(euro_text(value))
            else:
                editor.setText(value)

    def values(self) -> dict:
        """The form's values as domain values; raises ValidationError on unparsable numbers."""
        values = {}
        for name, editor in self.editors.items():
            if name in ENUM_FIELDS:
                values[name] = selected_enum(editor, ENUM_FIELDS[name])
            elif name == "species_name":
                values[name] = editor.currentText().strip()
            elif name == "verplantbaar":
                values[name] = editor.isChecked()
            elif name == "opmerkingen":
                values[name] = editor.toPlainText()
            elif name in NUMBER_FIELDS:
                values[name] = parse_number(name, editor.text())
            elif name == "nvtb_waarde_eur":
                values[name] = parse_euros(name, editor.text())
            else:
                values[name] = editor.text().strip()
        return values

    def save(self) -> bool:
        """Validate through the domain; push an edit when something changed."""
        if self._tree is None:
            return False
        self._clear_errors()
        try:
            values = self.values()
            self._tree.with_changes(**values)  # Tree construction runs validate_tree
        except ValidationError as exc:
            self._show_error(exc)
            return False
        changes = {k: v for k, v in values.items() if getattr(self._tree, k) != v}
        if not changes:
            return False
        self.undo_stack.push(EditTreeCommand(self.context, self._tree, changes))
        self.saved.emit(self._tree.id)
        return True

    def _show_error(self, exc: ValidationError) -> None:
        name = ERROR_FIELD_ALIASES.get(exc.field, exc.field)
        label = self.errors.get(name)
        if label is None:  # e.g. positie: not a form field
            label = self.errors["boomnummer"]
        label.setText(exc.message)
        label.show()
        self.editors.get(name, self.editors["boomnummer"]).setFocus()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def error_text(self, name: str) -> str:
        return self.errors[name].text()

    def _on_context_tree_stored(self, tree: Tree) -> None:
        if self._tree is not None and self.context.current_id(self._tree.id) == tree.id:
            self.show_tree(tree)

    def _on_context_tree_changed(self, tree_id: int) -> None:
        if self._tree is not None and self._tree.id == tree_id and tree_id not in self.context.versions:
            self.show_tree(None)  # the tree was retracted (undo of an addition)
