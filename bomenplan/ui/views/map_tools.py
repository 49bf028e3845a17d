"""Map tools: turn a click on the map into an undo command (Orange owpaintdata).

Tools never change data: they build a command and emit it; the window pushes it on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, Qt, Signal

from bomenplan.domain.tree import Tree
from bomenplan.ui.commands import AddTreeCommand, EditContext, MoveTreeCommand


class PickPositionTool(QObject):
    """Armed, the next left click inside the map yields RD coordinates (x, y); then it disarms."""

    command_issued = Signal(object)
    armed_changed = Signal(bool)

    def __init__(self, plot_item, parent: QObject | None = None):
        super().__init__(parent)
        self.plot_item = plot_item
        self.armed = False

    def arm(self) -> None:
        if not self.armed:
            self.plot_item.scene().sigMouseClicked.connect(self._on_scene_clicked)
            self.plot_item.getViewBox().setCursor(Qt.CrossCursor)
            self.armed = True
            self.armed_changed.emit(True)

    def disarm(self) -> None:
        if self.armed:
            self.plot_item.scene().sigMouseClicked.disconnect(self._on_scene_clicked)
            self.plot_item.getViewBox().unsetCursor()
            self.armed = False
            self.armed_changed.emit(False)

    def _on_scene_clicked(self, event) -> None:
        view_box = self.plot_item.getViewBox()
        scene_pos = event.scenePos()
        if event.button() != Qt.LeftButton or not view_box.sceneBoundingRect().contains(scene_pos):
            return
        event.accept()
        point: QPointF = view_box.mapSceneToView(scene_pos)
        self.disarm()
        command = self.command_at(point.x(), point.y())
        if command is not None:
            self.command_issued.emit(command)

    def command_at(self, x: float, y: float):
        raise NotImplementedError


class AddTreeTool(PickPositionTool):
    """Click → ask the new tree's details → AddTreeCommand."""

    def __init__(self, plot_item, context: EditContext, ask_draft: Callable[[float, float], Tree | None],
                 parent: QObject | None = None):
        super().__init__(plot_item, parent)
        self.context = context
        self.ask_draft = ask_draft

    def command_at(self, x: float, y: float):
        draft = self.ask_draft(x, y)
        return None if draft is None else AddTreeCommand(self.context, draft)


class MoveTreeTool(PickPositionTool):
    """Click the new position of `tree` → MoveTreeCommand."""

    def __init__(self, plot_item, context: EditContext, parent: QObject | None = None):
        super().__init__(plot_item, parent)
        self.context = context
        self.tree: Tree | None = None

    def start(self, tree: Tree) -> None:
        self.tree = tree
        self.arm()

    def command_at(self, x: float, y: float):
        return None if self.tree is None else MoveTreeCommand(self.context, self.tree, x, y)
