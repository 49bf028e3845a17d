"""Hand edits in the Bomenbank dock: add / edit / expire / delete a bank tree, and in the
Transplantiefonds tab: book, record a herplantplicht, mark one fulfilled. Each is an undo command
calling the services on the window's serial database pool (ui/bank_edit_commands.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QHBoxLayout, QMessageBox, QPushButton

from bomenplan.domain.bomenbank import BankStatus
from bomenplan.services import bank_edits
from bomenplan.services import species_catalogue as catalogue
from bomenplan.services.edit_conflicts import CANCELLED, MERGED, SAVED, SaveOutcome
from bomenplan.services.record_conflict_targets import bank_target, bank_values
from bomenplan.ui import bank_edit_commands as cmd
from bomenplan.ui.conflict_saving import save_resolving_later
from bomenplan.ui.dialogs.bank_tree_dialog import BankTreeDialog
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.dialogs.fund_dialogs import BookingDialog, ObligationDialog
from bomenplan.ui.views.map_tools import PickPositionTool


class _PickTool(PickPositionTool):
    """The next click on the map fills the open bank tree dialog's RD x/y."""

    def __init__(self, plot_item, on_pick, parent=None):
        super().__init__(plot_item, parent)
        self.on_pick = on_pick

    def command_at(self, x: float, y: float):
        self.on_pick(x, y)
        return None


