"""Small widgets the dialogs share: the red error line, OK/Cancel buttons, enum combo boxes."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel

from bomenplan.ui.dialogs.value_labels import fill_enum_combo, select_enum

ERROR_STYLE = "color: #b00020;"


def error_label(*, word_wrap: bool = False, hidden: bool = False) -> QLabel:
    """An empty label for validation messages, in the error colour."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(word_wrap)
    if hidden:
        label.hide()
    return label


def ok_cancel_buttons(dialog: QDialog, on_accept: Callable[[], None] | None = None,
                      ok_text: str | None = None) -> QDialogButtonBox:
    """OK runs `on_accept` (default: the dialog's accept), Cancel rejects the dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.accepted.connect(on_accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def enum_combo(enum_type: type[Enum], current: Enum | None = None) -> QComboBox:
    """One item per member with its Dutch label; the item data is the code (Qt turns StrEnums
    into str), so read the choice back with `value_labels.selected_enum(combo, enum_type)`."""
    combo = QComboBox()
    fill_enum_combo(combo, enum_type)
    if current is not None:
        select_enum(combo, current)
    return combo
