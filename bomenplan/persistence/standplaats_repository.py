"""SQL repositories of the standplaats feature and its bulk reads (soil volume, plan check)."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

import numpy as np
from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.soil_volume import SoilNormTable
from bomenplan.domain.standplaats import (
    Maatregel,
    ProblemStatus,
    ProblemType,
    Severity,
    Standplaats,
    StandplaatsProblem,
    Verharding,
)
from bomenplan.persistence.tables import SiteRow
from bomenplan.persistence.tables_standplaats import (
    SoilNormRow,
    StandplaatsProblemRow,
    StandplaatsRow,
)

_RECORD_FIELDS = [f.name for f in fields(Standplaats) if f.name not in ("site_id", "version", "verharding")]

_SOIL_SQL = """
SELECT t.id, t.boomnummer, t.site_id, s.wijk, s.straat, s.x, s.y, t.species_name, t.species_id,
       COALESCE(p.bodemvolume_m3, p.plantvak_lengte_m * p.plantvak_breedte_m * p.doorwortelbare_diepte_m)
FROM standplaats p JOIN tree t ON t.site_id = p.site_id JOIN site s ON s.id = t.site_id
WHERE t.status = 'levend'
"""
SOIL_COLUMNS = ("tree_id", "boomnummer", "site_id", "wijk", "straat", "x", "y", "species_name", "species_id",
                "available_m3")
_SPECIES_SQL = text("""
SELECT sp.id, sp.scientific_name, sp.cultivar, sp.grootteklasse, e.crown_diameter_m
FROM species sp LEFT JOIN species_eco e ON e.species_id = sp.id
""")
# One pass over the living trees; the required volume per species comes in as a temp table in
# SQLite ('+' keeps SQLite off the status index, which would cost a lookup per tree) and as two
# bound arrays in PostgreSQL. Plain CASE/COALESCE instead of SQLite's total() and scalar max().
_AVAILABLE = "COALESCE(p.bodemvolume_m3, p.plantvak_lengte_m * p.plantvak_breedte_m * p.doorwortelbare_diepte_m)"
_REQUIRED = {"sqlite": "temp.soil_required r",
             "postgresql": "unnest(%(names)s::text[], %(m3)s::float8[]) AS r(species_name, m3)"}
_LIVING = {"sqlite": "+t.status = 'levend'", "postgresql": "t.status = 'levend'"}
_SUMMARY_SQL = {(key, dialect): f"""
SELECT s.{key}, count(*), count(r.m3 + {_AVAILABLE}),
       sum(CASE WHEN {_AVAILABLE} < r.m3 THEN 1 ELSE 0 END),
       COALESCE(sum(CASE WHEN r.m3 > {_AVAILABLE} THEN r.m3 - {_AVAILABLE} ELSE 0.0 END), 0.0)