class BankEditor(QObject):
    def __init__(self, screen):
        super().__init__(screen)
        self.screen, self.window = screen, screen.window
        self.dialog: QDialog | None = None
        self.pick_tool = None
        row = QHBoxLayout()
        self.bank_buttons: list[QPushButton] = []  # write buttons, guarded by role (access.py)
        self.fund_buttons: list[QPushButton] = []
        for text, tip, slot in (
                (self.tr("Nieuw…"), self.tr("Een bankboom met de hand toevoegen"), self.add_tree),
                (self.tr("Wijzigen…"), self.tr("De gekozen bankboom wijzigen"), self.edit_tree),
                (self.tr("Vervallen"), self.tr("Beschikbaar ↔ vervallen"), self.toggle_expired),
                (self.tr("Verwijderen"), self.tr("Alleen zonder boekingen in het fonds"), self.delete_tree)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.bank_buttons.append(button)
        self.status_button = row.itemAt(2).widget()
        screen.bank_view.selectionModel().currentRowChanged.connect(self._show_status_action)
        row.addStretch(1)
        screen.bank_buttons.addLayout(row)
        panel = screen.fund_panel
        for text, slot in ((self.tr("Boeking…"), self.book), (self.tr("Herplantplicht…"), self.add_duty),
                           (self.tr("Plicht vervuld"), self.fulfil_duty)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            panel.actions.addWidget(button)
            self.fund_buttons.append(button)
        panel.actions.addStretch(1)

    # --- helpers -----------------------------------------------------------------------------
    def _push(self, command) -> None:
        self.window.undo_stack.push(command)

    def _changed(self, error: str | None) -> None:
        if error:
            QMessageBox.warning(self.window, self.tr("Bomenbank"), error)
        self.screen.refresh()

    def _species_names(self) -> list[str]:
        return sorted({e.species.scientific_name for e in catalogue.list_entries(self.window.uow_factory())})

    def selected_tree(self):
        index = self.screen.bank_view.currentIndex()
        if not index.isValid():
            self.screen.status.setText(self.tr("Kies eerst een boom in de bovenste tabel."))
            return None
        return self.screen.bank_model.tree(self.screen.bank_proxy.mapToSource(index).row())

    def _felled(self) -> tuple[int, str, float | None] | None:
        """The register tree selected on the map (the felled one), as plain data."""
        ids = list(self.window.selected_tree_ids())
        if not ids:
            return None
        uow = self.window.uow_factory()
        with uow:
            tree = uow.trees.get(ids[0])
        return tree.id, tree.boomnummer, bank_edits.circumference_of(tree.stamdiameter_cm)

    # --- bank trees --------------------------------------------------------------------------
    def _open_dialog(self, tree=None) -> BankTreeDialog:
        self.dialog = BankTreeDialog(self._species_names(), tree, self.window)
        self.dialog.pick_requested.connect(self._pick)
        self.dialog.accepted.connect(self._dialog_accepted)
        self.dialog.open()
        return self.dialog

    def add_tree(self) -> BankTreeDialog:
        return self._open_dialog()

    def edit_tree(self) -> BankTreeDialog | None:
        tree = self.selected_tree()
        if tree is None:
            return None
        if tree.status is BankStatus.GEPLANT:
            QMessageBox.warning(self.window, self.tr("Bomenbank"), self.tr("Een geplante boom blijft als herkomst "
                                                                          "bewaard en kan niet worden gewijzigd."))
            return None
        return self._open_dialog(tree)

    def _dialog_accepted(self) -> None:
        draft, factory = self.dialog.draft(), self.window.uow_factory
        if draft.id is None:
            self._push(cmd.add_bank_tree(factory, self.window.run_task, draft, self._changed))
        else:
            self._save_edit(self.dialog.original, draft)

    def _save_edit(self, opened, draft) -> None:
        """A save that meets a newer version asks the ConflictDialog (merge / reload / cancel)."""
        factory = self.window.uow_factory
        target = bank_target(factory, opened.id, self.tr("bankboom {0}").format(opened.code))
        save_resolving_later(self.window.run_task, factory, target, bank_values(opened), bank_values(draft),
                             opened.version, lambda conflict: ConflictDialog.ask(conflict, self.window),
                             self._edit_saved, self.tr("Bankboom %1 wijzigen").replace("%1", draft.code))

    def _edit_saved(self, outcome) -> None:
        if isinstance(outcome, SaveOutcome) and outcome.status in (SAVED, MERGED) and outcome.after:
            self._push(cmd.saved_bank_edit(self.window.uow_factory, self.window.run_task, outcome, self._changed))
        elif isinstance(outcome, SaveOutcome) and outcome.status == CANCELLED:
            self.screen.status.setText(self.tr("Wijziging niet opgeslagen."))
        self._changed(outcome if isinstance(outcome, str) else None)

    def _pick(self) -> None:
        self.dialog.hide()
        self.pick_tool = _PickTool(self.window.map_view.plot_item, self._picked, self)
        self.pick_tool.arm()

    def _picked(self, x: float, y: float) -> None:
        self.dialog.set_position(x, y)
        self.dialog.open()

    def _show_status_action(self, *_args) -> None:
        index = self.screen.bank_view.currentIndex()
        tree = self.screen.bank_model.tree(self.screen.bank_proxy.mapToSource(index).row()) if index.isValid() else None
        expired = tree is not None and tree.status is BankStatus.VERVALLEN
        self.status_button.setText(self.tr("Weer beschikbaar") if expired else self.tr("Vervallen"))

    def toggle_expired(self) -> None:
        tree = self.selected_tree()
        if tree is not None:
            self._push(cmd.set_bank_status(self.window.uow_factory, self.window.run_task, tree,
                                           tree.status is not BankStatus.VERVALLEN, self._changed))

    def delete_tree(self) -> None:
        tree = self.selected_tree()
        if tree is None:
            return
        box, factory = {}, self.window.uow_factory

        def done(error: str | None) -> None:
            if error:
                QMessageBox.warning(self.window, self.tr("Bomenbank"), error)
                return
            self._push(cmd.deleted_bank_tree(factory, self.window.run_task, box, self._changed))
            self.screen.refresh()
        self.window.run_task(cmd.delete_job(factory, tree.id, box), done, self.tr("Bankboom verwijderen"))

    # --- fund ---------------------------------------------------------------------------------
    def _fund_changed(self, error: str | None) -> None:
        if error:
            QMessageBox.warning(self.window, self.tr("Transplantiefonds"), error)
        self.screen.refresh_fund()

    def book(self) -> BookingDialog:
        self.dialog = dialog = BookingDialog(self._felled(), self.window)
        dialog.accepted.connect(lambda: self._push(cmd.book(self.window.uow_factory, self.window.run_task,
                                                            dialog.entry(), self._fund_changed)))
        dialog.open()
        return dialog

    def add_duty(self) -> ObligationDialog:
        self.dialog = dialog = ObligationDialog(self._felled(), self.window)
        dialog.accepted.connect(lambda: self._push(cmd.add_obligation(
            self.window.uow_factory, self.window.run_task, dialog.duty(), self._fund_changed)))
        dialog.open()
        return dialog

    def fulfil_duty(self) -> None:
        duty = self.screen.fund_panel.selected_duty()
        if duty is None:
            self.screen.fund_panel.summary.setText(self.tr("Kies eerst een herplantplicht."))
            return
        self._push(cmd.fulfil_obligation(self.window.uow_factory, self.window.run_task, duty, date.today(),
                                         self._fund_changed))
