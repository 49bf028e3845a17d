"""Map overlays of the lanen: rows as lines coloured by quality, gaps as markers, and the
selected laan / gap highlighted. One PlotCurveItem per colour (NaN breaks, connect="finite")
and one brush per marker item (never per-point brushes)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from bomenplan.domain.laan_quality import LaanKwaliteit
from bomenplan.services.lanen import LanenReport
from bomenplan.services.map_colours import KWALITEIT_COLOURS

LAYER_PREFIX = "lanen"
GAP_LAYER = "lanen: gaten"
SELECTED_LAYER = "lanen: geselecteerd"
SELECTED_GAP_LAYER = "lanen: geselecteerd gat"
CASING_LAYER = "lanen: rand"
CASING_COLOUR = "#102027"  # a dark edge: quality lines never read as coloured tree dots


def _xy_with_breaks(lines) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for line in lines:
        coords = np.asarray(line.coords)
        xs += [coords[:, 0], [np.nan]]
        ys += [coords[:, 1], [np.nan]]
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)


class LanenLayer:
    def __init__(self, map_view):
        self.map_view = map_view
        self.curves: dict[LaanKwaliteit, pg.PlotCurveItem] = {}
        self.casing = pg.PlotCurveItem(pen=pg.mkPen(CASING_COLOUR, width=6), connect="finite")
        self.casing.setZValue(4.5)
        map_view.add_layer(CASING_LAYER, self.casing)
        for kwaliteit, colour in KWALITEIT_COLOURS.items():
            curve = pg.PlotCurveItem(pen=pg.mkPen(QColor(colour), width=3), connect="finite")
            curve.setZValue(5)
            self.curves[kwaliteit] = curve
            map_view.add_layer(f"{LAYER_PREFIX}: {kwaliteit}", curve)
        self.gaps = pg.ScatterPlotItem(symbol="x", size=11, pen=pg.mkPen("#7a0177", width=2),
                                       brush=pg.mkBrush("#7a0177"), pxMode=True)
        self.gaps.setZValue(6)
        map_view.add_layer(GAP_LAYER, self.gaps)
        self.selected = pg.PlotCurveItem(pen=pg.mkPen("#1f4fd1", width=6), connect="finite")
        self.selected.setZValue(4)
        map_view.add_layer(SELECTED_LAYER, self.selected)
        self.selected_gap = pg.ScatterPlotItem(symbol="o", size=22, pen=pg.mkPen("#1f4fd1", width=3),
                                               brush=pg.mkBrush(0, 0, 0, 0), pxMode=True)
        self.selected_gap.setZValue(7)
        map_view.add_layer(SELECTED_GAP_LAYER, self.selected_gap)
        self.legend = _lanen_legend(map_view, self.curves, self.gaps)

    def show_report(self, report: LanenReport | None) -> None:
        by_class: dict[LaanKwaliteit, list] = {k: [] for k in self.curves}
        gx, gy = [], []
        if report:
            for laan, q in zip(report.lanen, report.analysis.quality, strict=True):
                by_class[q.kwaliteit].extend(laan.rows)
            for gap in report.analysis.gaps:
                for x, y in gap.positions:
                    gx.append(x)
                    gy.append(y)
        for kwaliteit, curve in self.curves.items():
            curve.setData(*_xy_with_breaks(by_class[kwaliteit]))
        self.casing.setData(*_xy_with_breaks([r for rows in by_class.values() for r in rows]))
        self.legend.setVisible(bool(report and report.lanen))
        self.gaps.setData(x=np.asarray(gx, dtype=float), y=np.asarray(gy, dtype=float))
        self.select(None)

    def gap_count(self) -> int:
        return len(self.gaps.data)

    def select(self, laan, gap=None) -> None:
        self.selected.setData(*_xy_with_breaks(laan.rows if laan is not None else []))
        if gap is None:
            self.selected_gap.setData(x=np.empty(0), y=np.empty(0))
        else:
            self.selected_gap.setData(x=np.array([p[0] for p in gap.positions]),
                                      y=np.array([p[1] for p in gap.positions]))

    def remove(self) -> None:
        for kwaliteit in self.curves:
            self.map_view.remove_layer(f"{LAYER_PREFIX}: {kwaliteit}")
        for name in (GAP_LAYER, SELECTED_LAYER, SELECTED_GAP_LAYER, CASING_LAYER):
            self.map_view.remove_layer(name)
        self.legend.setParentItem(None)
        self.legend.hide()


def _lanen_legend(map_view, curves, gaps) -> pg.LegendItem:
    """The lanen's own legend, bottom left; the trees' legend stays top right."""
    legend = pg.LegendItem(offset=(10, -40), brush=pg.mkBrush(255, 255, 255, 225),
                           pen=pg.mkPen("#c8c8c8"), labelTextColor="#263238", labelTextSize="8pt")
    legend.setParentItem(map_view.plot_item.getViewBox())
    translate = map_view.tr
    for kwaliteit, curve in curves.items():
        legend.addItem(curve, translate("laan %1").replace("%1", translate(str(kwaliteit))))
    legend.addItem(gaps, translate("gat (ontbrekende boom)"))
    legend.hide()
    return legend
