"""Workspaces (Beeld ▸ Werkruimte and a toolbar): each screen gets the room its work needs.

A workspace names the docks it shows and how much of the window they take; the register
table beside the map is shown only where trees are edited. What the user rearranges inside a
workspace is kept per workspace with QMainWindow.saveState/restoreState (also across sessions).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar

STATE_KEY = "workspace/{}/state"
CURRENT_KEY = "workspace/current"
STATE_VERSION = 16  # bump when the default layouts change, so old saved states are ignored


@dataclass(frozen=True)
class Workspace:
    name: str  # stable key for settings
    label: str  # Dutch, through tr()
    docks: tuple[str, ...]  # dock titles; the first is raised
    dock_share: float  # share of the window width for the right-hand docks
    with_table: bool  # the register table left of the map
    bottom: tuple[str, ...] = ()  # docks shown in the bottom area
    bottom_height: int = 200


def default_workspaces(tr) -> tuple[Workspace, ...]:
    return (
        Workspace("register", tr("Register"), ("Boom",), 0.27, True, ("Geschiedenis",)),
        Workspace("lanen", tr("Lanen"), ("Overzicht lanen",), 0.5, False),
        Workspace("meldingen", tr("Meldingen"), ("Meldingen",), 0.55, False),
        Workspace("werkorders", tr("Werkorders"), ("Werkorders",), 0.55, False),
        Workspace("soorten", tr("Soorten"), ("Statistiek",), 0.45, False),
        Workspace("bomenbank", tr("Bomenbank"), ("Bomenbank",), 0.5, False),
        Workspace("standplaats", tr("Standplaats"), ("Plangebied",), 0.42, False),
    )


class WorkspaceSwitcher(QObject):
    """Owns the Werkruimte toolbar and menu of one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.workspaces = {w.name: w for w in default_workspaces(self.tr)}
        self.current: str | None = None
        self.actions: dict[str, QAction] = {}
        self.toolbar = QToolBar(self.tr("Werkruimte"), window)
        self.toolbar.setObjectName("toolbar_werkruimte")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        menu = window.view_menu.addMenu(self.tr("Werkruimte"))
        group = QActionGroup(self)
        for number, workspace in enumerate(self.workspaces.values(), start=1):
            action = QAction(workspace.label, self, checkable=True)
            action.setShortcut(QKeySequence(f"Alt+{number}"))
            action.triggered.connect(lambda _c=False, n=workspace.name: self.switch_to(n))
            group.addAction(action)
            self.toolbar.addAction(action)
            menu.addAction(action)
            self.actions[workspace.name] = action
        window.tree_selection_changed.connect(self._on_tree_selection)
        self.legend_action = window.view_menu.addAction(self.tr("Legenda"))
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        self.legend_action.toggled.connect(window.map_view.set_legend_visible)

    def dock(self, title: str) -> QDockWidget | None:
        for dock in self.window.findChildren(QDockWidget):
            if dock.windowTitle() == title:
                return dock
        return None

    def start(self) -> None:
        """The workspace of the last session (register the first time)."""
        name = self._settings_value(CURRENT_KEY)
        self.switch_to(name if isinstance(name, str) and name in self.workspaces else "register")

    def switch_to(self, name: str) -> None:
        if name == self.current:
            return
        if self.current is not None:
            self._save_state(self.current)
        self.current = name
        self.actions[name].setChecked(True)
        workspace = self.workspaces[name]
        self.window.splitter.widget(0).setVisible(workspace.with_table)
        saved = self._settings_value(STATE_KEY.format(name))
        if not (isinstance(saved, QByteArray) and not saved.isEmpty()
                and self.window.restoreState(saved, STATE_VERSION)):
            self.apply_default(workspace)
        self._raise_first(workspace)
        self._set_settings_value(CURRENT_KEY, name)

    def apply_default(self, workspace: Workspace) -> None:
        window = self.window
        wanted = set(workspace.docks) | set(workspace.bottom)
        for dock in window.findChildren(QDockWidget):
            dock.setVisible(dock.windowTitle() in wanted)
        right = [d for d in map(self.dock, workspace.docks) if d is not None]
        if right:
            window.resizeDocks(right[:1], [int(window.width() * workspace.dock_share)],
                               Qt.Orientation.Horizontal)
        bottom = [d for d in map(self.dock, workspace.bottom) if d is not None]
        if bottom:
            window.resizeDocks(bottom[:1], [workspace.bottom_height], Qt.Orientation.Vertical)

    def save(self) -> None:
        """Keep the current workspace's arrangement (called when the window closes)."""
        if self.current is not None:
            self._save_state(self.current)

    def _save_state(self, name: str) -> None:
        self._set_settings_value(STATE_KEY.format(name), self.window.saveState(STATE_VERSION))

    def _raise_first(self, workspace: Workspace) -> None:
        dock = self.dock(workspace.docks[0])
        if dock is not None:
            dock.show()
            dock.raise_()

    def _on_tree_selection(self, ids: list) -> None:
        if ids and self.current == "register":
            self._raise_first(self.workspaces["register"])

    def _settings_value(self, key: str):
        settings = getattr(self.window, "settings", None)
        return settings.qsettings.value(key) if settings is not None else None

    def _set_settings_value(self, key: str, value) -> None:
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            settings.qsettings.setValue(key, value)


def install(window) -> WorkspaceSwitcher:
    window.workspaces = WorkspaceSwitcher(window)
    return window.workspaces
