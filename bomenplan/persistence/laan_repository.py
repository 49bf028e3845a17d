"""SQL repositories for lanen, replanting choices and sortiment matrix versions."""

from __future__ import annotations

from datetime import datetime

from shapely import wkb
from shapely.geometry import MultiLineString
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.laan import Herplantstrategie, Laan, LaanChoice, LaanStatus, LaanType
from bomenplan.persistence.tables_lanen import LaanChoiceRow, LaanRow, SortimentMatrixRow


def laan_to_domain(row: LaanRow) -> Laan:
    geom = wkb.loads(row.geom)
    return Laan(id=row.id, name=row.name, rows=tuple(geom.geoms), spacing_m=row.spacing_m,
                straat=row.straat, laan_type=LaanType(row.laan_type),
                intended_species=row.intended_species,
                herplantstrategie=Herplantstrategie(row.herplantstrategie),
                hoofdbomenstructuur=row.hoofdbomenstructuur, status=LaanStatus(row.status),
                version=row.version)


def _fill(row: LaanRow, laan: Laan) -> None:
    row.name, row.straat, row.laan_type = laan.name, laan.straat, str(laan.laan_type)
    row.geom = wkb.dumps(MultiLineString(list(laan.rows)))
    row.spacing_m, row.intended_species = laan.spacing_m, laan.intended_species
    row.herplantstrategie = str(laan.herplantstrategie)
    row.hoofdbomenstructuur, row.status = laan.hoofdbomenstructuur, str(laan.status)
    row.updated_at = datetime.now()


class SqlLaanRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self, status: LaanStatus | None = None) -> list[Laan]:
        query = select(LaanRow).order_by(LaanRow.id)
        if status is not None:
            query = query.where(LaanRow.status == str(status))
        return [laan_to_domain(r) for r in self.session.scalars(query)]

    def get(self, laan_id: int) -> Laan:
        row = self.session.get(LaanRow, laan_id)
        if row is None:
            raise NotFound(f"laan {laan_id}")
        return laan_to_domain(row)

    def add_many(self, lanen: list[Laan]) -> int:
        rows = []
        for laan in lanen:
            row = LaanRow(version=1)
            _fill(row, laan)
            rows.append(row)
        self.session.add_all(rows)
        self.session.flush()
        return len(rows)

    def add(self, laan: Laan) -> Laan:
        row = LaanRow(version=1)
        _fill(row, laan)
        self.session.add(row)
        self.session.flush()
        return laan_to_domain(row)

    def update(self, laan: Laan) -> Laan:
        # locked and read fresh: on PostgreSQL a save committed meanwhile must not be overwritten
        row = self.session.get(LaanRow, laan.id, with_for_update=True, populate_existing=True)
        if row is None:
            raise NotFound(f"laan {laan.id}")
        if row.version != laan.version:
            raise ConcurrentEditError(f"laan {laan.id} is intussen gewijzigd", "laan", laan.id,
                                      laan.version, row.version)
        _fill(row, laan)
        row.version += 1
        self.session.flush()
        return laan_to_domain(row)

    def remove(self, laan_id: int) -> None:
        self.session.execute(delete(LaanChoiceRow).where(LaanChoiceRow.laan_id == laan_id))
        self.session.execute(delete(LaanRow).where(LaanRow.id == laan_id))

    def remove_proposals(self) -> int:
        ids = list(self.session.scalars(select(LaanRow.id).where(
            LaanRow.status == str(LaanStatus.VOORSTEL))))
        for laan_id in ids:
            self.remove(laan_id)
        return len(ids)


class SqlLaanChoiceRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, choice: LaanChoice) -> LaanChoice:
        row = LaanChoiceRow(
            laan_id=choice.laan_id, strategy=str(choice.strategy), species="|".join(choice.species),
            pattern=choice.pattern, planting_size=choice.planting_size, rationale=choice.rationale,
            decided_at=datetime.fromisoformat(choice.decided_at), user=choice.user,
            gap_index=choice.gap_index)
        self.session.add(row)
        self.session.flush()
        return _choice(row)

    def remove(self, choice_id: int) -> None:
        self.session.execute(delete(LaanChoiceRow).where(LaanChoiceRow.id == choice_id))

    def for_laan(self, laan_id: int) -> list[LaanChoice]:
        rows = self.session.scalars(select(LaanChoiceRow).where(LaanChoiceRow.laan_id == laan_id)
                                    .order_by(LaanChoiceRow.decided_at.desc(), LaanChoiceRow.id.desc()))
        return [_choice(r) for r in rows]


def _choice(row: LaanChoiceRow) -> LaanChoice:
    return LaanChoice(id=row.id, laan_id=row.laan_id, strategy=Herplantstrategie(row.strategy),
                      species=tuple(row.species.split("|")), pattern=row.pattern,
                      planting_size=row.planting_size, rationale=row.rationale,
                      decided_at=row.decided_at.isoformat(timespec="seconds"), user=row.user,
                      gap_index=row.gap_index)


class SqlSortimentRepository:
    """Matrix versions as CSV text; the newest version is the one in use."""

    def __init__(self, session: Session):
        self.session = session

    def latest(self) -> tuple[str, str] | None:
        row = self.session.scalars(select(SortimentMatrixRow)
                                   .order_by(SortimentMatrixRow.id.desc()).limit(1)).first()
        return (row.version, row.csv_text) if row else None

    def add(self, version: str, csv_text: str) -> None:
        self.session.add(SortimentMatrixRow(version=version, csv_text=csv_text,
                                            created_at=datetime.now()))
        self.session.flush()


def attach_laan_repositories(uow, session: Session) -> None:
    uow.lanen = SqlLaanRepository(session)
    uow.laan_choices = SqlLaanChoiceRepository(session)
    uow.sortiment = SqlSortimentRepository(session)
    from bomenplan.persistence.laan_site_repository import SqlLaanSiteRepository

    uow.laan_sites = SqlLaanSiteRepository(session)
