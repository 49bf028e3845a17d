"""What an import did: rows read / accepted / rejected, CRS and accuracy, unmatched species, rejections."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bomenplan.services.importing import ImportReport, write_rejections_csv
from bomenplan.ui.dialogs.value_labels import field_label
from bomenplan.ui.models.rows_table_model import RowsTableModel


def _view(model: RowsTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


class ImportResultDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Resultaat van de import"))
        accuracy = (self.tr("{0:g} m").format(report.accuracy_m) if report.accuracy_m is not None
                    else self.tr("onbekend"))
        lines = [
            self.tr("Bestand: {0}").format(report.source),
            self.tr("Gelezen: {0}  \u2014  geaccepteerd: {1}  \u2014  afgewezen: {2}").format(
                report.rows_read, report.rows_accepted, report.rows_rejected),
            self.tr("Coördinatenstelsel: {0}; transformatie: {1} (nauwkeurigheid {2})").format(
                report.crs or self.tr("onbekend"), report.transformation, accuracy),
        ]
        if report.swapped_xy:
            lines.append(self.tr("x en y waren verwisseld en zijn omgedraaid."))
        self.summary = QLabel("<br>".join(lines))
        self.summary.setWordWrap(True)
        self.rejections = RowsTableModel([self.tr("Bestand"), self.tr("Regel"), self.tr("Veld"),
                                          self.tr("Waarde"), self.tr("Reden")], self)
        self.rejections.set_rows((r.file, r.line, field_label(r.field), r.value, r.reason)
                                for r in report.rejections)
        self.unmatched = RowsTableModel([self.tr("Soortnaam"), self.tr("Bomen")], self)
        self.unmatched.set_rows(report.unmatched_species)
        tabs = QTabWidget()
        tabs.addTab(_view(self.rejections), self.tr("Afgewezen rijen ({0})").format(report.rows_rejected))
        tabs.addTab(_view(self.unmatched), self.tr("Onbekende soorten ({0})").format(
            len(report.unmatched_species)))
        self.value_mappings = RowsTableModel([self.tr("Veld"), self.tr("Waarde in bestand"),
                                              self.tr("Opgeslagen als"), self.tr("Bomen")], self)
        self.value_mappings.set_rows((field_label(m.field), m.source, m.stored, m.count)
                                     for m in report.value_mappings)
        tabs.addTab(_view(self.value_mappings), self.tr("Vertaalde waarden ({0})").format(
            len(report.value_mappings)))
        self.save_button = QPushButton(self.tr("Opslaan als CSV\u2026"))
        self.save_button.setEnabled(bool(report.rejections))
        self.save_button.clicked.connect(self.save_rejections)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ActionRole)
        self.retry = False
        self.retry_button = QPushButton(self.tr("Koppeling aanpassen…"))
        self.retry_button.setToolTip(self.tr("Niets is ingelezen: pas kolommen of coördinatenstelsel "
                                             "aan en probeer opnieuw."))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        if report.rows_accepted == 0 and report.rows_read > 0:
            buttons.addButton(self.retry_button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def ask_save_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Afgewezen rijen opslaan"),
                                              "afgewezen.csv", self.tr("CSV (*.csv)"))
        return path

    def save_rejections(self) -> str | None:
        path = self.ask_save_path()
        if not path:
            return None
        try:
            write_rejections_csv(self.report, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Opslaan mislukt"), str(exc))
            return None
        return path

    def _on_retry_clicked(self) -> None:
        self.retry = True
        self.accept()

    @classmethod
    def show_report(cls, parent: QWidget | None, report: ImportReport) -> bool:
        """Show the result; True when the user wants to adjust the mapping and try again."""
        dialog = cls(report, parent)
        dialog.exec()
        return dialog.retry
