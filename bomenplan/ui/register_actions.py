"""The editing side of the register, plugged into the main window: tree form and history docks,
the "Boom" menu (new, move, status, inspection) with its map tools, and import / export.

`install(window)` only wires; every change goes through an undo command.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QScrollArea

from bomenplan.domain.errors import NotFound
from bomenplan.domain.tree import Tree
from bomenplan.services import register
from bomenplan.services.inspection_rules_admin import load_rules
from bomenplan.ui import history_work_orders
from bomenplan.ui.commands import ChangeStatusCommand, EditContext, RecordInspectionCommand
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.dialogs.inspection_dialog import InspectionDialog
from bomenplan.ui.dialogs.new_tree_dialog import NewTreeDialog
from bomenplan.ui.dialogs.status_dialog import StatusDialog
from bomenplan.ui.dialogs.tree_form import TreeForm
from bomenplan.ui.dialogs.user_profile_dialog import UserProfileDialog
from bomenplan.ui.user_identity import user_name, user_signature
from bomenplan.ui.views.history_panel import HistoryPanel
from bomenplan.ui.views.map_tools import AddTreeTool, MoveTreeTool


class RegisterEditing(QObject):
    """Owns the editing docks, actions and tools of one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = getattr(window, "settings", None)
        self.context = EditContext(window.uow_factory, window.tree_model, self.user_name,
                                   on_removed=self._on_tree_removed, parent=self)
        self.context.error_reported.connect(self.show_error)
        self.context.resolve_conflict = lambda conflict: ConflictDialog.ask(conflict, self.window)
        self.form = TreeForm(self.context, window.undo_stack)
        self.history = HistoryPanel(window.uow_factory)
        history_work_orders.connect(window, self.history)
        form_scroll = QScrollArea()
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_dock = window.add_dock(form_scroll, self.tr("Boom"))
        self.history_dock = window.add_dock(self.history, self.tr("Geschiedenis"),
                                            Qt.DockWidgetArea.BottomDockWidgetArea)
        plot_item = window.map_view.plot_item
        self.add_tool = AddTreeTool(plot_item, self.context, self._ask_new_tree, self)
        self.move_tool = MoveTreeTool(plot_item, self.context, self)
        for tool in (self.add_tool, self.move_tool):
            tool.command_issued.connect(self._push_and_select)
        self._import_controller = self._export_controller = None  # made on first use
        self._build_actions()
        window.tree_selection_changed.connect(self._on_window_tree_selection_changed)
        window.undo_stack.indexChanged.connect(lambda _i: self.history.refresh())
        window.tree_model.modelReset.connect(self._refresh_species)
        self._refresh_species()
        self._on_window_tree_selection_changed(window.selected_tree_ids())

    def user_name(self) -> str:
        """For the change log: name (role, team) from the settings."""
        return user_signature(self.settings)

    @property
    def import_controller(self):
        if self._import_controller is None:  # pyarrow, pyproj: imported when first needed
            from bomenplan.ui.dialogs.import_dialog import ImportController

            self._import_controller = ImportController(self.window, self.settings)
        return self._import_controller

    @property
    def export_controller(self):
        if self._export_controller is None:
            from bomenplan.ui.dialogs.export_dialog import ExportController

            self._export_controller = ExportController(self.window)
        return self._export_controller

    def _build_actions(self) -> None:
        menu = self.window.feature_menu(self.tr("B&oom"))
        self.new_action = self._action(menu, self.tr("&Nieuwe boom (klik op de kaart)"), "Ctrl+Shift+N",
                                       checkable=True)
        self.new_action.toggled.connect(lambda on: self.add_tool.arm() if on else self.add_tool.disarm())
        self.add_tool.armed_changed.connect(self.new_action.setChecked)
        self.move_action = self._action(menu, self.tr("&Verplaatsen (klik de nieuwe plek)"), "Ctrl+M",
                                        checkable=True)
        self.move_action.toggled.connect(self._on_move_toggled)
        self.move_tool.armed_changed.connect(self.move_action.setChecked)
        self.status_action = self._action(menu, self.tr("&Status wijzigen\u2026"), "Ctrl+Shift+S")
        self.status_action.triggered.connect(self.change_status)
        self.inspect_action = self._action(menu, self.tr("&Controle vastleggen\u2026"), "Ctrl+K")
        self.inspect_action.triggered.connect(self.record_inspection)
        file_menu = self.window.feature_menu(self.tr("&Bestand"))
        self.import_action = getattr(self.window, "import_action", None) or file_menu.addAction(
            self.tr("&Importeren\u2026"))
        self.export_action = getattr(self.window, "export_action", None) or file_menu.addAction(
            self.tr("&Exporteren\u2026"))
        self.import_action.triggered.connect(lambda: self.import_controller.start())
        self.export_action.triggered.connect(lambda: self.export_controller.start())
        for action in (self.import_action, self.export_action):
            action.setEnabled(True)
        self.profile_action = QAction(self.tr("&Gebruiker\u2026"), self)
        self.profile_action.triggered.connect(self.edit_profile)
        following = file_menu.actions()[file_menu.actions().index(self.export_action) + 1:]
        file_menu.insertAction(following[0] if following else None, self.profile_action)

    def edit_profile(self) -> None:
        """Name, role and team for the change log and the inspecteur default."""
        if self.settings is not None and UserProfileDialog.ask(self.settings, self.window):
            from bomenplan.ui.acting_user import follow_profile

            follow_profile(self.window)

    def _action(self, menu, text: str, shortcut: str, checkable: bool = False) -> QAction:
        action = menu.addAction(text)
        action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        return action

    # --- selection ---------------------------------------------------------------------------
    def current_tree(self) -> Tree | None:
        return self.form.tree

    def _on_window_tree_selection_changed(self, ids: list) -> None:
        tree = None
        if ids:
            try:
                tree = register.get_tree(self.window.uow_factory(), int(ids[0]))
            except NotFound:
                tree = None
        self.form.show_tree(tree)
        self.history.show_tree(tree.id if tree else None)
        for action in (self.move_action, self.status_action, self.inspect_action):
            action.setEnabled(tree is not None)

    def _refresh_species(self) -> None:
        self.form.set_species_names(set(self.window.tree_model.columns.species_name.tolist()))

    # --- actions -----------------------------------------------------------------------------
    def _push(self, command) -> None:
        self.window.undo_stack.push(command)

    def _push_and_select(self, command) -> None:
        """Map tools: the click may also have changed the selection; select the edited tree."""
        self._push(command)
        if command.current_tree_id is not None and not command.isObsolete():
            self.window.select_tree_ids([command.current_tree_id])

    def _ask_new_tree(self, x: float, y: float) -> Tree | None:
        return NewTreeDialog.ask(self.window, x, y, self.window.tree_model.columns)

    def _on_move_toggled(self, on: bool) -> None:
        tree = self.current_tree()
        if on and tree is not None:
            self.move_tool.start(tree)
            self.window.statusBar().showMessage(
                self.tr("Klik op de kaart op de nieuwe plek van boom {0}").format(tree.boomnummer), 8000)
        elif not on:
            self.move_tool.disarm()

    def change_status(self) -> None:
        tree = self.current_tree()
        choice = StatusDialog.ask(self.window, tree) if tree else None
        if choice is not None:
            self._push(ChangeStatusCommand(self.context, tree, *choice))

    def record_inspection(self) -> None:
        tree = self.current_tree()
        if tree is None:
            return
        rules = load_rules(self.window.uow_factory())  # the beheerder's intervals (small table)
        inspection = InspectionDialog.ask(self.window, tree, user_name(self.settings), rules=rules)
        if inspection is not None:
            self._push(RecordInspectionCommand(self.context, tree, inspection))

    def _on_tree_removed(self, tree_id: int) -> None:
        self.window.tree_model.remove_tree(tree_id)  # table and map drop it; no reload

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Bewerking niet uitgevoerd"), message)


def install(window) -> RegisterEditing:
    editing = RegisterEditing(window)
    window.register_editing = editing  # keeps the Python side alive with the window
    install_access(window)
    return editing


def install_access(window) -> None:
    """After every feature has added its actions: disable what the user's role may not do."""
    from bomenplan.ui import access

    access.install(window)
