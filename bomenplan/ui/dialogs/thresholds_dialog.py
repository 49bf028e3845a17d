"""Dialog for the quality thresholds of lanen (goed / matig / slecht), kept in the settings."""

from __future__ import annotations

import json
from dataclasses import asdict, fields

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QSpinBox

from bomenplan.domain.laan_quality import QualityThresholds
from bomenplan.ui.settings import Option

THRESHOLDS = Option("lanen/kwaliteitsdrempels", str, "")
LABELS = {
    "goed_completeness_pct": "Goed: minimaal compleet (%)",
    "matig_completeness_pct": "Matig: minimaal compleet (%)",
    "goed_misfit_share": "Goed: hoogstens aandeel afwijkende vervangers",
    "matig_misfit_share": "Matig: hoogstens aandeel afwijkende vervangers",
    "misfit_diameter_ratio": "Afwijkend: dunner dan dit deel van de buren",
    "misfit_age_gap_years": "Afwijkend: zoveel jaar jonger dan de buren",
}


def load_thresholds(settings) -> QualityThresholds:
    text = settings.get(THRESHOLDS) if settings is not None else ""
    try:
        values = json.loads(text) if text else {}
        known = {f.name for f in fields(QualityThresholds)}
        return QualityThresholds(**{k: v for k, v in values.items() if k in known})
    except (ValueError, TypeError):
        return QualityThresholds()


def save_thresholds(settings, thresholds: QualityThresholds) -> None:
    settings.set(THRESHOLDS, json.dumps(asdict(thresholds)))


class ThresholdsDialog(QDialog):
    def __init__(self, thresholds: QualityThresholds, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kwaliteitsdrempels lanen"))
        form = QFormLayout(self)
        self.editors = {}
        for f in fields(QualityThresholds):
            value = getattr(thresholds, f.name)
            if isinstance(value, int):
                editor = QSpinBox()
                editor.setRange(0, 200)
            else:
                editor = QDoubleSpinBox()
                editor.setDecimals(2)
                editor.setRange(0.0, 100.0)
                editor.setSingleStep(0.05 if value <= 1 else 1.0)
            editor.setValue(value)
            self.editors[f.name] = editor
            form.addRow(self.tr(LABELS[f.name]), editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.defaults)
        form.addRow(buttons)

    def defaults(self) -> None:
        for name, editor in self.editors.items():
            editor.setValue(getattr(QualityThresholds(), name))

    def thresholds(self) -> QualityThresholds:
        return QualityThresholds(**{name: e.value() for name, e in self.editors.items()})
