"""Undoable edit of one catalogue value (STYLE.md §6): plain before/after data, the service is
called in redo() and undo(), and the stored entry is handed to `on_stored` for the views."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from bomenplan.domain.ecology import ECO_FIELDS, CatalogueEntry
from bomenplan.domain.errors import BomenplanError
from bomenplan.services import species_catalogue as catalogue


def _tr(text: str) -> str:
    return QCoreApplication.translate("species", text)


class EditSpeciesValueCommand(QUndoCommand):
    def __init__(self, uow_factory: Callable, entry: CatalogueEntry, field: str, new_value,
                 new_source: str, on_stored: Callable[[CatalogueEntry], None],
                 on_error: Callable[[str], None] | None = None, user: str = ""):
        super().__init__(_tr("%1 van %2 wijzigen").replace("%1", field)
                         .replace("%2", entry.species.full_name))
        self._uow_factory = uow_factory
        self._species_id = entry.species.id
        self._field = field
        self._old = catalogue.value_text(entry, field)
        self._old_source = _source_of(entry, field)
        self._new, self._new_source = new_value, new_source
        self._on_stored, self._on_error, self._user = on_stored, on_error, user

    def redo(self) -> None:
        self._apply(self._new, self._new_source)

    def undo(self) -> None:
        self._apply(self._old, self._old_source or _tr("ongedaan gemaakt"))

    def _apply(self, value, source: str) -> None:
        try:
            stored = catalogue.edit_value(self._uow_factory(), self._species_id, self._field, value,
                                          source, self._user)
        except BomenplanError as exc:
            self.setObsolete(True)
            if self._on_error is not None:
                self._on_error(str(exc))
            return
        self._on_stored(stored)


def _source_of(entry: CatalogueEntry, field: str) -> str:
    if field in ECO_FIELDS:
        return entry.profile.source(ECO_FIELDS[field][1])
    return entry.profile.source("size" if field == "grootteklasse" else "names")
