"""Users of the register (tables_users.py) ↔ domain.roles.User."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.roles import Role, User
from bomenplan.persistence.tables_users import UserRow


def _to_domain(row: UserRow) -> User:
    return User(row.id, row.name, Role(row.role), row.active, row.version)


class SqlUserRepository:
    def __init__(self, session: Session):
        self.session = session

    def list(self) -> list[User]:
        rows = self.session.scalars(select(UserRow).order_by(func.lower(UserRow.name)))
        return [_to_domain(r) for r in rows]

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(UserRow)) or 0

    def by_name(self, name: str) -> User | None:
        row = self.session.scalars(select(UserRow).where(
            func.lower(UserRow.name) == name.strip().lower())).first()
        return _to_domain(row) if row is not None else None

    def add(self, user: User) -> User:
        row = UserRow(name=user.name.strip(), role=user.role.value, active=user.active, version=1,
                      created_at=datetime.now(), updated_at=datetime.now())
        self.session.add(row)
        self.session.flush()
        return _to_domain(row)

    def update(self, user: User) -> User:
        row = self.session.get(UserRow, user.id)
        if row is None:
            raise NotFound(f"gebruiker {user.name} bestaat niet")
        if row.version != user.version:
            raise ConcurrentEditError(f"gebruiker {user.name} is intussen gewijzigd")
        row.role, row.active = user.role.value, user.active
        row.version += 1
        row.updated_at = datetime.now()
        self.session.flush()
        return _to_domain(row)
