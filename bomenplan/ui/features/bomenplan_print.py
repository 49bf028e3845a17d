"""Bestand → Bomenplan afdrukken…: the Bomenplan PDF of a wijk, a laan or the whole municipality,
printed in a worker with the standard progress dialog and Cancel (a cancelled print leaves no file)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from bomenplan.domain.progress import Cancelled
from bomenplan.services.bomenplan_print import PrintResult, print_bomenplan
from bomenplan.services.bomenplan_report import Scope
from bomenplan.services.bomenplan_value import DEFAULT_VVOG
from bomenplan.ui.dialogs.bomenplan_print_dialog import BomenplanPrintDialog, PrintChoice


def install(window) -> BomenplanPrintFeature:
    feature = BomenplanPrintFeature(window)
    window.bomenplan_print = feature
    return feature


class BomenplanPrintFeature(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_result: PrintResult | None = None
        self.last_error: BaseException | None = None
        menu = window.feature_menu(self.tr("&Bestand"))
        self.action = menu.addAction(self.tr("Bomenplan af&drukken…"))
        separators = [a for a in menu.actions() if a.isSeparator()]
        if separators:  # before the separator above Afsluiten
            menu.removeAction(self.action)
            menu.insertAction(separators[-1], self.action)
        self.action.triggered.connect(self.ask)

    def _names(self) -> tuple[list[str], list[str]]:
        columns = getattr(self.window.tree_model, "columns", None)
        if columns is None:
            return [], []
        return (sorted({str(w) for w in columns.wijk if w}), sorted({str(s) for s in columns.straat if s}))

    def ask(self) -> None:
        wijken, straten = self._names()
        dialog = BomenplanPrintDialog(wijken, straten, str(Path.home() / "bomenplan.pdf"), self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.start(dialog.chosen)

    def start(self, choice: PrintChoice) -> None:
        factory = self.window.uow_factory  # plain data only below: the worker never holds `self`
        scope = Scope(choice.kind, choice.name)
        factors = DEFAULT_VVOG if choice.unit_price is None else replace(
            DEFAULT_VVOG, unit_price_per_cm2=choice.unit_price)
        out, today = choice.out, date.today()
        monitor = getattr(getattr(self.window, "monitor_3_30_300", None), "result", None)  # plain data

        def run(progress, cancelled) -> PrintResult:
            return print_bomenplan(factory, scope, out, today, factors, progress, cancelled, monitor)

        self.window.run_task(run, self._done, self.tr("Bomenplan afdrukken…"), on_failed=self._failed)

    def _done(self, result: PrintResult) -> None:
        self.last_result = result
        self.window.statusBar().showMessage(
            self.tr("Bomenplan {0}: {1} bomen, {2} pagina's → {3}").format(
                result.title, result.n_trees, result.pages, result.path), 10000)

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        if isinstance(error, Cancelled):
            self.window.statusBar().showMessage(self.tr("Bomenplan afdrukken geannuleerd"), 5000)
            return
        QMessageBox.warning(self.window, self.tr("Bomenplan afdrukken"), str(error))
