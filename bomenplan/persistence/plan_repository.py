"""SQL side of the plan check: trees near a plan area, register bounds, saved plans and results."""

from __future__ import annotations

from datetime import datetime

import numpy as np
from shapely import wkb
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bomenplan.domain.plan_check import AffectedTree, ProtectionColumns
from bomenplan.persistence.tables import SiteRow, TreeRow
from bomenplan.persistence.tables_standplaats import PlanAffectedTreeRow, PlanAreaRow

_PROTECTION_SQL = ("SELECT t.id, t.boomnummer, s.x, s.y, t.kroondiameter_m, t.stamdiameter_cm, t.beleidsstatus, "
                   "t.verplantbaar FROM tree t JOIN site s ON s.id = t.site_id WHERE t.status = 'levend'")


class SqlPlanRepository:
    def __init__(self, session: Session):
        self.session = session

    def protection_columns(self, bounds: tuple[float, float, float, float] | None = None) -> ProtectionColumns:
        """Living trees (all, or with the stem inside `bounds`, through the site x/y index)."""
        connection = self.session.connection()
        sql, params = _PROTECTION_SQL, ()
        if bounds is not None:
            mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"  # SQLite / psycopg
            sql += f" AND s.x BETWEEN {mark} AND {mark} AND s.y BETWEEN {mark} AND {mark}"
            params = (bounds[0], bounds[2], bounds[1], bounds[3])
        cursor = connection.connection.dbapi_connection.cursor()  # no Row objects
        try:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        finally:
            cursor.close()
        cols = list(zip(*rows, strict=True)) if rows else [[] for _ in range(8)]
        return ProtectionColumns(np.array(cols[0], dtype=np.int64), np.array(cols[1], dtype=object),
                                 np.array(cols[2], dtype=float), np.array(cols[3], dtype=float),
                                 np.array(cols[4], dtype=float), np.array(cols[5], dtype=float),  # None → NaN
                                 np.array(cols[6], dtype=object), np.array(cols[7], dtype=bool))

    def max_crown_diameter(self) -> float | None:
        return self.session.scalar(select(func.max(TreeRow.kroondiameter_m)).where(TreeRow.status == "levend"))

    def register_bounds(self) -> tuple[float, float, float, float] | None:
        row = self.session.execute(select(func.min(SiteRow.x), func.min(SiteRow.y),
                                          func.max(SiteRow.x), func.max(SiteRow.y))).one()
        return None if row[0] is None else tuple(float(v) for v in row)

    def save(self, name: str, source: str, plan, notes: list[str], affected: list[AffectedTree]) -> int:
        row = PlanAreaRow(name=name, source=source, geom=wkb.dumps(plan), notes="\n".join(notes),
                          checked_at=datetime.now())
        self.session.add(row)
        self.session.flush()
        self.session.add_all(PlanAffectedTreeRow(
            plan_id=row.id, tree_id=a.tree_id, boomnummer=a.boomnummer, distance_m=a.distance_m,
            zones="; ".join(str(z) for z in a.zones), measures="; ".join(str(m) for m in a.measures))
            for a in affected)
        return row.id

    def affected(self, plan_id: int) -> list[tuple[str, float, str, str]]:
        stmt = (select(PlanAffectedTreeRow.boomnummer, PlanAffectedTreeRow.distance_m, PlanAffectedTreeRow.zones,
                       PlanAffectedTreeRow.measures).where(PlanAffectedTreeRow.plan_id == plan_id)
                .order_by(PlanAffectedTreeRow.distance_m))
        return [tuple(r) for r in self.session.execute(stmt)]
