"""Map repaints keep the references to None / True / False they take (issue 9 §2).

PySide6 6.12.0 returns None from C++ virtuals called through Python without taking a reference;
on Python 3.11 every map repaint then lowers the count of None until the interpreter aborts
("Fatal Python error: none_dealloc"). pyproject.toml keeps Python 3.11 below 6.12 for this; this
test shows that the binding CI installs does not leak. On 3.12+ the singletons are immortal
(PEP 683) and their count means nothing.
"""

import gc
import sys

import pytest
from PySide6.QtCore import QItemSelectionModel
from test_tree_table_model import columns_of

from bomenplan.ui.models.tree_table_model import TreeTableModel
from bomenplan.ui.views.map_view import MapView

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12),
                                reason="None/True/False are immortal from Python 3.12 (PEP 683)")

STEPS = 300
TREES = 3000
# Counts move a little as caches and temporary objects come and go (seen here: up to ~1,400 when
# the first zoom switches the map from its raster overview to exact points, hence the warm-up
# cycle, and a one-off 1,974 in a full suite on a loaded machine, when objects of earlier tests
# were freed); the 6.12.0 leak lost 9,279 references to None in the first 25 repaints and keeps
# losing as many in every 25 after, so 3,000 still catches it at the first check.
ALLOWED_DROP = 3000
WARM_UP_STEPS = 70  # one full cycle of the zoom (10) × pan (7) pattern below


def singleton_counts() -> dict[str, int]:
    gc.collect()
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
            "False": sys.getrefcount(False)}


@pytest.fixture
def map_view(qtbot):
    model = TreeTableModel(columns_of(TREES))
    view = MapView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.set_model(model, QItemSelectionModel(model, view))
    view.show()
    qtbot.waitExposed(view)
    view.zoom_to_all()
    qtbot.waitUntil(view.is_scatter_ready)
    return view


def test_zooming_and_panning_the_map_does_not_drop_references_to_singletons(map_view, qtbot):
    vb = map_view.plot_item.getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    cx, cy, half = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2

    def repaint(step: int) -> None:
        scale = 0.2 + 0.8 * (step % 10) / 10  # zoom in and out …
        shift = half * 0.05 * (step % 7)  # … and pan
        vb.setRange(xRange=(cx - half * scale + shift, cx + half * scale + shift),
                    yRange=(cy - half * scale, cy + half * scale), padding=0)
        map_view.grab()
        qtbot.wait(0)

    for step in range(WARM_UP_STEPS):  # caches, fonts, axis ticks and both levels of detail
        repaint(step)
    before = singleton_counts()
    drops = {}
    for step in range(STEPS):
        repaint(step)
        if step % 25 == 24:
            now = singleton_counts()
            drops = {name: before[name] - now[name] for name in before}
            # Stop before a leaking binding brings a count to zero and aborts the interpreter.
            assert max(drops.values()) <= ALLOWED_DROP, (
                f"after {step + 1} repaints the references fell by {drops}")
    assert map_view.showing_points()
    assert drops and max(drops.values()) <= ALLOWED_DROP
