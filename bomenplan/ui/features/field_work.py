"""Bestand → Veldwerk: check a wijk, buurt or the selection out into a field file, check a field
file back in (progress and Annuleren; conflicts in a dialog where the user chooses per field), and
release a field copy's trees (Vrijgeven). A checked-out tree shows "In het veld bij …" in the status
bar and in the tree form.
A field file shows where it came from in a banner in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
)

from bomenplan.domain.errors import Cancelled
from bomenplan.domain.field_work import CheckinResult, CheckoutResult, FieldScope
from bomenplan.services.field_work import FieldGateway, field_gateway
from bomenplan.ui.dialogs.field_checkout_dialog import FieldCheckoutDialog
from bomenplan.ui.dialogs.field_conflict_dialog import FieldConflictDialog
from bomenplan.ui.menu_places import above_quit
from bomenplan.ui.user_identity import window_user

_ENTITY_WORDS = {"tree": QT_TRANSLATE_NOOP("FieldWorkFeature", "Boom"),
                 "inspection": QT_TRANSLATE_NOOP("FieldWorkFeature", "Controle"),
                 "standplaats_problem": QT_TRANSLATE_NOOP("FieldWorkFeature", "Standplaatsprobleem")}
BANNER_STYLE = "QLabel { background: #fff3b0; color: #5a4500; padding: 2px 8px; }"


def _checkout_job(gateway: FieldGateway, out: str, scope: FieldScope, user: str):
    def job(progress, cancelled):
        return gateway.check_out(gateway.database, out, scope, user, progress, cancelled)
    return job


def _checkin_job(gateway: FieldGateway, server: str, field_file: str, choices: dict):
    def job(progress, cancelled):
        return gateway.check_in(server, field_file, choices, progress, cancelled)
    return job


def _release_job(gateway: FieldGateway, server: str, field_file: str):
    def job(_progress, _cancelled):
        return gateway.release(server, field_file)
    return job


class FieldWorkFeature(QObject):
    def __init__(self, window, gateway: FieldGateway | None):
        super().__init__(window)
        self.window, self.gateway = window, gateway
        self.last_result: CheckinResult | CheckoutResult | int | None = None
        self.ask_conflicts = self._ask_conflicts  # replaced in tests (a modal dialog)
        self.show_notes = self._show_notes  # likewise
        file_menu = window.feature_menu(self.tr("&Bestand"))
        menu = QMenu(self.tr("Veldwerk"), window)
        quit_action = above_quit(file_menu)
        if quit_action is None:
            file_menu.addMenu(menu)
        else:
            file_menu.insertMenu(quit_action, menu)
        self.menu = menu
        self.checkout_action = menu.addAction(self.tr("Uitchecken…"))
        self.checkin_action = menu.addAction(self.tr("Inchecken…"))
        self.release_action = menu.addAction(self.tr("Vrijgeven…"))
        self.release_action.setToolTip(self.tr("De bomen van een veldkopie zijn niet langer "
                                               "'in het veld' (na het inchecken)"))
        self.checkout_action.triggered.connect(self.ask_checkout)
        self.checkin_action.triggered.connect(self.ask_checkin)
        self.release_action.triggered.connect(self.ask_release)
        self.confirm_release = self._confirm_release  # replaced in tests (a modal question)
        self.release_action.setEnabled(gateway is not None)
        self.checkout_action.setEnabled(gateway is not None and not gateway.is_field_copy)
        self.checkin_action.setEnabled(gateway is not None)
        self.hold_label = QLabel()  # "In het veld bij …" for the one selected tree
        window.statusBar().addPermanentWidget(self.hold_label)
        window.tree_selection_changed.connect(self._on_selection)
        self.banner = None
        if gateway is not None and gateway.is_field_copy:
            self.banner = QLabel(gateway.banner)
            self.banner.setStyleSheet(BANNER_STYLE)
            window.statusBar().insertPermanentWidget(0, self.banner)

    def _on_selection(self, ids) -> None:
        one = self.gateway is not None and len(ids) == 1
        text = self.gateway.hold_text(int(ids[0])) if one else ""
        self.hold_label.setText(text)
        editing = getattr(self.window, "register_editing", None)  # installed after the features
        if editing is not None:
            editing.form.set_field_hold(text)

    # --- check out -------------------------------------------------------------------------
    def ask_checkout(self) -> None:
        model = self.window.tree_model
        wijken = [w for w in model.categories("wijk").uniques if w]
        buurten = [b for b in model.categories("buurt").uniques if b]
        dialog = FieldCheckoutDialog(wijken, buurten, self.window.selected_tree_ids(), self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.check_out(dialog.scope(), dialog.out_path())

    def check_out(self, scope: FieldScope, out: str) -> None:
        self.window.run_task(_checkout_job(self.gateway, out, scope, window_user(self.window)),
                             self._on_checked_out, self.tr("Uitchecken"), on_failed=self._on_failed)

    def _on_checked_out(self, result: CheckoutResult) -> None:
        self.last_result = result
        self.window.statusBar().showMessage(
            self.tr("%1 bomen uitgecheckt naar %2; open die veldkopie met bomenplan --db %2")
            .replace("%1", str(result.trees)).replace("%2", result.path))

    # --- check in --------------------------------------------------------------------------
    def ask_checkin(self) -> None:
        server, field_file = self._ask_pair(self.tr("Inchecken"))
        if server:
            self.check_in(server, field_file)

    def _ask_pair(self, title: str) -> tuple[str, str]:
        """(register, field file): a field copy asks for its register, a register for the file."""
        if self.gateway.is_field_copy:  # this file goes in; confirm the server (a password?)
            server, ok = QInputDialog.getText(
                self.window, title, self.tr("Register (bestand of URL):"),
                QLineEdit.EchoMode.Normal, self.gateway.source)
            field_file = self.gateway.database
        else:  # the register is open: which field file?
            field_file, _filter = QFileDialog.getOpenFileName(
                self.window, title, "", "SQLite (*.sqlite)")
            server, ok = self.gateway.database, bool(field_file)
        return (server.strip(), field_file) if ok else ("", "")

    # --- release ---------------------------------------------------------------------------
    def ask_release(self) -> None:
        server, field_file = self._ask_pair(self.tr("Vrijgeven"))
        if server and self.confirm_release():
            self.release(server, field_file)

    def _confirm_release(self) -> bool:
        answer = QMessageBox.question(
            self.window, self.tr("Vrijgeven"),
            self.tr("De bomen van deze veldkopie vrijgeven? Kantoorgebruikers zien ze dan niet "
                    "langer als 'in het veld'. Check eerst alle wijzigingen in."))
        return answer == QMessageBox.StandardButton.Yes

    def release(self, server: str, field_file: str) -> None:
        self.window.run_task(_release_job(self.gateway, server, field_file), self._on_released,
                             self.tr("Vrijgeven"), on_failed=self._on_failed)

    def _on_released(self, count: int) -> None:
        self.last_result = count
        self.window.statusBar().showMessage(self.tr("%1 bomen vrijgegeven").replace("%1", str(count)))
        self._on_selection(self.window.selected_tree_ids())

    def check_in(self, server: str, field_file: str, choices: dict | None = None) -> None:
        self._target = (server, field_file)
        self.window.run_task(_checkin_job(self.gateway, server, field_file, dict(choices or {})),
                             self._on_checked_in, self.tr("Inchecken"), on_failed=self._on_failed)

    def _on_checked_in(self, result: CheckinResult) -> None:
        self.last_result = result
        self.window.statusBar().showMessage(
            self.tr("Ingecheckt: %1 velden, %4 nieuwe bomen, %2 controles, %3 conflicten")
            .replace("%1", str(result.fields_written)).replace("%2", str(result.inspections))
            .replace("%3", str(len(result.conflicts))).replace("%4", str(result.trees_added)))
        self.window.reload_register()
        notes = self._checkin_notes(result)
        if notes:
            self.show_notes(notes)
        if result.conflicts:
            choices = self.ask_conflicts(result.conflicts)
            if choices:
                self.check_in(*self._target, choices)

    def _checkin_notes(self, result: CheckinResult) -> list[str]:
        """What the user must know besides conflicts: renamed new trees, rows deleted in the field."""
        notes = [self.tr("Nieuwe boom %1: dit boomnummer bestond al; opgeslagen als %2")
                 .replace("%1", old).replace("%2", new) for old, new in result.renamed]
        notes += [self.tr("%1 %2 is in het veld verwijderd; in het register blijft hij staan")
                  .replace("%1", self.tr(_ENTITY_WORDS.get(line.entity, line.entity)))
                  .replace("%2", line.boomnummer or str(line.entity_id))
                  for line in result.removed_in_field]
        return notes

    def _show_notes(self, notes: list[str]) -> None:
        QMessageBox.information(self.window, self.tr("Inchecken"), "\n".join(notes))

    def _ask_conflicts(self, conflicts) -> dict:
        dialog = FieldConflictDialog(conflicts, self.window)
        return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else {}

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.window.statusBar().showMessage(str(error))
        else:
            QMessageBox.warning(self.window, self.tr("Veldwerk"), str(error))


def install(window) -> FieldWorkFeature:
    window.field_work = FieldWorkFeature(window, field_gateway())
    return window.field_work
