"""Small dialogs of the Werkorders dock: assign a contractor (with due date), report done (date
and remark), cancel (reason). Each validates through the domain before it is accepted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.work_orders import WorkOrder


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


def _as_date(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class _OrderDialog(QDialog):
    """Form + message line + OK/Annuleren; `check()` returns the values or raises ValidationError."""

    def __init__(self, title: str, order: WorkOrder, parent=None):
        super().__init__(parent)
        self.order = order
        self.values: dict | None = None
        self.setWindowTitle(title.replace("%1", str(order.id)))
        layout = QVBoxLayout(self)
        heading = QLabel(f"{order.type} — {order.omschrijving}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def check(self) -> dict:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.values = self.check()
        except ValidationError as exc:
            self.message.setText(exc.message)
            return
        super().accept()


class AssignDialog(_OrderDialog):
    def __init__(self, order: WorkOrder, contractors: list[str], parent=None, today=None):
        super().__init__(self.tr("Werkorder %1 toewijzen"), order, parent)
        self.contractor = QComboBox()
        self.contractor.setEditable(True)
        self.contractor.addItems(contractors)
        self.contractor.setCurrentText(order.aannemer)
        self.form.addRow(self.tr("Aannemer"), self.contractor)
        self.has_due = QCheckBox(self.tr("uiterlijk gereed op"))
        self.has_due.setChecked(order.due_date is not None)
        self.due = _date_edit(order.due_date or today or date.today())
        self.form.addRow(self.has_due, self.due)

    def check(self) -> dict:
        due = _as_date(self.due) if self.has_due.isChecked() else None
        self.order.assigned(self.contractor.currentText(), due)  # raises on an empty name
        return {"aannemer": self.contractor.currentText().strip(), "due_date": due}


class CloseDialog(_OrderDialog):
    def __init__(self, order: WorkOrder, parent=None, today: date | None = None):
        super().__init__(self.tr("Werkorder %1 gereed melden"), order, parent)
        self.today = today or date.today()
        self.on = _date_edit(self.today)
        self.form.addRow(self.tr("Uitgevoerd op"), self.on)
        self.remark = QPlainTextEdit()
        self.remark.setPlaceholderText(self.tr("wat is er gedaan (komt in de historie van de boom)"))
        self.remark.setFixedHeight(80)
        self.form.addRow(self.tr("Opmerking"), self.remark)

    def check(self) -> dict:
        on, remark = _as_date(self.on), self.remark.toPlainText()
        self.order.closed(on, remark, self.today)
        return {"on": on, "remark": remark.strip()}


class CancelDialog(_OrderDialog):
    def __init__(self, order: WorkOrder, parent=None, today: date | None = None):
        super().__init__(self.tr("Werkorder %1 laten vervallen"), order, parent)
        self.today = today or date.today()
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("waarom is de werkorder niet meer nodig?"))
        self.reason.setFixedHeight(80)
        self.form.addRow(self.tr("Reden"), self.reason)

    def check(self) -> dict:
        reason = self.reason.toPlainText()
        self.order.cancelled(self.today, reason)
        return {"reason": reason.strip(), "on": self.today}
