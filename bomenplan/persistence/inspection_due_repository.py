"""Living trees with the date of their latest controle, read in one query for the due list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, bindparam, func, select, text
from sqlalchemy.orm import Session

from bomenplan.domain.inspection_due import DueCandidate
from bomenplan.domain.values import Boomveiligheidsklasse, Omgevingsrisicoklasse, TreeStatus
from bomenplan.persistence.tables import SiteRow, TreeRow

Thresholds = dict[tuple[Boomveiligheidsklasse, Omgevingsrisicoklasse], date]

_SQL = (
    "SELECT t.id, t.boomnummer, s.straat, s.wijk, s.buurt, s.x, s.y, t.species_name, "
    "t.boomveiligheidsklasse, t.omgevingsrisicoklasse, last.datum "
    "FROM tree t JOIN site s ON s.id = t.site_id "
    "LEFT JOIN (SELECT tree_id, MAX(datum) AS datum FROM inspection GROUP BY tree_id) last "
    "ON last.tree_id = t.id WHERE {unindexed}t.status = :living{area}"
)  # SQLite "+": a full scan beats the status index when nearly every tree lives


def _due_condition(thresholds: Thresholds) -> tuple[str, list]:
    """SQL that keeps trees never inspected or inspected on/before their class pair's threshold;
    a class text outside the enums gets the latest threshold (kept; Python decides)."""
    whens, params = [], []
    for n, ((klasse, risico), day) in enumerate(sorted(thresholds.items())):
        whens.append(f"WHEN :p{n} THEN :d{n}")
        params += [bindparam(f"p{n}", f"{klasse}|{risico}"), bindparam(f"d{n}", day, type_=Date)]
    params.append(bindparam("d_else", max(thresholds.values()), type_=Date))
    case = (f"CASE t.boomveiligheidsklasse || '|' || t.omgevingsrisicoklasse {' '.join(whens)} "
            "ELSE :d_else END")
    return f" AND (last.datum IS NULL OR last.datum <= {case})", params


def _enum(kind, value: str | None, default):
    try:
        return kind(value)
    except ValueError:
        return default


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])  # SQLite hands back ISO text


class SqlDueCandidates:
    def __init__(self, session: Session):
        self.session = session

    def living_trees(self, wijk: str = "", buurt: str = "",
                     due_by: Thresholds | None = None) -> list[DueCandidate]:
        """Living trees (optionally of one wijk/buurt, name in any case) with their latest controle;
        with `due_by` only those never inspected or inspected on/before their threshold."""
        params, typed, area = {"living": TreeStatus.LEVEND.value}, [], ""
        if wijk:
            area, params["wijk"] = area + " AND LOWER(s.wijk) = LOWER(:wijk)", wijk
        if buurt:
            area, params["buurt"] = area + " AND LOWER(s.buurt) = LOWER(:buurt)", buurt
        sqlite = self.session.get_bind().dialect.name == "sqlite"
        sql = _SQL.format(area=area, unindexed="+" if sqlite else "")
        if due_by:
            condition, typed = _due_condition(due_by)
            sql += condition
        result = self.session.execute(text(sql + " ORDER BY t.id").bindparams(*typed), params)
        rows = result.cursor.fetchall()  # plain DBAPI tuples: no Row objects for 300k trees
        result.close()
        klassen: dict = {}
        risicos: dict = {}
        days: dict = {}
        result = []
        for (tree_id, nummer, straat, wijk_, buurt_, x, y, species, klasse, risico, last) in rows:
            k = klassen.get(klasse)
            if k is None:
                k = klassen[klasse] = _enum(Boomveiligheidsklasse, klasse, Boomveiligheidsklasse.ONBEKEND)
            r = risicos.get(risico)
            if r is None:
                r = risicos[risico] = _enum(Omgevingsrisicoklasse, risico, Omgevingsrisicoklasse.ONBEKEND)
            if last is not None and last not in days:
                days[last] = _day(last)
            result.append(DueCandidate(tree_id, nummer or "", straat or "", wijk_ or "", buurt_ or "",
                                       x, y, species or "", k, r, days.get(last)))
        return result

    def count_living(self, wijk: str = "", buurt: str = "") -> int:
        query = select(func.count()).select_from(TreeRow).where(TreeRow.status == TreeStatus.LEVEND.value)
        if wijk or buurt:
            query = query.join(SiteRow, SiteRow.id == TreeRow.site_id)
        if wijk:
            query = query.where(func.lower(SiteRow.wijk) == func.lower(wijk))
        if buurt:
            query = query.where(func.lower(SiteRow.buurt) == func.lower(buurt))
        return int(self.session.scalar(query) or 0)

    def areas(self) -> list[tuple[str, str]]:
        """Distinct (wijk, buurt) pairs for the filter choices."""
        rows = self.session.execute(text("SELECT DISTINCT wijk, buurt FROM site ORDER BY wijk, buurt"))
        return [(w or "", b or "") for w, b in rows]
