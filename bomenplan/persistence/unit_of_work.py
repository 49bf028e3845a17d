"""SqlUnitOfWork: one Session per service call; rolls back unless commit() was called; driver
errors leave it as domain errors (persistence/storage_errors.py)."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bomenplan.persistence.repositories import (
    SqlChangeLog,
    SqlInspectionRepository,
    SqlSpeciesRepository,
)
from bomenplan.persistence.storage_errors import translate
from bomenplan.persistence.tree_repository import SqlSiteRepository, SqlTreeRepository
from bomenplan.services.authorization import login_of


class SqlUnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], login: str | None = None):
        self.session_factory = session_factory
        self.login = login  # who acts (services/authorization.py); None: BOMENPLAN_USER / OS login
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self.session_factory()
        self.trees = SqlTreeRepository(self.session)
        self.sites = SqlSiteRepository(self.session)
        self.inspections = SqlInspectionRepository(self.session)
        self.changes = SqlChangeLog(self.session, login_of(self)[:120])
        self.species = SqlSpeciesRepository(self.session)
        self._extend(self.session)
        return self

    def _extend(self, session: Session) -> None:
        """Feature repositories (lanen, complaints, …) are attached here."""
        from bomenplan.persistence.species_catalogue_repository import SqlSpeciesCatalogue

        self.catalogue = SqlSpeciesCatalogue(session)
        from bomenplan.persistence.exchange_repository import SqlExchangeRepository

        self.exchange = SqlExchangeRepository(session)
        from bomenplan.persistence.register_update_repository import SqlRegisterUpdate

        self.register_update = SqlRegisterUpdate(session)
        from bomenplan.persistence.complaint_repository import attach_complaint_repositories

        attach_complaint_repositories(self, session)
        from bomenplan.persistence.laan_repository import attach_laan_repositories

        attach_laan_repositories(self, session)
        from bomenplan.persistence.bomenbank_repository import attach_bomenbank_repositories

        attach_bomenbank_repositories(self, session)
        from bomenplan.persistence.standplaats_repository import attach_standplaats_repositories

        attach_standplaats_repositories(self, session)
        from bomenplan.persistence.base_map_repository import SqlBaseMapRepository

        self.base_map = SqlBaseMapRepository(session)
        from bomenplan.persistence.inspection_due_repository import SqlDueCandidates

        self.inspection_due = SqlDueCandidates(session)
        from bomenplan.persistence.inspection_rules_repository import SqlInspectionRules

        self.inspection_rules = SqlInspectionRules(session)
        from bomenplan.persistence.user_repository import SqlUserRepository

        self.users = SqlUserRepository(session)
        from bomenplan.persistence.area_repository import SqlAreaRepository

        self.areas = SqlAreaRepository(session)

    def __exit__(self, exc_type, exc, traceback) -> None:
        try:
            self.rollback()
            self.session.close()
        except SQLAlchemyError as cleanup:  # e.g. the connection is gone: report the first error
            if exc is None:
                raise translate(cleanup) from cleanup
        domain_error = translate(exc) if exc is not None else None
        if domain_error is not None:
            raise domain_error from exc

    def commit(self) -> None:
        try:
            self.session.commit()
        except SQLAlchemyError as exc:
            raise translate(exc) from exc

    def rollback(self) -> None:
        self.session.rollback()