FROM tree t JOIN site s ON s.id = t.site_id
LEFT JOIN standplaats p ON p.site_id = t.site_id
LEFT JOIN {_REQUIRED[dialect]} ON r.species_name = t.species_name
WHERE {_LIVING[dialect]} GROUP BY s.{key}
""" for key in ("wijk", "straat") for dialect in ("sqlite", "postgresql")}



def record_to_domain(row: StandplaatsRow) -> Standplaats:
    return Standplaats(site_id=row.site_id, verharding=Verharding(row.verharding), version=row.version,
                       **{name: getattr(row, name) for name in _RECORD_FIELDS})


def problem_to_domain(row: StandplaatsProblemRow) -> StandplaatsProblem:
    measures = tuple(Maatregel(m) for m in row.maatregelen.split("; ") if m)
    return StandplaatsProblem(row.id, row.site_id, ProblemType(row.type), Severity(row.severity), row.datum,
                              ProblemStatus(row.status), measures, row.opmerking, row.version)


class SqlStandplaatsRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, site_id: int) -> Standplaats | None:
        row = self.session.get(StandplaatsRow, site_id)
        return None if row is None else record_to_domain(row)

    def save(self, record: Standplaats) -> Standplaats:
        """Insert (version 0) or update with optimistic locking."""
        if self.session.get(SiteRow, record.site_id) is None:
            raise NotFound(f"standplaats {record.site_id}")
        # locked and read fresh: on PostgreSQL a save committed meanwhile must not be overwritten
        row = self.session.get(StandplaatsRow, record.site_id, with_for_update=True, populate_existing=True)
        if row is None:
            row = StandplaatsRow(site_id=record.site_id, version=0)
            self.session.add(row)
        elif row.version != record.version:
            raise ConcurrentEditError(f"standplaats {record.site_id} is intussen gewijzigd", "standplaats",
                                      record.site_id, record.version, row.version)
        for name in _RECORD_FIELDS:
            setattr(row, name, getattr(record, name))
        row.verharding = str(record.verharding)
        row.version += 1
        row.updated_at = datetime.now()
        self.session.flush()
        return record_to_domain(row)

    def bulk_insert(self, records: list[Standplaats], problems: list[StandplaatsProblem]) -> None:
        """New records and problems in one go (demo, import); sites must exist, records must be new."""
        now = datetime.now()
        if records:
            self.session.execute(insert(StandplaatsRow), [
                {**{name: getattr(r, name) for name in _RECORD_FIELDS}, "site_id": r.site_id,
                 "verharding": str(r.verharding), "version": 1, "updated_at": now} for r in records])
        if problems:
            self.session.execute(insert(StandplaatsProblemRow), [
                {"site_id": p.site_id, "type": str(p.type), "severity": str(p.severity), "datum": p.datum,
                 "status": str(p.status), "maatregelen": "; ".join(str(m) for m in p.maatregelen),
                 "opmerking": p.opmerking, "version": 1, "updated_at": now} for p in problems])

    def available_volumes(self, site_ids: list[int]) -> dict[int, float]:
        """Available rootable m³ per site (entered, else plantvak estimate); unknown sites left out."""
        rows = self.session.scalars(select(StandplaatsRow).where(StandplaatsRow.site_id.in_(site_ids)))
        out = {}
        for row in rows:
            volume = record_to_domain(row).available_volume_m3
            if volume is not None:
                out[row.site_id] = volume
        return out

    def soil_columns(self) -> dict[str, np.ndarray]:
        """Living trees on sites with a standplaats record and the site's available volume (NaN = unknown)."""
        result = self._raw(_SOIL_SQL)
        cols = list(zip(*result, strict=True)) if result else [[] for _ in SOIL_COLUMNS]
        out = {}
        for name, values in zip(SOIL_COLUMNS, cols, strict=True):
            if name in ("tree_id", "site_id"):
                out[name] = np.array(values, dtype=np.int64)
            elif name in ("x", "y", "available_m3", "species_id"):
                out[name] = np.array(values, dtype=float)  # None → NaN
            else:
                out[name] = np.array(values, dtype=object)
        return out

    def species_for_soil(self) -> list[tuple[int, str, str, float | None]]:
        """(species id, name with cultivar, grootteklasse, final crown Ø m) of the catalogue."""
        return [(sid, f"{name} '{cultivar}'" if cultivar else name, klasse, crown)
                for sid, name, cultivar, klasse, crown in self.session.execute(_SPECIES_SQL)]

    def register_species(self) -> list[tuple[str, int | None]]:
        """Distinct (species name as recorded, matched catalogue id) of the living trees."""
        return self._raw("SELECT DISTINCT species_name, species_id FROM tree WHERE status = 'levend'")

    def shortage_summary(self, key: str, required_by_name: dict[str, float]) -> list[tuple]:
        """Per wijk or straat: (key, living trees, known, short, shortage m³), in one pass in SQL."""
        dialect = self.session.get_bind().dialect.name
        if dialect == "sqlite":
            connection = self.session.connection().connection.dbapi_connection
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS soil_required "
                               "(species_name TEXT PRIMARY KEY, m3 REAL)")
            connection.execute("DELETE FROM temp.soil_required")
            connection.executemany("INSERT INTO temp.soil_required VALUES (?, ?)",
                                   list(required_by_name.items()))
            params = None
        else:
            params = {"names": list(required_by_name), "m3": list(required_by_name.values())}
        return [(str(k or ""), int(n), int(known), int(short or 0), float(total))
                for k, n, known, short, total in self._raw(_SUMMARY_SQL[key, dialect], params)]

    def _raw(self, sql: str, params: dict | None = None) -> list[tuple]:
        cursor = self.session.connection().connection.dbapi_connection.cursor()  # no Row objects
        try:
            cursor.execute(sql, params) if params is not None else cursor.execute(sql)
            return cursor.fetchall()
        finally:
            cursor.close()

    def with_problems(self) -> list[tuple[int, float, float, int]]:
        """(site_id, x, y, open problems) for sites with at least one open problem (map layer)."""
        stmt = (select(SiteRow.id, SiteRow.x, SiteRow.y, func.count(StandplaatsProblemRow.id))
                .join(StandplaatsProblemRow, StandplaatsProblemRow.site_id == SiteRow.id)
                .where(StandplaatsProblemRow.status != str(ProblemStatus.OPGELOST)).group_by(SiteRow.id))
        return [tuple(r) for r in self.session.execute(stmt)]


