"""The lanen screen's decisions: accept / reject, edits, the replanting choice and the analysis
thresholds — each an undoable command that calls the services (mixed into LanenScreen)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from bomenplan.domain.laan import LaanStatus
from bomenplan.ui.dialogs.conflict_dialog import ConflictDialog
from bomenplan.ui.dialogs.laan_dialog import LaanDialog
from bomenplan.ui.dialogs.thresholds_dialog import ThresholdsDialog, save_thresholds
from bomenplan.ui.laan_commands import EditLaanCommand, RecordChoiceCommand, SetLaanStatusCommand
from bomenplan.ui.user_identity import window_user


class LanenDecisions:
    """Needs from the screen: window, report, current, gap_index, detail, thresholds, refresh()
    and _refresh_history()."""

    # --- decisions (undoable) --------------------------------------------------------------
    def _command_kw(self) -> dict:
        return dict(uow_factory=self.window.uow_factory, on_change=self._after_change,
                    on_error=lambda text: QMessageBox.warning(self.window, self.tr("Lanen"), text),
                    user=self._user(), on_stored=self._remember,
                    resolve_conflict=lambda conflict: ConflictDialog.ask(conflict, self.window))

    def _remember(self, laan) -> None:
        """The laan as we stored it, so a decision taken before the analysis has refreshed is
        not mistaken for a change by someone else."""
        self._stored[laan.id] = laan

    def _seen(self, laan):
        mine = self._stored.get(laan.id)
        return mine if mine is not None and mine.version > laan.version else laan

    def _user(self) -> str:
        return window_user(self.window)

    def _after_change(self) -> None:
        QTimer.singleShot(0, self.refresh)

    def edit_thresholds(self, dialog: ThresholdsDialog | None = None) -> None:
        dialog = dialog or ThresholdsDialog(self.thresholds, self.window)
        if dialog.exec():
            self.set_thresholds(dialog.thresholds())

    def set_thresholds(self, thresholds) -> None:
        self.thresholds = thresholds
        if getattr(self.window, "settings", None) is not None:
            save_thresholds(self.window.settings, thresholds)
        self.refresh()

    def current_laan(self):
        return self.report.lanen[self.current] if self.report and self.current is not None else None

    def _edit_command(self, before, after) -> EditLaanCommand:
        reopen = lambda base, mine: QTimer.singleShot(0, lambda: self.edit(base=base, values=mine))  # noqa: E731
        return EditLaanCommand(before, after, on_resolved=reopen, **self._command_kw())

    def edit(self, dialog: LaanDialog | None = None, base=None, values=None) -> None:
        """`base`/`values`: a cancelled save conflict opens the edit again with my values on the
        version I started from (saving again meets the conflict again)."""
        laan = base or self.current_laan()
        if laan is None:
            return
        dialog = dialog or LaanDialog(values or laan, self.window)
        if dialog.exec() and dialog.edited() != laan:
            self.window.undo_stack.push(self._edit_command(laan, dialog.edited()))

    def set_status(self, status: LaanStatus) -> None:
        if self.current is None:
            return
        laan = self._seen(self.report.lanen[self.current])
        self.window.undo_stack.push(SetLaanStatusCommand(laan.id, laan.status, status,
                                                         laan.version, **self._command_kw()))

    def choose(self, option, rationale: str) -> None:
        if self.current is None:
            return
        if not rationale.strip():
            self.detail.rationale.setFocus()
            self.window.statusBar().showMessage(self.tr("Leg de keuze kort uit in de motivering."), 5000)
            return
        laan = self.report.lanen[self.current]
        kw = self._command_kw()
        kw["on_change"] = self._refresh_history
        self.window.undo_stack.push(RecordChoiceCommand(laan.id, option, rationale,
                                                        gap_index=self.gap_index, **kw))
        self.detail.rationale.clear()
