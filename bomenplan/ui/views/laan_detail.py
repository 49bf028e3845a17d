"""Detail of one laan: quality figures, its gaps, ranked replanting options with their reasons,
the planner's choice (with rationale) and the laan's history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bomenplan.domain.dutch_text import decimal_nl, number_nl, plural
from bomenplan.domain.laan import Laan
from bomenplan.domain.laan_gaps import Gap
from bomenplan.domain.laan_quality import LaanQuality
from bomenplan.domain.replant_criteria import LaanSite
from bomenplan.domain.replanting import ReplantOption, Verdict
from bomenplan.domain.sortiment import Kroonruimte, Profiel, Verharding
from bomenplan.ui.models.rows_table_model import RowsTableModel

VERDICT_MARK = {Verdict.GOED: "+", Verdict.MATIG: "±", Verdict.SLECHT: "−", Verdict.ONBEKEND: "?"}


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LaanDetail(QWidget):
    gap_selected = Signal(int)  # index into the laan's gaps
    profile_changed = Signal()
    site_changed = Signal()  # the planner ticked a location fact of the laan
    choose_requested = Signal(object, str)  # ReplantOption, rationale

    def __init__(self, parent=None):
        super().__init__(parent)
        self.gaps: list[Gap] = []
        self.options: list[ReplantOption] = []
        self.figures = QLabel(self.tr("Kies een laan in het overzicht."))
        self.figures.setWordWrap(True)
        self.gap_model = RowsTableModel([self.tr("Rij"), self.tr("x"), self.tr("y"),
                                         self.tr("Ontbrekend"), self.tr("Oorzaak")], self)
        self.gap_view = _table(self.gap_model)
        self.gap_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.gap_selected.emit(current.row()))
        self.kroon = QComboBox()
        for k in Kroonruimte:
            self.kroon.addItem(self.tr(str(k)), k)
        self.kroon.setCurrentIndex(list(Kroonruimte).index(Kroonruimte.MIDDEL))
        self.verharding = QComboBox()
        for v in Verharding:
            self.verharding.addItem(self.tr(str(v)), v)
        self.kabels = QCheckBox(self.tr("kabels en leidingen"))
        self.near_school = QCheckBox(self.tr("nabij speelplek/school"))
        self.near_school.setToolTip(self.tr("geen giftige of gedoornde soorten voorstellen"))
        self.monumental = QCheckBox(self.tr("monumentale laan"))
        self.monumental.setToolTip(self.tr("statigheid weegt zwaar, zoals in de hoofdbomenstructuur"))
        self.soil = QDoubleSpinBox()  # rootable soil volume per tree; 0 = from the standplaats records
        self.soil.setRange(0.0, 500.0)
        self.soil.setDecimals(0)
        self.soil.setSuffix(" m³")
        self.soil.setSpecialValueText(self.tr("uit standplaatsen"))
        self.soil.setToolTip(self.tr("Leeg: het beschikbare bodemvolume uit de standplaatsgegevens van de laan "
                                     "(mediaan); een waarde hier geldt alleen voor deze afweging."))
        for signal in (self.kroon.currentIndexChanged, self.verharding.currentIndexChanged,
                       self.kabels.toggled, self.soil.valueChanged):
            signal.connect(lambda *_: self.profile_changed.emit())
        for box in (self.near_school, self.monumental):
            box.toggled.connect(lambda *_: self.site_changed.emit())
        self.option_model = RowsTableModel([self.tr("Strategie"), self.tr("Soorten"),
                                            self.tr("Score"), self.tr("Plantmaat")], self)
        self.option_view = _table(self.option_model)
        self.option_view.selectionModel().currentRowChanged.connect(self._show_reasons)
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.scope = QLabel()
        self.rationale = QLineEdit()
        self.rationale.setPlaceholderText(self.tr("motivering van de keuze (verplicht)"))
        self.choose_button = QPushButton(self.tr("Kies"))
        self.choose_button.clicked.connect(self._choose)
        self.history_model = RowsTableModel([self.tr("Wanneer"), self.tr("Wat"), self.tr("Nieuw"),
                                             self.tr("Motivering")], self)
        self.history_view = _table(self.history_model)
        self._layout()

    def _layout(self) -> None:
        profile = QHBoxLayout()  # two short rows fit a dock of half a 1366 px screen
        for w in (self.kroon, QLabel(self.tr("Verharding")), self.verharding):
            profile.addWidget(w)
        profile.addStretch(1)
        ground = QHBoxLayout()
        for w in (self.kabels, QLabel(self.tr("Bodemvolume/boom")), self.soil):
            ground.addWidget(w)
        ground.addStretch(1)
        for view in (self.gap_view, self.option_view, self.history_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            view.verticalHeader().setDefaultSectionSize(22)
        options_header = self.option_view.horizontalHeader()  # long species lists elide, Score stays
        options_header.setStretchLastSection(False)
        options_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        options_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        reasons_scroll = QScrollArea()  # long reasons scroll instead of pushing the Kies button away
        reasons_scroll.setWidget(self.reasons)
        reasons_scroll.setWidgetResizable(True)
        reasons_scroll.setFrameShape(QFrame.Shape.NoFrame)
        reasons_scroll.setFixedHeight(64)
        gaps_and_history = QTabWidget()  # the laan's history as a tab: room for gaps and options
        gaps_and_history.addTab(self.gap_view, self.tr("Gaten"))
        gaps_and_history.addTab(self.history_view, self.tr("Geschiedenis"))
        site = QHBoxLayout()
        site.addWidget(self.near_school)
        site.addWidget(self.monumental)
        site.addStretch(1)
        choose = QHBoxLayout()
        choose.addWidget(self.rationale)
        choose.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("Kroonruimte"), profile)
        form.addRow(self.tr("Ondergrond"), ground)
        form.addRow(self.tr("Locatie"), site)
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures)
        layout.addWidget(gaps_and_history, 1)
        layout.addWidget(QLabel(self.tr("<b>Herplantopties</b> (beste eerst)")))
        layout.addLayout(form)
        layout.addWidget(self.scope)
        layout.addWidget(self.option_view, 3)
        layout.addWidget(reasons_scroll)
        layout.addLayout(choose)

    def profiel(self) -> Profiel:
        return Profiel(kroonruimte=self.kroon.currentData(), verharding=self.verharding.currentData(),
                       kabels_leidingen=self.kabels.isChecked())

    def soil_volume(self) -> float | None:
        return self.soil.value() or None

    def set_site(self, site: LaanSite) -> None:
        """Show the laan's stored location facts (without emitting site_changed)."""
        for box, value in ((self.near_school, site.near_play_or_school),
                           (self.monumental, site.monumental)):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)

    def site(self) -> dict[str, bool]:
        """Location facts for the advice: near a play area or school, monumental laan."""
        return {"near_play_or_school": self.near_school.isChecked(),
                "monumental": self.monumental.isChecked()}

    def set_laan(self, laan: Laan | None, quality: LaanQuality | None, gaps: list[Gap]) -> None:
        self.gaps = gaps
        if laan is None:
            self.figures.setText(self.tr("Kies een laan in het overzicht."))
        else:
            self.figures.setText(self.tr(
                "<b>%1</b> — %2, %3 rij(en), plantafstand %4 m<br>"
                "Kwaliteit <b>%5</b>: %6 % compleet, %7 ontbrekende bomen in %8 gaten, "
                "%9 afwijkende (te kleine of te jonge) vervangers, hoofdsoort %10 (%11 %)")
                .replace("%11", f"{100 * quality.species_share:.0f}")
                .replace("%10", quality.dominant_species or "?")
                .replace("%9", str(len(quality.misfit_tree_ids)))
                .replace("%8", str(quality.n_gaps)).replace("%7", str(quality.missing))
                .replace("%6", decimal_nl(quality.completeness_pct))
                .replace("%5", str(quality.kwaliteit)).replace("%4", decimal_nl(laan.spacing_m))
                .replace("%3", str(len(laan.rows))).replace("%2", str(laan.laan_type))
                .replace("%1", laan.name))
        self.gap_model.set_rows([(g.row + 1, decimal_nl(g.x), decimal_nl(g.y), g.n_missing, g.cause_text)
                                 for g in gaps])

    def set_options(self, options: list[ReplantOption], gap_index: int | None = None) -> None:
        self.options = options
        if gap_index is None or not 0 <= gap_index < len(self.gaps):
            self.scope.setText(self.tr("Opties voor de hele laan (alle ontbrekende bomen)"))
        else:
            self.scope.setText(self.tr("Opties voor gat %1 (%2)").replace("%1", str(gap_index + 1)).replace(
                "%2", plural(self.gaps[gap_index].n_missing, self.tr("boom"), self.tr("bomen"))))
        self.option_model.set_rows([(str(o.strategy), ", ".join(o.species), number_nl(o.score),
                                     o.planting_size) for o in options])
        if options:
            self.option_view.selectRow(0)
        else:
            self.reasons.setText("")

    def set_history(self, rows: list[tuple]) -> None:
        self.history_model.set_rows(rows)

    def selected_option(self) -> ReplantOption | None:
        row = self.option_view.currentIndex().row()
        return self.options[row] if 0 <= row < len(self.options) else None

    def _show_reasons(self, current, _previous=None) -> None:
        option = self.options[current.row()] if 0 <= current.row() < len(self.options) else None
        if option is None:
            self.reasons.setText("")
            return
        lines = [f"{VERDICT_MARK[r.verdict]} <b>{self.tr(r.criterion)}</b> "
                 f"({self.tr(str(r.verdict))}{self._weight_text(r.weight)}): {r.text}"
                 for r in option.reasons]
        self.reasons.setText(f"<i>{option.pattern}</i><br>" + "<br>".join(lines))

    def _weight_text(self, weight: float) -> str:
        return "" if weight == 1 else f", {self.tr('weegt')} {weight:g}×"

    def _choose(self) -> None:
        option = self.selected_option()
        if option is not None:
            self.choose_requested.emit(option, self.rationale.text())
