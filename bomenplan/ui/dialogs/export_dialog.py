"""Export the register to CSV, CSV for Excel (;), GeoJSON or GeoPackage, in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bomenplan.domain.dutch_text import plural
from bomenplan.services.exporting import export_trees

CSV_FILTER = "CSV (*.csv)"
EXCEL_FILTER = "CSV voor Excel, puntkomma (*.csv)"
GEOJSON_FILTER = "GeoJSON (*.geojson)"
GPKG_FILTER = "GeoPackage (*.gpkg)"
SUFFIX = {CSV_FILTER: ".csv", EXCEL_FILTER: ".csv", GEOJSON_FILTER: ".geojson", GPKG_FILTER: ".gpkg"}


class ExportController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_count: int | None = None

    def ask_save_path(self) -> tuple[str, bool]:
        """(path, excel) chosen by the user; path empty when cancelled."""
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Register exporteren"), "bomenregister.csv",
            ";;".join(self.tr(f) for f in SUFFIX))
        if path and not Path(path).suffix:
            path += SUFFIX.get(chosen, ".csv")
        return path, chosen == self.tr(EXCEL_FILTER)

    def show_message(self, title: str, text: str, error: bool = False) -> None:
        (QMessageBox.warning if error else QMessageBox.information)(self.window, title, text)

    def start(self) -> None:
        path, excel = self.ask_save_path()
        if not path:
            return
        uow_factory = self.window.uow_factory

        def work(_progress, _cancelled):
            try:
                return export_trees(uow_factory(), path, excel=excel), ""
            except Exception as exc:  # noqa: BLE001 — shown to the user; the register is untouched
                return None, str(exc)

        self.window.run_task(work, lambda outcome: self._on_done(path, *outcome),
                             self.tr("Exporteren\u2026"))

    def _on_done(self, path: str, count: int | None, error: str) -> None:
        if error:
            self.show_message(self.tr("Export mislukt"), error, error=True)
            return
        self.last_count = count
        self.show_message(self.tr("Export gereed"),
                          self.tr("{0} geëxporteerd naar {1}").format(
                              plural(count, self.tr("boom"), self.tr("bomen")), path))
