"""A real SQLite register with a few trees, and a fake main window offering the window API.

Used by the UI tests of the editing screens (tree form, commands, history, import dialog).
"""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from bomenplan.domain.tree import Tree
from bomenplan.domain.values import Boomgroep
from bomenplan.persistence.database import open_database
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register

ASSEN = (234000.0, 557000.0)
SPECIES = ("Tilia x europaea", "Quercus robur", "Acer platanoides 'Crimson King'")


def draft_tree(i: int, **changes) -> Tree:
    x, y = ASSEN
    values = dict(id=None, boomnummer=f"A{i:03d}", site_id=None, position=Point(x + 8 * i, y),
                  species_name=SPECIES[i % len(SPECIES)], plantjaar=1980 + i % 40,
                  boomgroep=Boomgroep.LAANBOOM, straat="Kerkstraat", wijk="Centrum",
                  buurt="Binnenstad")
    values.update(changes)
    return Tree(**values)


@pytest.fixture
def uow_factory(tmp_path):
    engine, sessions = open_database(tmp_path / "register.sqlite")
    yield lambda: SqlUnitOfWork(sessions)
    engine.dispose()


@pytest.fixture
def trees(uow_factory):
    return [register.add_tree(uow_factory(), draft_tree(i)) for i in range(3)]


class FakeTreeModel:
    """Records what commands push into the table model."""

    def __init__(self, uow_factory):
        self.uow_factory = uow_factory
        self.updated: list[Tree] = []
        self.added: list[Tree] = []
        self.removed: list[int] = []
        self.columns = register.load_register(uow_factory())

    def update_tree(self, tree: Tree) -> None:
        self.updated.append(tree)

    def add_tree(self, tree: Tree) -> None:
        self.added.append(tree)

    def remove_tree(self, tree_id: int) -> None:
        self.removed.append(tree_id)


def make_fake_window(uow_factory):
    """A QMainWindow with the attributes of the main window API (team brief)."""
    import pyqtgraph as pg
    from PySide6.QtCore import Qt, Signal
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from bomenplan.ui.models.tree_table_model import TreeTableModel

    class FakeWindow(QMainWindow):
        tree_selection_changed = Signal(list)

        def __init__(self):
            super().__init__()
            self.uow_factory = uow_factory
            self.undo_stack = QUndoStack(self)
            self.tree_model = TreeTableModel(register.load_register(uow_factory()), self)
            self.plot = pg.PlotWidget()
            self.map_view = self.plot
            self.map_view.plot_item = self.plot.getPlotItem()
            self.setCentralWidget(self.plot)
            self._selected: list[int] = []
            self._menus = {}
            self.reloads = 0

        def feature_menu(self, title):
            if title not in self._menus:
                self._menus[title] = self.menuBar().addMenu(title)
            return self._menus[title]

        def add_dock(self, widget, title, area=Qt.RightDockWidgetArea):
            dock = QDockWidget(title, self)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            return dock

        def selected_tree_ids(self):
            return list(self._selected)

        def select_tree_ids(self, ids):
            self._selected = list(ids)
            self.tree_selection_changed.emit(list(ids))

        def reload_register(self, columns=None):
            self.reloads += 1
            self.loaded_in_worker = columns is not None
            self.tree_model.set_columns(columns if columns is not None
                                        else register.load_register(uow_factory()))

        def run_task(self, fn, on_done, label):
            on_done(fn(lambda _f: None, lambda: False))

    return FakeWindow()
