"""SQL repository of the area boundaries: replaced per kind (an import replaces all buurten), read per kind."""

from __future__ import annotations

import shapely
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from bomenplan.domain.areas import AreaBoundary
from bomenplan.persistence.tables_areas import AreaBoundaryRow


class SqlAreaRepository:
    def __init__(self, session: Session):
        self.session = session

    def replace(self, kind: str, areas: list[AreaBoundary]) -> None:
        self.session.execute(delete(AreaBoundaryRow).where(AreaBoundaryRow.kind == kind))
        if areas:
            blobs = shapely.to_wkb([a.geometry for a in areas])
            self.session.execute(insert(AreaBoundaryRow), [
                {"kind": kind, "name": a.name, "code": a.code, "parent": a.parent, "geom": bytes(blob)}
                for a, blob in zip(areas, blobs, strict=True)])

    def of_kind(self, kind: str) -> list[AreaBoundary]:
        rows = self.session.execute(
            select(AreaBoundaryRow.kind, AreaBoundaryRow.name, AreaBoundaryRow.code, AreaBoundaryRow.parent,
                   AreaBoundaryRow.geom).where(AreaBoundaryRow.kind == kind).order_by(AreaBoundaryRow.id)).all()
        geometries = shapely.from_wkb([row.geom for row in rows]) if rows else []
        return [AreaBoundary(row.kind, row.name, row.code, row.parent, geometry)
                for row, geometry in zip(rows, geometries, strict=True)]

    def count(self, kind: str) -> int:
        return int(self.session.scalar(select(func.count()).select_from(AreaBoundaryRow)
                                       .where(AreaBoundaryRow.kind == kind)))
