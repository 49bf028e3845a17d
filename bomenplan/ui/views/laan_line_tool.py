"""Map tool: adjust a row of the selected laan by clicking. The row end nearest to the click
moves there: a click beyond the end extends the row, a click inside it shortens the row."""

from __future__ import annotations

from collections.abc import Callable

from shapely.geometry import LineString, Point

from bomenplan.domain.laan import Laan
from bomenplan.ui.views.map_tools import PickPositionTool


def adjusted_rows(laan: Laan, x: float, y: float) -> tuple[LineString, ...]:
    """The laan's rows with the end nearest to (x, y) moved to (x, y)."""
    click = Point(x, y)
    row_i = min(range(len(laan.rows)), key=lambda i: laan.rows[i].distance(click))
    row = laan.rows[row_i]
    coords = list(row.coords)
    at_start = Point(coords[0]).distance(click) < Point(coords[-1]).distance(click)
    if at_start:
        coords.reverse()
    s = row.project(click) if not at_start else row.length - row.project(click)
    if s >= row.length - 1e-6:  # beyond the end: extend
        coords.append((x, y))
    else:  # inside: cut the row at the click
        kept = [c for c in coords if LineString(coords).project(Point(c)) < s]
        coords = kept + [(x, y)]
    if at_start:
        coords.reverse()
    rows = list(laan.rows)
    rows[row_i] = LineString(coords)
    return tuple(rows)


class AdjustRowTool(PickPositionTool):
    def __init__(self, plot_item, current_laan: Callable[[], Laan | None],
                 make_command: Callable[[Laan, Laan], object], parent=None):
        super().__init__(plot_item, parent)
        self.current_laan = current_laan
        self.make_command = make_command

    def command_at(self, x: float, y: float):
        laan = self.current_laan()
        if laan is None:
            return None
        rows = adjusted_rows(laan, x, y)
        if any(r.length <= 0 for r in rows):
            return None
        return self.make_command(laan, laan.with_changes(rows=rows))
