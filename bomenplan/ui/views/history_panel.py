"""History of the selected tree: field changes, inspections, and the trees of its planting site."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.dutch_text import date_nl, timestamp_nl
from bomenplan.domain.errors import NotFound
from bomenplan.domain.inspection_work_orders import RISK_CLASSES
from bomenplan.services import register
from bomenplan.ui.dialogs.value_labels import field_label, value_label
from bomenplan.ui.models.rows_table_model import RowsTableModel


def _table(model: RowsTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class HistoryPanel(QWidget):
    """Reads through services only; call show_tree() on selection and refresh() after commands."""

    work_order_requested = Signal(int)  # tree id: an order for its risicoboom measure

    def __init__(self, uow_factory: Callable, parent: QWidget | None = None):
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.tree_id: int | None = None
        self.changes = RowsTableModel([self.tr("Wanneer"), self.tr("Veld"), self.tr("Oud"),
                                       self.tr("Nieuw"), self.tr("Gebruiker"), self.tr("Reden")], self)
        self.inspections = RowsTableModel([self.tr("Datum"), self.tr("Inspecteur"),
                                           self.tr("Boomveiligheidsklasse"), self.tr("Gebreken"),
                                           self.tr("Maatregelen"), self.tr("Volgende controle")], self)
        self.site_trees = RowsTableModel([self.tr("Boomnummer"), self.tr("Soort"), self.tr("Plantjaar"),
                                          self.tr("Status")], self)
        self.title = QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(_table(self.changes), self.tr("Wijzigingen"))
        controles = QWidget()
        self.work_order_button = QPushButton(self.tr("Als werkorder aanmaken"))
        self.work_order_button.setToolTip(self.tr("Een werkorder voor de maatregel van de laatste "
                                                  "controle (risicoboom of niet te beoordelen)"))
        self.work_order_button.clicked.connect(
            lambda: self.tree_id is not None and self.work_order_requested.emit(self.tree_id))
        controles_layout = QVBoxLayout(controles)
        controles_layout.setContentsMargins(0, 0, 0, 0)
        controles_layout.addWidget(_table(self.inspections))
        controles_layout.addWidget(self.work_order_button)
        self.tabs.addTab(controles, self.tr("Controles"))
        self.tabs.addTab(_table(self.site_trees), self.tr("Standplaats"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        self.show_tree(None)

    def show_tree(self, tree_id: int | None) -> None:
        self.tree_id = tree_id
        self.refresh()

    def refresh(self) -> None:
        tree = None
        if self.tree_id is not None:
            try:
                tree = register.get_tree(self.uow_factory(), self.tree_id)
            except NotFound:
                tree = None
        if tree is None:
            self.title.setText(self.tr("Geen boom geselecteerd"))
            for model in (self.changes, self.inspections, self.site_trees):
                model.set_rows([])
            self.work_order_button.setEnabled(False)
            return
        self.title.setText(self.tr("Geschiedenis van boom {0}").format(tree.boomnummer))
        self.changes.set_rows(
            (timestamp_nl(c.changed_at), field_label(c.field), c.old, c.new, c.user, c.reason)
            for c in register.tree_history(self.uow_factory(), tree.id))
        inspections = register.inspections_of(self.uow_factory(), tree.id)
        self.work_order_button.setEnabled(bool(inspections)
                                          and inspections[0].boomveiligheidsklasse in RISK_CLASSES)
        self.inspections.set_rows(
            (date_nl(i.datum), i.inspecteur, value_label(i.boomveiligheidsklasse),
             ", ".join(i.gebreken), ", ".join(i.maatregelen) + (
                 self.tr(" (uiterlijk {0})").format(date_nl(i.maatregel_uiterlijk))
                 if i.maatregel_uiterlijk else ""),
             date_nl(i.volgende_controle))
            for i in inspections)
        self.site_trees.set_rows(
            (t.boomnummer, t.species_name, t.plantjaar or "", value_label(t.status))
            for t in register.site_history(self.uow_factory(), tree.site_id))
