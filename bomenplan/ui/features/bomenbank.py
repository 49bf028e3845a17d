"""The Bomenbank dock: bank trees, ranked proposals for the open gaps of a chosen laan, and
reserve → plant as an undoable step; menu entries for the printed lists. `install(window)`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.bank_plan import assign_greedy
from bomenplan.domain.bomenbank import BankStatus
from bomenplan.domain.dutch_text import plural
from bomenplan.domain.roles import Permission
from bomenplan.services import bomenbank as svc
from bomenplan.services import fund
from bomenplan.services.bomenbank_export import export_proposals
from bomenplan.services.report_writers import writer
from bomenplan.ui.access import guard_writes
from bomenplan.ui.bomenbank_commands import PlantFromBankCommand, ReserveBankTreeCommand
from bomenplan.ui.bomenbank_jobs import add_job, fund_job, import_job, load_job
from bomenplan.ui.features.bomenbank_edit import BankEditor
from bomenplan.ui.models.bomenbank_models import SORT_ROLE, BankTableModel, ProposalTableModel
from bomenplan.ui.views.fund_panel import FundPanel


def _table(model) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # code / rank
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    return view, proxy


class BomenbankScreen(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.match_result: svc.MatchResult | None = None
        self.bank_model, self.proposal_model = BankTableModel(self), ProposalTableModel(self)
        self.fund_panel = FundPanel()
        self.fund_panel.year_changed.connect(self.refresh_fund)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_widget(), self.tr("Bank en voorstellen"))
        self.tabs.addTab(self.fund_panel, self.tr("Transplantiefonds"))
        self.widget = self.tabs
        self.dock = window.add_dock(self.widget, self.tr("Bomenbank"))
        self._stale = True
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        menu = window.feature_menu(self.tr("&Bomenbank"))
        menu.addAction(self.tr("Voorstellen vernieuwen"), self.refresh)
        menu.addAction(self.tr("Geselecteerde verplantbare bomen opnemen"), self.add_selected)
        menu.addAction(self.tr("Bomen importeren uit CSV…"), self.import_csv)
        menu.addAction(self.tr("Voorstellen exporteren (CSV)…"), self.export_proposals)
        menu.addAction(self.tr("Lijst bomenbank (PDF)…"), self.print_bank)
        menu.addAction(self.tr("Verplantplan per wijk (PDF)…"), self.print_plan)
        menu.addAction(self.tr("Fondsoverzicht dit jaar (PDF)…"), self.print_fund)

    def _build_widget(self) -> QWidget:
        self.bank_view, self.bank_proxy = _table(self.bank_model)
        self.proposal_view, self.proposal_proxy = _table(self.proposal_model)
        self.laan_combo = QComboBox()
        self.laan_combo.currentIndexChanged.connect(self._show_proposals)
        self.plant_button = QPushButton(self.tr("Reserveren en planten"))
        self.plant_button.setToolTip(self.tr("De gekozen bankboom wordt een boom in het register op de "
                                             "gatpositie; ongedaan maken herstelt alles"))
        self.plant_button.clicked.connect(self.plant_selected)
        self.reserve_button = QPushButton(self.tr("Reserveren"))
        self.reserve_button.clicked.connect(self.reserve_selected)
        self.plant_reserved_button = QPushButton(self.tr("Gereserveerde boom planten"))
        self.plant_reserved_button.setToolTip(self.tr("Plant de in de bovenste tabel gekozen, gereserveerde "
                                                      "boom op de positie waarvoor hij is gereserveerd"))
        self.plant_reserved_button.clicked.connect(self.plant_reserved)
        refresh = QPushButton(self.tr("Vernieuwen"))
        refresh.clicked.connect(self.refresh)
        self.status = QLabel()
        self.paspoort = QLabel()
        self.paspoort.setWordWrap(True)
        self.bank_view.selectionModel().currentRowChanged.connect(self._show_paspoort)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Laan:")))
        row.addWidget(self.laan_combo, 1)
        row.addWidget(self.reserve_button)
        row.addWidget(self.plant_button)
        row.addWidget(self.plant_reserved_button)
        row.addWidget(refresh)
        lower = QWidget()
        layout = QVBoxLayout(lower)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.proposal_view)
        layout.addWidget(self.status)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        self.bank_buttons = QVBoxLayout()  # add / edit / expire / delete (features/bomenbank_edit.py)
        upper_layout.addLayout(self.bank_buttons)
        upper_layout.addWidget(self.bank_view)
        upper_layout.addWidget(self.paspoort)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        return splitter

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self._stale:
            self.refresh()

    # --- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        self.window.run_task(load_job(self.window.uow_factory, date.today()), self._on_loaded,
                             self.tr("Bomenbank koppelen aan gaten"))

    def refresh_fund(self) -> None:
        year = self.fund_panel.year.value()
        self.window.run_task(fund_job(self.window.uow_factory, year), self._on_fund_loaded,
                             self.tr("Transplantiefonds laden"))

    def _on_fund_loaded(self, statement) -> None:
        self.fund_panel.show_statement(statement.balance, statement.entries, statement.obligations, date.today())

    def _show_paspoort(self, current, _previous=None) -> None:
        if not current.isValid():
            self.paspoort.clear()
            return
        tree = self.bank_model.tree(self.bank_proxy.mapToSource(current).row())
        lines = svc.paspoort(self.window.uow_factory(), tree.id)
        self.paspoort.setText(self.tr("Bomenpaspoort %1: ").replace("%1", tree.code)
                              + "; ".join(f"{e.datum[:10]} {e.event} {e.detail}".strip() for e in lines))

    def _on_loaded(self, loaded) -> None:
        bank, self.match_result = loaded
        self.refresh_fund()
        self.bank_model.set_items(bank)
        current = self.laan_combo.currentText()
        names = sorted({d.laan_name for d in self.match_result.proposals.demands})
        self.laan_combo.blockSignals(True)
        self.laan_combo.clear()
        self.laan_combo.addItems(names)
        self.laan_combo.setCurrentIndex(max(0, names.index(current) if current in names else 0))
        self.laan_combo.blockSignals(False)
        self._show_proposals()

    def _show_proposals(self) -> None:
        if self.match_result is None:
            return
        laan, p = self.laan_combo.currentText(), self.match_result.proposals
        rows = [(prop, p.demands[prop.demand_index], p.bank[prop.bank_index],
                 self.match_result.wijken[prop.demand_index])
                for prop in p.rows() if p.demands[prop.demand_index].laan_name == laan]
        self.proposal_model.set_items(rows)
        positions = len({(r[1].x, r[1].y) for r in rows})
        self.status.setText(self.tr("%1 voorstellen voor %2 open posities").replace("%1", str(len(rows)))
                            .replace("%2", str(positions)))

    def add_selected(self) -> None:
        """Selected register trees marked verplantbaar join the bank (source 'register')."""
        ids = list(self.window.selected_tree_ids())
        if not ids:
            self.status.setText(self.tr("Selecteer eerst verplantbare bomen in het register."))
            return
        self.window.run_task(add_job(self.window.uow_factory, ids), self._on_added,
                             self.tr("Bomen opnemen in de bomenbank"))

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Bomen importeren"), "", "CSV (*.csv)")
        if path:
            self.window.run_task(import_job(self.window.uow_factory, Path(path)), self._on_added,
                                 self.tr("Bomenbank importeren"))

    def _on_added(self, outcome) -> None:
        if isinstance(outcome, str):
            QMessageBox.warning(self.window, self.tr("Bomenbank"), outcome)
            return
        self.status.setText(self.tr("%1 opgenomen in de bomenbank").replace(
            "%1", plural(outcome, self.tr("boom"), self.tr("bomen"))))
        self.refresh()

    # --- planting --------------------------------------------------------------------------
    def selected_proposal(self):
        index = self.proposal_view.currentIndex()
        if not index.isValid():
            return None
        return self.proposal_model.row(self.proposal_proxy.mapToSource(index).row())

    def plant_selected(self) -> None:
        chosen = self.selected_proposal()
        if chosen is None:
            self.status.setText(self.tr("Kies eerst een voorstel."))
            return
        _prop, demand, tree, wijk = chosen
        self.window.undo_stack.push(PlantFromBankCommand(
            self.window.uow_factory, self.window.run_task, tree.code, tree.id,
            svc.PlantTarget.of(demand, wijk), date.today(), self._on_planted))

    def reserve_selected(self) -> None:
        chosen = self.selected_proposal()
        if chosen is None:
            self.status.setText(self.tr("Kies eerst een voorstel."))
            return
        _prop, demand, tree, wijk = chosen
        self.window.undo_stack.push(ReserveBankTreeCommand(
            self.window.uow_factory, self.window.run_task, tree.code, tree.id,
            svc.PlantTarget.of(demand, wijk), self._on_planted))

    def plant_reserved(self) -> None:
        index = self.bank_view.currentIndex()
        tree = self.bank_model.tree(self.bank_proxy.mapToSource(index).row()) if index.isValid() else None
        if tree is None or tree.status is not BankStatus.GERESERVEERD or tree.reserved_x is None:
            self.status.setText(self.tr("Kies eerst een gereserveerde boom in de bovenste tabel."))
            return
        self.window.undo_stack.push(PlantFromBankCommand(
            self.window.uow_factory, self.window.run_task, tree.code, tree.id, self._reserved_target(tree),
            date.today(), self._on_planted, reserved=True))

    def _reserved_target(self, tree) -> svc.PlantTarget:
        """The reserved position, with wijk and stump record of the open gap found there."""
        demands = self.match_result.proposals.demands if self.match_result else []
        for k, d in enumerate(demands):
            if abs(d.x - tree.reserved_x) < 0.01 and abs(d.y - tree.reserved_y) < 0.01:
                return svc.PlantTarget.of(d, self.match_result.wijken[k])
        return svc.PlantTarget(tree.reserved_laan_id, tree.reserved_x, tree.reserved_y)

    def _on_planted(self, error: str | None) -> None:
        if error:
            QMessageBox.warning(self.window, self.tr("Bomenbank"), error)
        self.window.reload_register()
        self.refresh()

    # --- lists -----------------------------------------------------------------------------
    def _ask_path(self, title: str, default: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.window, title, default, pattern)
        return Path(path) if path else None

    def export_proposals(self) -> None:
        if self.match_result is None:
            return
        path = self._ask_path(self.tr("Voorstellen exporteren"), "voorstellen.csv", "CSV (*.csv)")
        if path:
            export_proposals(self.match_result, path)

    def print_bank(self) -> None:
        path = self._ask_path(self.tr("Lijst bomenbank"), "bomenbank.pdf", "PDF (*.pdf)")
        if path:
            writer("bomenbank_list")(svc.list_bank(self.window.uow_factory()), date.today(), path)

    def print_plan(self) -> None:
        if self.match_result is None:
            return
        path = self._ask_path(self.tr("Verplantplan"), "verplantplan.pdf", "PDF (*.pdf)")
        if path:
            lines = assign_greedy(self.match_result.proposals, self.match_result.wijken)
            writer("bomenbank_plan")(lines, date.today(), path)

    def print_fund(self) -> None:
        path = self._ask_path(self.tr("Fondsoverzicht"), "fonds.pdf", "PDF (*.pdf)")
        if path:
            factory, year = self.window.uow_factory, date.today().year
            st = fund.statement(factory(), year)
            writer("fund_statement")(fund.entries(factory()), st.obligations, year, date.today(), path)


def install(window) -> BomenbankScreen:
    screen = BomenbankScreen(window)
    screen.editor = BankEditor(screen)
    window.bomenbank_screen = screen
    guard_writes(window, Permission.BOMENBANK, screen.plant_button, screen.reserve_button,
                 screen.plant_reserved_button, *screen.editor.bank_buttons)
    guard_writes(window, Permission.FUND, *screen.editor.fund_buttons)
    return screen
