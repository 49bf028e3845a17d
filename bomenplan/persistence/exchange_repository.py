"""SQL for import/export: the import-run log and a flat read of the whole register for export."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bomenplan.persistence.tables import ImportRunRow

# Export columns, in file order (tree fields, then the site's position and address).
EXPORT_COLUMNS = (
    "boomnummer", "species_name", "plantjaar", "hoogteklasse", "stamdiameter_cm",
    "kroondiameter_m", "boomveiligheidsklasse", "beheertype", "status", "beleidsstatus",
    "boomgroep", "omgevingsrisicoklasse", "eigenaar", "beheerder", "straat", "wijk", "buurt", "opmerkingen",
    "nvtb_waarde_eur", "x", "y",
)
_SITE_COLUMNS = {"straat", "wijk", "buurt", "x", "y"}
_STORED_AS = {"nvtb_waarde_eur": "t.nvtb_waarde_cent / 100.0"}  # whole cents in the table
_EXPORT_SQL = (
    "SELECT " + ", ".join(_STORED_AS.get(c) or ("s." if c in _SITE_COLUMNS else "t.") + c
                          for c in EXPORT_COLUMNS)
    + " FROM tree t JOIN site s ON s.id = t.site_id ORDER BY t.id"
)


class SqlExchangeRepository:
    def __init__(self, session: Session):
        self.session = session

    def record_import_run(self, source: str, started_at: datetime, rows_read: int,
                          rows_accepted: int, rows_rejected: int, transformation: str,
                          outcome: str = "") -> None:
        self.session.add(ImportRunRow(source=source, started_at=started_at, rows_read=rows_read,
                                      rows_accepted=rows_accepted, rows_rejected=rows_rejected,
                                      transformation=transformation, outcome=outcome))
        self.session.flush()

    def import_runs(self) -> list[tuple[str, int, int, int]]:
        rows = self.session.query(ImportRunRow).order_by(ImportRunRow.id).all()
        return [(r.source, r.rows_read, r.rows_accepted, r.rows_rejected) for r in rows]

    def export_rows(self) -> tuple[tuple[str, ...], list[tuple]]:
        """All trees with their site, one tuple per tree in EXPORT_COLUMNS order."""
        rows = self.session.connection().exec_driver_sql(_EXPORT_SQL).fetchall()
        return EXPORT_COLUMNS, [tuple(r) for r in rows]
