"""Detail of one catalogue species: facts, score breakdown chart (pyqtgraph), components with
weights and sources, and a form to edit one value with its source."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.ecology import SOURCE_GROUPS, CatalogueEntry, EcoScore
from bomenplan.services.species_catalogue import EDITABLE_FIELDS, value_text
from bomenplan.ui.models.species_models import COMPONENT_LABELS, ScoreComponentModel, tr

FIELD_LABELS = {
    "dutch_name": "Nederlandse naam", "family": "Familie", "grootteklasse": "Grootteklasse",
    "crown_diameter_m": "Kroondiameter (m)", "life_expectancy_years": "Levensduur (jaar)",
    "insect_species": "Insectensoorten", "insect_basis": "Basis insectental",
    "nectar": "Nectar (0-5)", "pollen": "Stuifmeel (0-5)", "flowering_months": "Bloeimaanden",
    "waardboom_vlinders": "Waardboom vlinders", "waardboom_vogels": "Waardboom vogels",
    "fruit_people": "Vruchten voor mensen", "fruit_birds": "Vruchten voor vogels",
    "epr_host": "Waardboom eikenprocessierups", "allergenic_pollen": "Allergeen stuifmeel",
    "native_status": "Status (inheems/ingeburgerd/exoot)", "invasive": "Invasief",
    "tol_drought": "Tolerantie droogte (0-3)", "tol_heat": "Tolerantie hitte (0-3)",
    "tol_paving": "Tolerantie verharding (0-3)", "tol_salt": "Tolerantie zout (0-3)",
    "tol_wet": "Tolerantie natte grond (0-3)",
    "thermal_margin_now_c": "Thermische marge nu (°C)",
    "thermal_margin_2050_c": "Thermische marge 2050 (°C)",
    "hydraulic_margin_now_mm": "Hydraulische marge nu (mm)",
    "hydraulic_margin_2050_mm": "Hydraulische marge 2050 (mm)",
    "climate_now": "Klimaatrobuustheid nu (0-3)", "climate_2050": "Klimaatrobuustheid 2050 (0-3)",
    "hardiness_zone": "Winterhardheidszone (USDA, bv. 6b)",
    "note": "Opmerking",
}
SOURCE_LABELS = {"names": "Namen", "size": "Grootte", "insects": "Insecten", "bees": "Bijen",
                 "wildlife": "Dieren", "native": "Status", "tolerance": "Tolerantie",
                 "climate": "Klimaat"}


class SpeciesDetailPanel(QWidget):
    edit_requested = Signal(str, str, str)  # field, value, source

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entry: CatalogueEntry | None = None
        self.score: EcoScore | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.chart = pg.PlotWidget(background="w")
        self.chart.setMinimumHeight(180)
        self.chart.setMouseEnabled(False, False)
        self.chart.hideButtons()
        self.chart.setLabel("bottom", tr("punten"))
        self.bars: pg.BarGraphItem | None = None
        self.components = ScoreComponentModel(self)
        self.table = QTableView()
        self.table.setModel(self.components)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self._build_form()
        layout = QVBoxLayout(self)
        for w in (self.title, self.facts, self.chart, self.table, self.sources):
            layout.addWidget(w)
        layout.addLayout(self.form)

    def _build_form(self) -> None:
        self.field_combo = QComboBox()
        for name in EDITABLE_FIELDS:
            self.field_combo.addItem(tr(FIELD_LABELS.get(name, name)), name)
        self.value_edit = QLineEdit()
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(tr("verplicht, bijv. 'Imkerpedia 2026' of 'eigen waarneming'"))
        self.apply_button = QPushButton(tr("Wijzigen"))
        self.form = QFormLayout()
        self.form.addRow(tr("Veld"), self.field_combo)
        row = QHBoxLayout()
        row.addWidget(self.value_edit)
        self.form.addRow(tr("Nieuwe waarde"), row)
        self.form.addRow(tr("Bron"), self.source_edit)
        self.form.addRow("", self.apply_button)
        self.field_combo.currentIndexChanged.connect(self._on_field_combo_changed)
        self.apply_button.clicked.connect(self._on_apply_clicked)

    def set_entry(self, entry: CatalogueEntry | None, score: EcoScore | None) -> None:
        self.entry, self.score = entry, score
        self.components.set_score(score)
        self._show_chart()
        self._on_field_combo_changed()
        self.setEnabled(entry is not None)
        if entry is None:
            self.title.clear()
            self.facts.clear()
            self.sources.clear()
            return
        sp, p = entry.species, entry.profile
        self.title.setText(f"<h3>{html.escape(sp.full_name)} — {html.escape(sp.dutch_name)}</h3>"
                           + tr("Ecologische score: <b>%1</b> van 100 (gewichten %2)")
                           .replace("%1", f"{score.total:.1f}").replace("%2", score.weights_version))
        facts = [(tr("Geslacht / familie"), f"{sp.genus} / {sp.family}"),
                 (tr("Grootteklasse"), str(sp.grootteklasse)),
                 (tr("Kroon / levensduur"), f"{_v(p.crown_diameter_m)} m / {_v(p.life_expectancy_years)} jaar"),
                 (tr("Bloei"), p.flowering_months or "?"),
                 (tr("Status"), f"{p.native_status}{', ' + tr('invasief') if p.invasive else ''}"),
                 (tr("Eikenprocessierups"), tr("waardboom") if p.epr_host else tr("nee")),
                 (tr("Allergeen stuifmeel"), tr("ja") if p.allergenic_pollen else tr("nee")),
                 (tr("Tolerantie droog/hitte/verharding/zout/nat"),
                  "/".join(_v(getattr(p, f"tol_{t}")) for t in ("drought", "heat", "paving", "salt", "wet"))),
                 (tr("Klimaat Assen nu / 2050 (0-3)"), f"{_v(p.climate_now)} / {_v(p.climate_2050)}"
                  + (tr(" (vorsttoets: winterhardheidszone %1)").replace("%1", p.hardiness_zone)
                     if p.hardiness_zone else "")),
                 (tr("Insecten"), f"{_v(p.insect_species)} — {p.insect_basis}")]
        self.facts.setText("<table>" + "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                                               for k, v in facts) + "</table>")
        self.sources.setText("<b>" + tr("Bronnen") + "</b><br>" + "<br>".join(
            f"{html.escape(tr(SOURCE_LABELS[g]))}: {html.escape(p.source(g) or '?')}"
            for g in SOURCE_GROUPS))

    def bar_heights(self) -> np.ndarray:
        """Points per component as drawn (for tests)."""
        return np.zeros(0) if self.bars is None else np.asarray(self.bars.opts["width"])

    def _show_chart(self) -> None:
        self.chart.clear()
        self.bars = None
        if self.score is None:
            return
        comps = self.score.components
        y = np.arange(len(comps), dtype=float)
        weights = pg.BarGraphItem(x0=0, y=y, height=0.6, width=[c.weight for c in comps],
                                  brush=pg.mkBrush("#e0e0e0"), pen=pg.mkPen("#bdbdbd"))
        self.bars = pg.BarGraphItem(x0=0, y=y, height=0.6, width=[c.points for c in comps],
                                    brush=pg.mkBrush("#2e7d32"), pen=pg.mkPen("#1b5e20"))
        self.chart.addItem(weights)
        self.chart.addItem(self.bars)
        axis = self.chart.getAxis("left")
        axis.setTicks([[(i, tr(COMPONENT_LABELS[c.name])) for i, c in enumerate(comps)]])
        self.chart.setXRange(0, max(c.weight for c in comps) * 1.05, padding=0)
        self.chart.setYRange(-0.6, len(comps) - 0.4, padding=0)

    def _on_field_combo_changed(self, *_args) -> None:
        field = self.field_combo.currentData()
        self.value_edit.setText("" if self.entry is None else value_text(self.entry, field))

    def _on_apply_clicked(self) -> None:
        self.edit_requested.emit(self.field_combo.currentData(), self.value_edit.text(),
                                 self.source_edit.text())

    def select_field(self, field: str) -> None:
        self.field_combo.setCurrentIndex(self.field_combo.findData(field))


def _v(value) -> str:
    return "?" if value is None else str(value)