class SqlStandplaatsProblemRepository:
    def __init__(self, session: Session):
        self.session = session

    def for_site(self, site_id: int) -> list[StandplaatsProblem]:
        stmt = (select(StandplaatsProblemRow).where(StandplaatsProblemRow.site_id == site_id)
                .order_by(StandplaatsProblemRow.datum, StandplaatsProblemRow.id))
        return [problem_to_domain(r) for r in self.session.scalars(stmt)]

    def get(self, problem_id: int) -> StandplaatsProblem:
        row = self.session.get(StandplaatsProblemRow, problem_id)
        if row is None:
            raise NotFound(f"standplaatsprobleem {problem_id}")
        return problem_to_domain(row)

    def save(self, problem: StandplaatsProblem) -> StandplaatsProblem:
        if problem.id is None:
            row = StandplaatsProblemRow(site_id=problem.site_id, version=0)
            self.session.add(row)
        else:
            row = self.session.get(StandplaatsProblemRow, problem.id)
            if row is None:
                raise NotFound(f"standplaatsprobleem {problem.id}")
            if row.version != problem.version:
                raise ConcurrentEditError(f"standplaatsprobleem {problem.id} is intussen gewijzigd")
        row.type, row.severity, row.status = str(problem.type), str(problem.severity), str(problem.status)
        row.datum, row.opmerking = problem.datum, problem.opmerking
        row.maatregelen = "; ".join(str(m) for m in problem.maatregelen)
        row.version += 1
        row.updated_at = datetime.now()
        self.session.flush()
        return problem_to_domain(row)


    def remove(self, problem_id: int) -> None:
        row = self.session.get(StandplaatsProblemRow, problem_id)
        if row is None:
            raise NotFound(f"standplaatsprobleem {problem_id}")
        self.session.delete(row)
        self.session.flush()


class SqlSoilNormRepository:
    def __init__(self, session: Session):
        self.session = session

    def current(self) -> SoilNormTable:
        rows = list(self.session.scalars(select(SoilNormRow)))
        if not rows:
            return SoilNormTable()
        return SoilNormTable(rows[0].table_name, rows[0].source, {r.key: r.required_m3 for r in rows})

    def replace(self, table: SoilNormTable) -> None:
        self.session.execute(delete(SoilNormRow))
        self.session.add_all(SoilNormRow(key=k, required_m3=v, table_name=table.name, source=table.source)
                            for k, v in table.required_m3.items())


def attach_standplaats_repositories(uow, session: Session) -> None:
    from bomenplan.persistence.plan_repository import SqlPlanRepository

    uow.standplaatsen = SqlStandplaatsRepository(session)
    uow.standplaats_problems = SqlStandplaatsProblemRepository(session)
    uow.soil_norms = SqlSoilNormRepository(session)
    uow.plans = SqlPlanRepository(session)
