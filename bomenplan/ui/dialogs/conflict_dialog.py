"""ConflictDialog: a save met a newer version (issue 15 §2). Shows what the other user changed
(field, old → new, by whom, when) and offers "Samenvoegen" (my changes on top of theirs; for a
field both changed the user picks per field) or "Opnieuw laden" (discard mine, show theirs).
Annuleren writes nothing and leaves the form as it was."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry import Point

from bomenplan.services.edit_conflicts import MERGE, RELOAD, EditConflict, Resolution
from bomenplan.ui.dialogs.standplaats_dialog import CONDITIONS, NUMBERS
from bomenplan.ui.dialogs.value_labels import field_label, value_label
from bomenplan.ui.models.rows_table_model import RowsTableModel

_STANDPLAATS_LABELS = {name: label for name, label, *_rest in (*NUMBERS, *CONDITIONS)} | {
    "verharding": "Verharding", "opmerkingen": "Opmerkingen"}
_LAAN_LABELS = {"name": "Naam", "rows": "Rijen", "rijen": "Rijen", "spacing_m": "Plantafstand (m)",
                "straat": "Straat", "laan_type": "Type", "intended_species": "Beoogde soort",
                "herplantstrategie": "Herplantstrategie", "hoofdbomenstructuur": "Hoofdbomenstructuur",
                "status": "Status"}

_BANK_LABELS = {"code": "Code", "source": "Herkomst", "species_name": "Soort", "stamomtrek_cm": "Stamomtrek (cm)",
                "hoogte_m": "Hoogte (m)", "kluit": "Kluit", "plantjaar": "Plantjaar", "x": "RD x", "y": "RD y",
                "location": "Locatie", "available_from": "Beschikbaar vanaf", "available_until": "Beschikbaar tot",
                "cost": "Kosten", "condition": "Conditie"}
_WORK_ORDER_LABELS = {"status": "Status", "aannemer": "Aannemer", "due_date": "Uiterlijk", "closed_on": "Gereed op",
                      "remark": "Opmerking", "urgent": "Urgent", "omschrijving": "Omschrijving"}
_LABELS = {"standplaats": _STANDPLAATS_LABELS, "laan": _LAAN_LABELS, "bomenbank": _BANK_LABELS,
           "werkorder": _WORK_ORDER_LABELS}


def conflict_field_label(entity: str, name: str) -> str:
    if entity in _LABELS:
        return _LABELS[entity].get(name, name)
    return field_label("positie" if name == "position" else name)


def value_text(value) -> str:
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Enum):
        return value_label(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, Point):
        return f"{value.x:.2f}, {value.y:.2f}"
    if isinstance(value, Decimal):
        return f"€ {value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if isinstance(value, tuple):
        return "lijn" if value and hasattr(value[0], "wkt") else "; ".join(value_text(v) for v in value)
    return str(value)


def when_text(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return iso


class ConflictDialog(QDialog):
    def __init__(self, conflict: EditConflict, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.resolution: Resolution | None = None
        self.choice_groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Intussen gewijzigd \u2014 {0}").format(conflict.title))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self._intro_text())
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self._their_changes_box())
        if conflict.merge.conflicts:
            layout.addWidget(self._choices_box())
        layout.addWidget(self._mine_box())
        self.buttons = QDialogButtonBox()
        self.merge_button = self.buttons.addButton(self.tr("Samenvoegen"), QDialogButtonBox.AcceptRole)
        self.reload_button = self.buttons.addButton(self.tr("Opnieuw laden"), QDialogButtonBox.DestructiveRole)
        self.cancel_button = self.buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.RejectRole)
        self.merge_button.setToolTip(self.tr("Uw wijzigingen boven op die van de ander opslaan"))
        self.reload_button.setToolTip(self.tr("Uw wijzigingen vervallen; het formulier toont de opgeslagen boom"))
        self.merge_button.clicked.connect(self.choose_merge)
        self.reload_button.clicked.connect(self.choose_reload)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_merge_button()
        self.resize(720, self.sizeHint().height())

    def _label(self, name: str) -> str:
        return conflict_field_label(self.conflict.entity, name)

    def _intro_text(self) -> str:
        c = self.conflict
        who = ", ".join(c.editors()) or self.tr("een andere gebruiker")
        return self.tr("{0} is opgeslagen door {1} sinds u het opende (uw versie {2}, nu versie {3}). "
                       "Uw wijzigingen zijn nog niet opgeslagen.").format(
            c.title[:1].upper() + c.title[1:], who, c.base_version, c.current_version)

    def _their_changes_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Wat de ander wijzigde"))
        self.their_model = RowsTableModel([self.tr("Veld"), self.tr("Was"), self.tr("Nu"), self.tr("Door"),
                                           self.tr("Wanneer")], self)
        c = self.conflict
        rows = [(self._label(e.field), self._logged(e.field, e.old), self._logged(e.field, e.new), e.user,
                 when_text(e.changed_at)) for e in c.their_changes]
        rows += [(self._label(name), value_text(c.base.get(name)), value_text(c.theirs[name]), "", "")
                 for name in c.changed_by_them() if c.last_change(name) is None]  # e.g. bulk import updates
        self.their_model.set_rows(rows)
        view = QTableView()
        view.setModel(self.their_model)
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setFixedHeight(min(260, 34 + 30 * max(1, len(rows))))  # fits a few rows, scrolls past that
        self.their_view = view
        QVBoxLayout(box).addWidget(view)
        return box

    def _logged(self, name: str, text: str) -> str:
        """A change log value as the form shows it ("35.0" of a number field → "35")."""
        if not text:
            return self.tr("(leeg)")
        if isinstance(self.conflict.theirs.get(name), float):
            try:
                return f"{float(text):g}"
            except ValueError:
                return text
        return text

    def _choices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Door u beiden gewijzigd \u2014 kies per veld"))
        grid = QGridLayout(box)
        for row, conflict in enumerate(self.conflict.merge.conflicts):
            grid.addWidget(QLabel(self._label(conflict.field)), row, 0)
            mine = QRadioButton(self.tr("mijn waarde: {0}").format(value_text(conflict.mine)))
            last = self.conflict.last_change(conflict.field)
            theirs_text = self.tr("opgeslagen waarde: {0}").format(value_text(conflict.theirs))
            if last is not None and last.user:
                theirs_text += self.tr(" (van {0})").format(last.user)
            theirs = QRadioButton(theirs_text)
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            group.buttonToggled.connect(self._update_merge_button)
            mine.setObjectName(f"mine:{conflict.field}")
            theirs.setObjectName(f"theirs:{conflict.field}")
            self.choice_groups[conflict.field] = group
            grid.addWidget(mine, row, 1)
            grid.addWidget(theirs, row, 2)
        return box

    def _mine_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Uw wijzigingen zonder conflict (worden samengevoegd)"))
        c = self.conflict
        lines = [f"{self._label(name)}: {value_text(c.base.get(name))} \u2192 {value_text(c.mine[name])}"
                 for name in c.merge.mine_applied]
        self.mine_label = QLabel("\n".join(lines) if lines else self.tr("geen"))
        self.mine_label.setWordWrap(True)
        QVBoxLayout(box).addWidget(self.mine_label)
        return box

    def choose(self, name: str, side: str) -> None:
        """Pick "mine" or "theirs" for a field both changed (as clicking its radio button)."""
        self.findChild(QRadioButton, f"{side}:{name}").setChecked(True)

    def choices(self) -> dict[str, str]:
        out = {}
        for name, group in self.choice_groups.items():
            button = group.checkedButton()
            if button is not None:
                out[name] = button.objectName().split(":", 1)[0]
        return out

    def _update_merge_button(self, *_args) -> None:
        missing = len(self.choices()) < len(self.choice_groups)
        self.merge_button.setEnabled(not missing)
        self.merge_button.setToolTip(self.tr("Kies eerst per veld welke waarde blijft") if missing else
                                     self.tr("Uw wijzigingen boven op die van de ander opslaan"))

    def choose_merge(self) -> None:
        if len(self.choices()) < len(self.choice_groups):
            return
        self.resolution = Resolution(MERGE, self.choices())
        self.accept()

    def choose_reload(self) -> None:
        self.resolution = Resolution(RELOAD)
        self.accept()

    @classmethod
    def ask(cls, conflict: EditConflict, parent: QWidget | None = None) -> Resolution | None:
        """Modal; None when cancelled (tests monkeypatch this)."""
        dialog = cls(conflict, parent)
        dialog.exec()
        return dialog.resolution
