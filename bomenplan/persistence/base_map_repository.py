"""SQL repository of the base map: replaced as a whole (the demo writes it), read as a whole."""

from __future__ import annotations

import shapely
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from bomenplan.domain.base_map import BaseMapFeature
from bomenplan.persistence.tables_base_map import BaseMapRow


class SqlBaseMapRepository:
    def __init__(self, session: Session):
        self.session = session

    def replace(self, features: list[BaseMapFeature]) -> None:
        self.session.execute(delete(BaseMapRow))
        if features:
            blobs = shapely.to_wkb([f.geometry for f in features])
            self.session.execute(insert(BaseMapRow), [
                {"layer": f.layer, "name": f.name, "kind": f.kind, "geom": bytes(blob)}
                for f, blob in zip(features, blobs, strict=True)])

    def all(self) -> list[BaseMapFeature]:
        rows = self.session.execute(select(BaseMapRow.layer, BaseMapRow.name, BaseMapRow.kind,
                                           BaseMapRow.geom).order_by(BaseMapRow.id)).all()
        geometries = shapely.from_wkb([row.geom for row in rows]) if rows else []
        return [BaseMapFeature(row.layer, row.name, row.kind, geometry)
                for row, geometry in zip(rows, geometries, strict=True)]

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(BaseMapRow)))
