"""Parsing of the text fields of the bomenbank and fund dialogs: Dutch decimal comma, dates as
JJJJ-MM-DD or DD-MM-JJJJ, and a form layout with a validation message next to each field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from bomenplan.domain.errors import ValidationError
from bomenplan.ui.form_widgets import error_label


def parse_float(field: str, text: str, required: bool = False) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        if required:
            raise ValidationError(field, "is verplicht")
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError(field, f"\u201c{text}\u201d is geen getal") from None


def parse_decimal(field: str, text: str) -> Decimal:
    """A factor such as 0,85 (decimal comma or point), exact."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(field, f"\u201c{text}\u201d is geen getal") from None
    if not value.is_finite():
        raise ValidationError(field, f"\u201c{text}\u201d is geen getal")
    return value


def parse_date(field: str, text: str, required: bool = False) -> date | None:
    text = text.strip()
    if not text:
        if required:
            raise ValidationError(field, "is verplicht")
        return None
    try:
        if len(text) == 10 and text[2] == "-" and text[5] == "-":  # DD-MM-JJJJ
            return date(int(text[6:]), int(text[3:5]), int(text[:2]))
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, f"\u201c{text}\u201d is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)") from None


class CheckedForm:
    """A QFormLayout whose fields each have a red message label under them; `show_error` fills one."""

    def __init__(self):
        self.layout = QFormLayout()
        self.errors: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        message = error_label(word_wrap=True, hidden=True)  # right under its field
        row = QVBoxLayout()
        row.setSpacing(1)
        row.addWidget(widget)
        row.addWidget(message)
        self.layout.addRow(label, row)
        self.errors[key] = message
        return widget

    def clear(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_error(self, key: str, message: str) -> None:
        label = self.errors.get(key) or next(iter(self.errors.values()))
        label.setText(message)
        label.show()
        label.window().adjustSize()  # room for the message under its field
