"""Statistics of a set of trees (the selection, else the visible rows): species mix, age from
plantjaar, height class, and the ecological mix (mean eco score, native share)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bomenplan.domain.diversity import factorize
from bomenplan.domain.dutch_text import plural
from bomenplan.domain.register_columns import MISSING_YEAR, RegisterColumns
from bomenplan.domain.values import Hoogteklasse
from bomenplan.ui.models.species_models import tr
from bomenplan.ui.views.chart_axes import count_ticks

BAR_COLOUR = "#2e7d32"
AGE_BINS = (0, 10, 20, 30, 40, 60, 80, 100, 150)
TOP_SPECIES = 10


class SpeciesStatisticsPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.species_chart = self._plot(tr("aantal bomen"), "bottom")
        self.species_chart.setMinimumHeight(200)  # ten named bars, one per line
        self.age_chart = self._plot(tr("aantal bomen"))
        self.size_chart = self._plot(tr("aantal bomen"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        for title, chart in ((tr("Soortenmix"), self.species_chart),
                             (tr("Leeftijd (uit plantjaar)"), self.age_chart),
                             (tr("Hoogteklasse"), self.size_chart)):
            layout.addWidget(QLabel(f"<b>{title}</b>"))
            layout.addWidget(chart)
        self.counts: dict[str, dict[str, int]] = {}

    @staticmethod
    def _plot(count_label: str, count_axis: str = "left") -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w")
        plot.setMinimumHeight(130)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setLabel(count_axis, count_label)
        return plot

    def show_rows(self, columns: RegisterColumns, rows: np.ndarray, eco_score: np.ndarray | None,
                  native: np.ndarray | None, scope: str,
                  species: tuple[np.ndarray, list[str]] | None = None) -> None:
        """Show statistics of `rows` (indices into columns); eco arrays are per register row.
        `species`: the species column already factorised (codes per register row, names)."""
        self.show_statistics(statistics_of(columns, rows, eco_score, native, species,
                                           unknown_labels()), scope)

    def show_statistics(self, stats: dict, scope: str) -> None:
        """Draw counts computed by statistics_of (possibly in a worker)."""
        self.counts = {key: stats[key] for key in ("species", "age", "size")}
        _horizontal_bars(self.species_chart, stats["species"])
        _bars(self.age_chart, stats["age"])
        _bars(self.size_chart, stats["size"])
        self.summary.setText(_summary(stats, scope))


def unknown_labels() -> tuple[str, str]:
    """(unknown species, unknown age) in the user's language; read on the GUI thread."""
    return tr("(onbekend)"), tr("onbekend")


def statistics_of(columns: RegisterColumns, rows: np.ndarray, eco_score: np.ndarray | None,
                  native: np.ndarray | None, species: tuple[np.ndarray, list[str]] | None,
                  unknown: tuple[str, str]) -> dict:
    """Counts and eco figures of `rows`: plain data only, so it may run in a worker."""
    rows = np.asarray(rows, dtype=np.int64)
    if species is None:
        codes, names = factorize(columns.species_name[rows])
    else:
        codes, names = species[0][rows], species[1]
    counts = np.bincount(codes, minlength=len(names))
    order = np.argsort(-counts, kind="stable")[:TOP_SPECIES]
    stats = {"n": len(rows), "mean_score": None, "known": 0, "native": {},
             "species": {str(names[i]) or unknown[0]: int(counts[i]) for i in order if counts[i]},
             "age": _age_counts(columns.plantjaar[rows], unknown[1]),
             "size": _size_counts(columns.hoogteklasse[rows])}
    if eco_score is not None and len(rows):
        scores = eco_score[rows]
        known = scores[~np.isnan(scores)]
        stats["known"] = len(known)
        stats["mean_score"] = float(known.mean()) if len(known) else None
        stats["native"] = dict(Counter(native[rows].tolist()))
    return stats


def _summary(stats: dict, scope: str) -> str:
    text = tr("%1: %2").replace("%1", scope).replace("%2", plural(stats["n"], tr("boom"), tr("bomen")))
    if not stats["native"]:
        return text
    if stats["mean_score"] is not None:
        text += "<br>" + tr("Gemiddelde ecologische score: %1 (%2 bomen met bekende soort)") \
            .replace("%1", f"{stats['mean_score']:.1f}".replace(".", ",")) \
            .replace("%2", f"{stats['known']:,}".replace(",", "."))
    parts = [f"{label} {100 * stats['native'].get(label, 0) / stats['n']:.0f} %"
             for label in ("inheems", "ingeburgerd", "exoot")]
    return text + "<br>" + ", ".join(parts)


def _age_counts(plantjaar: np.ndarray, unknown: str) -> dict[str, int]:
    known = plantjaar[plantjaar != MISSING_YEAR]
    age = date.today().year - known
    out = {}
    for low, high in zip(AGE_BINS, (*AGE_BINS[1:], None), strict=True):
        mask = age >= low if high is None else (age >= low) & (age < high)
        out[f"{low}+" if high is None else f"{low}-{high}"] = int(np.count_nonzero(mask))
    out[unknown] = int(len(plantjaar) - len(known))
    return out


def _size_counts(hoogteklasse: np.ndarray) -> dict[str, int]:
    counts = Counter(hoogteklasse.tolist())  # one pass, not one object comparison per class
    return {str(k): counts.get(str(k), 0) for k in Hoogteklasse}


def _bars(plot: pg.PlotWidget, counts: dict[str, int]) -> None:
    plot.clear()
    x = np.arange(len(counts), dtype=float)
    plot.addItem(pg.BarGraphItem(x=x, height=list(counts.values()), width=0.7,
                                 brush=pg.mkBrush(BAR_COLOUR)))
    plot.getAxis("bottom").setTicks([[(i, k) for i, k in enumerate(counts)]])
    ticks = count_ticks(max(counts.values(), default=0))
    plot.getAxis("left").setTicks([ticks])
    if len(counts):
        plot.setXRange(-0.6, len(counts) - 0.4, padding=0)
    plot.setYRange(0, ticks[-1][0], padding=0.02)


def _horizontal_bars(plot: pg.PlotWidget, counts: dict[str, int]) -> None:
    """Species names as readable rows, the most common on top."""
    plot.clear()
    y = -np.arange(len(counts), dtype=float)
    plot.addItem(pg.BarGraphItem(x0=0, y=y, width=list(counts.values()), height=0.7,
                                 brush=pg.mkBrush(BAR_COLOUR)))
    plot.getAxis("left").setTicks([[(-i, k) for i, k in enumerate(counts)]])
    ticks = count_ticks(max(counts.values(), default=0))
    plot.getAxis("bottom").setTicks([ticks])
    if len(counts):
        plot.setYRange(-len(counts) + 0.4, 0.6, padding=0)
    plot.setXRange(0, ticks[-1][0], padding=0.02)
