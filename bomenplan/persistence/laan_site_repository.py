"""SQL repository of the location facts per laan used by the replanting advice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bomenplan.domain.replant_criteria import LaanSite
from bomenplan.persistence.tables_replant import LaanSiteRow


class SqlLaanSiteRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, laan_id: int) -> LaanSite:
        """The stored facts; a laan without a row has none set."""
        row = self.session.get(LaanSiteRow, laan_id)
        if row is None:
            return LaanSite(laan_id)
        return LaanSite(laan_id, row.monumental, row.near_play_or_school)

    def all(self) -> dict[int, LaanSite]:
        rows = self.session.query(LaanSiteRow).all()
        return {r.laan_id: LaanSite(r.laan_id, r.monumental, r.near_play_or_school) for r in rows}

    def set(self, site: LaanSite, user: str = "") -> None:
        row = self.session.get(LaanSiteRow, site.laan_id)
        if row is None:
            row = LaanSiteRow(laan_id=site.laan_id)
            self.session.add(row)
        row.monumental, row.near_play_or_school = site.monumental, site.near_play_or_school
        row.updated_at, row.user = datetime.now(), user
        self.session.flush()
