"""Diversity (Santamour 10-20-30) per wijk / buurt / straat (laan): chart of the largest species,
genus and family share per group with the 10/20/30 % lines, the warnings, and a what-if form."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.diversity import LEVELS, SANTAMOUR, GroupDiversity
from bomenplan.domain.errors import BomenplanError
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.services import species_register as register
from bomenplan.ui.models.species_models import LEVEL_LABELS, DiversityWarningModel, tr

LEVEL_COLOURS = {"species": "#2e7d32", "genus": "#1565c0", "family": "#ef6c00"}
MAX_GROUPS_IN_CHART = 40
GROUPING_LABELS = {None: "Hele bestand", "wijk": "Per wijk", "buurt": "Per buurt",
                   "straat": "Per straat", "laan": "Per laan (vastgestelde lanen)"}


class DiversityView(QWidget):
    def __init__(self, uow_factory: Callable, columns: Callable[[], RegisterColumns], parent=None):
        super().__init__(parent)
        self.uow_factory, self.columns = uow_factory, columns
        self.results: list[GroupDiversity] = []
        self.lookup = None
        self.grouping = QComboBox()
        for key, label in GROUPING_LABELS.items():
            self.grouping.addItem(tr(label), key)
        self.refresh_button = QPushButton(tr("Berekenen"))
        self.chart = pg.PlotWidget(background="w")
        self.chart.setLabel("left", tr("grootste aandeel (%)"))
        self.chart.addLegend(offset=(-10, 10))
        self.chart.setMouseEnabled(x=True, y=False)
        self.warnings = DiversityWarningModel(self)
        self.warning_table = QTableView()
        self.warning_table.setModel(self.warnings)
        self.warning_table.verticalHeader().hide()
        self.summary = QLabel()
        self._build_what_if()
        top = QHBoxLayout()
        top.addWidget(self.grouping)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning_table, 1)
        layout.addLayout(self.what_if_form)
        self.refresh_button.clicked.connect(self.refresh)
        self.grouping.currentIndexChanged.connect(self.refresh)
        self.what_if_button.clicked.connect(self._on_what_if_clicked)

    def _build_what_if(self) -> None:
        self.what_if_group = QComboBox()
        self.what_if_species = QComboBox()
        self.what_if_count = QSpinBox()
        self.what_if_count.setRange(1, 100_000)
        self.what_if_count.setValue(10)
        self.what_if_button = QPushButton(tr("Wat als…"))
        self.what_if_result = QLabel()
        self.what_if_result.setWordWrap(True)
        self.what_if_form = QFormLayout()
        self.what_if_form.addRow(tr("Groep"), self.what_if_group)
        self.what_if_form.addRow(tr("Soort"), self.what_if_species)
        self.what_if_form.addRow(tr("Aantal te planten"), self.what_if_count)
        self.what_if_form.addRow(self.what_if_button, self.what_if_result)

    def set_grouping(self, key: str | None) -> None:
        self.grouping.setCurrentIndex(self.grouping.findData(key))

    def refresh(self, *_args) -> None:
        self.lookup = register.lookup(self.uow_factory())
        try:
            self.results = register.diversity(self.columns(), self.lookup, self._by())
        except BomenplanError as exc:
            self.summary.setText(str(exc))
            return
        self.results.sort(key=lambda r: -r.trees)
        rows = [(r.group, w, register.disease_risk(w.taxon) if w.level != "family" else "")
                for r in self.results for w in r.warnings]
        self.warnings.set_warnings(rows)
        over = sum(1 for r in self.results if r.warnings)
        self.summary.setText(tr("%1 groepen, %2 met overschrijding van 10-20-30")
                             .replace("%1", str(len(self.results))).replace("%2", str(over)))
        self._draw()
        self._fill_what_if()

    def _by(self):
        """The grouping for the services: a register column name, None, or laan labels."""
        by = self.grouping.currentData()
        return register.laan_groups(self.uow_factory(), self.columns()) if by == "laan" else by

    def _draw(self) -> None:
        self.chart.clear()
        shown = self.results[:MAX_GROUPS_IN_CHART]
        x = np.arange(len(shown), dtype=float)
        for i, level in enumerate(LEVELS):
            pct = [(r.largest(level).percent if r.largest(level) else 0.0) for r in shown]
            self.chart.addItem(pg.BarGraphItem(x=x + (i - 1) * 0.27, height=pct, width=0.25,
                                               brush=pg.mkBrush(LEVEL_COLOURS[level]),
                                               name=tr(LEVEL_LABELS[level])))
            line = pg.InfiniteLine(pos=SANTAMOUR.of(level), angle=0,
                                   pen=pg.mkPen(LEVEL_COLOURS[level], width=1.5,
                                                style=pg.QtCore.Qt.PenStyle.DashLine))
            self.chart.addItem(line)
        labels = [(i, r.group or tr("hele bestand")) for i, r in enumerate(shown)]
        self.chart.getAxis("bottom").setTicks([labels])
        self.chart.setYRange(0, 100, padding=0.02)
        self.chart.setXRange(-0.6, max(len(shown), 1) - 0.4, padding=0)

    def chart_heights(self) -> dict[str, list[float]]:
        """Bar heights per level as drawn (for tests)."""
        bars = [i for i in self.chart.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
        return {lv: list(b.opts["height"]) for lv, b in zip(LEVELS, bars, strict=True)}

    def _fill_what_if(self) -> None:
        current = self.what_if_group.currentText()
        self.what_if_group.clear()
        for r in self.results:
            self.what_if_group.addItem(r.group or tr("hele bestand"), r.group)
        i = self.what_if_group.findText(current)
        self.what_if_group.setCurrentIndex(max(i, 0))
        if self.what_if_species.count() == 0 and self.lookup is not None:
            for e in sorted(self.lookup.entries, key=lambda e: e.species.full_name):
                if not e.species.cultivar:
                    self.what_if_species.addItem(e.species.full_name, e.species.id)

    def _on_what_if_clicked(self) -> None:
        if self.lookup is None or self.what_if_species.currentData() is None:
            return
        by = self._by()
        group = self.what_if_group.currentData() or ""
        try:
            result = register.what_if(self.columns(), self.lookup, by, group,
                                      self.what_if_count.value(), self.what_if_species.currentData())
        except BomenplanError as exc:
            self.what_if_result.setText(str(exc))
            return
        parts = []
        for level in LEVELS:
            before, after = result.share_change(level)
            parts.append(f"{tr(LEVEL_LABELS[level])} {result.planted[level]}: "
                         f"{before:.1f} % → {after:.1f} % (≤ {SANTAMOUR.of(level):g} %)")
        over = [f"{w.taxon} {w.percent:.1f} %" for w in result.after.warnings]
        text = "<br>".join(parts)
        text += "<br><b>" + (tr("Overschrijdingen na planten: ") + ", ".join(over) if over
                             else tr("Na planten voldoet de groep aan 10-20-30.")) + "</b>"
        self.what_if_result.setText(text)
