"""The Bomenplan map draws each tree as a round-capped zero-length line, one path per colour."""

import numpy as np
from reportlab.graphics.shapes import Drawing, Path

from bomenplan.reports.bomenplan_charts import DEAD, GROUP_COLOURS, _tree_dots
from bomenplan.services.bomenplan_report import MapData


def _dots(n_trees: int):
    x = np.arange(n_trees, dtype=float)
    group = np.array(["laanboom", "solitair", "laanboom", "onbekend"] * (n_trees // 4), dtype=object)
    living = np.ones(n_trees, dtype=bool)
    living[1] = False  # the second tree (a solitair) is dead
    drawing = Drawing(100, 100)
    _tree_dots(drawing, MapData(x, x.copy(), group, living), lambda a, b: (a * 2.0, b * 3.0))
    return [s for s in drawing.contents if isinstance(s, Path)]


def test_one_dot_per_tree_grouped_by_colour_dead_on_top():
    paths = _dots(8)
    # colours in order of first appearance: laanboom, onbekend (solitair 1 is dead), solitair; dead last
    assert [p.strokeColor for p in paths] == [GROUP_COLOURS["laanboom"], GROUP_COLOURS["onbekend"],
                                             GROUP_COLOURS["solitair"], DEAD]
    # laanboom trees are 0, 2, 4, 6: each a moveTo + lineTo at (2x, 3x)
    assert paths[0].points == [0.0, 0.0, 0.0, 0.0, 4.0, 6.0, 4.0, 6.0, 8.0, 12.0, 8.0, 12.0,
                               12.0, 18.0, 12.0, 18.0]
    assert paths[3].points == [2.0, 3.0, 2.0, 3.0]  # the dead tree 1
    assert sum(len(p.points) for p in paths) == 8 * 4


def test_dot_size_and_round_caps():
    small, large = _dots(8), _dots(2000)
    assert all(p.strokeLineCap == 1 and p.fillColor is None for p in small + large)
    assert {p.strokeWidth for p in small} == {3.2}  # radius 1,6 pt below 2000 trees
    assert {p.strokeWidth for p in large} == {1.4}  # radius 0,7 pt from 2000 trees
