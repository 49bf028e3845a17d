"""MapView: the register on a pyqtgraph map in RD New metres, another view of the table model.

It shows the model's visible rows and shares the table's QItemSelectionModel.
Level of detail keeps every redraw cheap at 300k trees:
- many trees in view (whole city): a numpy splat of the points in view into one screen-sized
  QImage (~5 ms for 300k) drawn by PointRasterItem;
- few trees in view: the exact points, all trees in ONE ScatterPlotItem (data = tree ids) that
  culls to the view itself. Its record array is built in a worker from plain arrays and
  styled per palette group (not per point, as pyqtgraph's setData would: ~4 s at 300k).
Selection and clicks live in map_selection.py, single-tree updates in map_updates.py.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QItemSelectionModel, QRectF, Signal
from PySide6.QtGui import QColor

from bomenplan.ui.background import BackgroundJob
from bomenplan.ui.views.map_items import (
    PointRasterItem,
    TreeScatterItem,
    scatter_records,
    splat_points,
)
from bomenplan.ui.views.map_legend import MapLegendMixin
from bomenplan.ui.views.map_overlays import CursorReporter, NorthArrowItem, ScaleBarItem
from bomenplan.ui.views.map_palette import Palette, genus_palette, status_palette
from bomenplan.ui.views.map_selection import MapSelectionMixin
from bomenplan.ui.views.map_updates import MapUpdatesMixin

SCATTER_MAX_IN_VIEW = 25_000  # more trees in view → raster
SCATTER_SYNC_MAX = 25_000  # up to this many points the scatter is built at once
BUILTIN_COLOUR_MODES = ("genus", "status")
# columns → (palette group per register row, [(legend label, colour)]; the last is "unknown")
ColourFunction = Callable[[object], tuple[np.ndarray, list[tuple[str, object]]]]


class MapView(MapUpdatesMixin, MapSelectionMixin, MapLegendMixin, pg.PlotWidget):
    tree_clicked = Signal(int, bool)  # tree id, added to the selection (shift / ctrl)
    cursor_moved = Signal(str)  # the cursor's RD New coordinates as status-bar text
    layer_added = Signal(str)  # a named layer was (re)added: the layers panel applies its state

    def __init__(self, parent=None):
        super().__init__(parent, background="#f4f5f0")
        self.plot_item: pg.PlotItem = self.getPlotItem()
        self._style_axes()
        self.raster = PointRasterItem()
        self.raster.setZValue(5)
        self.scatter = TreeScatterItem(pxMode=True, size=7, pen=pg.mkPen("#37474f", width=0.6))
        self.scatter.setZValue(10)
        self.ring = TreeScatterItem(pxMode=True, size=18, brush=None,
                                    pen=pg.mkPen("#d50000", width=3))
        self.ring.setZValue(30)
        for item in (self.raster, self.scatter, self.ring):
            self.plot_item.addItem(item)
        self.legend = pg.LegendItem(offset=(-10, 10), brush=pg.mkBrush(255, 255, 255, 225),
                                    pen=pg.mkPen("#c8c8c8"), labelTextColor="#263238",
                                    labelTextSize="8pt")
        self.legend.setParentItem(self.plot_item.getViewBox())
        self._layers: dict[str, object] = {}
        self._model = None
        self._selection: QItemSelectionModel | None = None
        self._colour_mode = "genus"
        self._colour_functions: dict[str, ColourFunction] = {}  # modes added by features
        self._palette: Palette | None = None
        self._generation = 0
        self._scatter_ready = False
        self._records_job = BackgroundJob(self)  # the exact points' record array
        self._has_range = False
        self._trees_shown = True  # the layers panel can hide the trees
        self._lod_stale = True
        self._clicking = False
        self._groups_key = None
        self._groups_all = np.zeros(0, dtype=np.uint8)
        self._set_points(np.zeros(0, dtype=np.int64))
        vb = self.plot_item.getViewBox()
        vb.sigRangeChanged.connect(self._refresh_lod)
        vb.sigResized.connect(self._refresh_lod)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.scale_bar, self.north_arrow = ScaleBarItem(vb), NorthArrowItem(vb)
        self._cursor_reporter = CursorReporter(self, vb, self.cursor_moved)

    def _style_axes(self) -> None:
        pi = self.plot_item
        pi.setAspectLocked(True)
        pi.hideButtons()
        pi.setMenuEnabled(False)
        pi.getViewBox().disableAutoRange()
        # No grid: pyqtgraph's translucent grid lines cost ~20 ms per repaint (measured).
        for name in ("left", "bottom"):
            axis = pi.getAxis(name)
            axis.setPen(pg.mkPen("#9aa0a6"))
            axis.setTextPen(pg.mkPen("#5f6368"))
        pi.setLabel("bottom", self.tr("x (RD New, m)"))
        pi.setLabel("left", self.tr("y (RD New, m)"))

    # --- public API ------------------------------------------------------------------------
    def set_model(self, model, selection_model: QItemSelectionModel) -> None:
        self._model, self._selection = model, selection_model
        model.modelReset.connect(self._on_model_reset)
        model.dataChanged.connect(self._on_data_changed)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._on_rows_about_to_be_removed)
        selection_model.selectionChanged.connect(self._on_selection_changed)
        self._on_model_reset()

    def add_layer(self, name: str, item) -> None:
        self.remove_layer(name)
        self._layers[name] = item
        self.plot_item.addItem(item)
        self.layer_added.emit(name)

    def remove_layer(self, name: str) -> None:
        item = self._layers.pop(name, None)
        if item is not None:
            self.plot_item.removeItem(item)

    def layer(self, name: str):
        return self._layers.get(name)

    def set_trees_shown(self, shown: bool) -> None:
        self._trees_shown = shown
        self._refresh_lod()

    def trees_shown(self) -> bool:
        return self._trees_shown

    def layer_names(self) -> list[str]:
        return list(self._layers)

    def zoom_to(self, xmin: float, ymin: float, xmax: float, ymax: float) -> None:
        self._has_range = True
        self.plot_item.getViewBox().setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0.03)

    def zoom_to_all(self) -> None:
        if len(self._x):
            self.zoom_to(self._x.min(), self._y.min(), self._x.max(), self._y.max())

    def add_colour_mode(self, name: str, function: ColourFunction) -> None:
        """A colour mode of a feature; few groups (shared brushes), e.g. eco score classes."""
        self._colour_functions[name] = function

    def colour_modes(self) -> list[str]:
        return [*BUILTIN_COLOUR_MODES, *self._colour_functions]

    def refresh_colours(self) -> None:
        """Recompute the colours of a feature's mode (its data changed)."""
        if self._colour_mode in self._colour_functions:
            self._groups_key = None
            self._recolour()

    def set_colour_mode(self, mode: str) -> None:
        if mode not in self.colour_modes():
            raise ValueError(mode)
        if mode != self._colour_mode:
            self._colour_mode = mode
            self._recolour()

    def colour_mode(self) -> str:
        return self._colour_mode

    def is_scatter_ready(self) -> bool:
        return self._scatter_ready

    def showing_points(self) -> bool:
        """True when the exact points are drawn, False when the raster overview is."""
        return self.scatter.isVisible()

    def point_ids(self) -> np.ndarray:
        return self._ids

    # --- building points -------------------------------------------------------------------
    def _set_points(self, base: np.ndarray) -> None:
        cols = None if self._model is None else self._model.columns
        self._base = base
        self._x = np.zeros(0) if cols is None else cols.x[base]
        self._y = np.zeros(0) if cols is None else cols.y[base]
        self._ids = np.zeros(0, dtype=np.int64) if cols is None else cols.id[base]
        n_total = 0 if cols is None else len(cols)
        self._point_of_base = np.full(n_total, -1, dtype=np.int64)
        self._point_of_base[base] = np.arange(len(base))
        self._groups = (np.zeros(0, dtype=np.uint8) if cols is None
                        else self._row_groups()[base])

    def _row_groups(self) -> np.ndarray:
        """Palette group of every register row (colours stay stable under filters); cached."""
        key = (self._colour_mode, id(self._model.columns), len(self._model.columns))
        if self._groups_key != key:
            self._groups_all = self._compute_row_groups()
            self._groups_key = key
        return self._groups_all

    def _compute_row_groups(self) -> np.ndarray:
        function = self._colour_functions.get(self._colour_mode)
        if function is not None:
            groups, entries = function(self._model.columns)
            self._palette = Palette(tuple(label for label, _c in entries),
                                    tuple(QColor(c).name() for _l, c in entries), {})
            self._update_legend()
            return np.asarray(groups, dtype=np.uint8)
        if self._colour_mode == "genus":
            cats = self._model.categories("genus")
            self._palette = genus_palette(cats.uniques, cats.codes, self.tr("overig"))
        else:
            cats = self._model.categories("status")
            self._palette = status_palette(_status_labels(self), self.tr("overig"))
        self._update_legend()
        return self._palette.groups_of(cats.uniques, cats.codes)

    def _on_model_reset(self) -> None:
        self._set_points(np.sort(self._model.base_rows()))
        self._start_scatter_build()
        if not self._has_range:
            self.zoom_to_all()
            self._has_range = len(self._x) > 0
        self._refresh_lod()
        self._update_rings()

    def _recolour(self) -> None:
        self._groups = self._row_groups()[self._base]
        if self._scatter_ready and len(self.scatter.data) == len(self._x):  # same points
            self.scatter.set_records(self.scatter.data, self._groups, self._palette.brushes)
        else:
            self._start_scatter_build()
        self._refresh_lod()

    def _start_scatter_build(self) -> None:
        """Exact points: big registers get their record array built in a worker from copied
        plain arrays (the raster shows meanwhile); the GUI thread only adopts it."""
        self._generation += 1
        self._scatter_ready = False
        self.scatter.clear()
        generation, dtype = self._generation, self.scatter.data.dtype
        x, y, ids = self._x.copy(), self._y.copy(), self._ids.copy()
        if len(x) <= SCATTER_SYNC_MAX:
            self._adopt_records(generation, scatter_records(dtype, x, y, ids))
            return
        self._records_job.submit(lambda records: self._adopt_records(generation, records),
                                 scatter_records, dtype, x, y, ids)

    def _adopt_records(self, generation: int, records: np.ndarray) -> None:
        if generation != self._generation:
            return  # a newer reset took over
        if len(records) != len(self._x):  # trees were added meanwhile: build again
            self._start_scatter_build()
            return
        self.scatter.set_records(records, self._groups, self._palette.brushes)
        self._scatter_ready = True
        self._refresh_lod()

    def _build_step(self, generation: int, start: int) -> None:
        """Append the points from `start` on (a few added trees) to a built scatter."""
        if generation != self._generation or start >= len(self._x):
            return
        brushes = np.array(self._palette.brushes, dtype=object)[self._groups[start:]]
        self.scatter.addPoints(x=self._x[start:], y=self._y[start:], data=self._ids[start:],
                               brush=brushes)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._lod_stale:
            self._refresh_lod()

    # --- level of detail -------------------------------------------------------------------
    def _refresh_lod(self, *args) -> None:
        if not self.isVisible():  # while the window is built: once when shown, not per step
            self._lod_stale = True
            return
        self._lod_stale = False
        vb = self.plot_item.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        in_view = (self._x >= x0) & (self._x <= x1) & (self._y >= y0) & (self._y <= y1)
        count = int(np.count_nonzero(in_view))
        use_points = self._scatter_ready and count <= SCATTER_MAX_IN_VIEW
        self.scatter.setVisible(use_points and self._trees_shown)
        self.raster.setVisible(not use_points and self._trees_shown)
        if not use_points:
            width, height = max(1, int(vb.width())), max(1, int(vb.height()))
            buffer = splat_points(self._x[in_view], self._y[in_view], self._groups[in_view],
                            self._palette.argb if self._palette else np.zeros(1, np.uint32),
                            (x0, x1, y0, y1), width, height, 2 if count > 60_000 else 3)
            self.raster.set_image(buffer, QRectF(x0, y0, x1 - x0, y1 - y0))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_legend()


def _status_labels(widget) -> dict[str, str]:
    return {"levend": widget.tr("levend"), "stobbe": widget.tr("stobbe"),
            "gekapt": widget.tr("gekapt"), "verplant": widget.tr("verplant"),
            "leeg plantvak": widget.tr("leeg plantvak")}
