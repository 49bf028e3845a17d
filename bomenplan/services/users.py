"""User administration (issue 15 §3): add, list, change role, deactivate — never delete, the
change log names them. Only a beheerder may do it once users exist; the first user added to a
register without users becomes beheerder, whatever role was asked, so the register always has
one. Every change is written to the change log (entity "gebruiker")."""

from __future__ import annotations

from dataclasses import replace

from bomenplan.domain.errors import NotFound, ValidationError
from bomenplan.domain.roles import Permission, Role, User, parse_role
from bomenplan.domain.tree import FieldChange
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text

ENTITY = "gebruiker"


def list_users(uow) -> list[User]:
    with uow:
        return uow.users.list()


def add_user(uow, name: str, role: Role) -> User:
    """Register `name` with `role`; the first user of a register becomes beheerder."""
    role = parse_role(str(role))
    with uow:
        actor = authorize(uow, Permission.USERS)
        user = User(None, name.strip(), role)
        if uow.users.by_name(user.name) is not None:
            raise ValidationError("naam", f"gebruiker '{user.name}' bestaat al")
        if uow.users.count() == 0:
            user = replace(user, role=Role.BEHEERDER)
        stored = uow.users.add(user)
        _log(uow, stored, "aangemaakt", "", f"{stored.name} ({stored.role})", actor.name)
        uow.commit()
        return stored


def change_role(uow, name: str, role: Role) -> User:
    role = parse_role(str(role))
    with uow:
        actor = authorize(uow, Permission.USERS)
        user = _existing(uow, name)
        if user.role == role:
            return user
        if user.role is Role.BEHEERDER:
            _keep_a_beheerder(uow, user)
        stored = uow.users.update(replace(user, role=role))
        _log(uow, stored, "rol", str(user.role), str(role), actor.name)
        uow.commit()
        return stored


def deactivate_user(uow, name: str) -> User:
    """Take away every write of `name`; their entries in the change log stay theirs."""
    with uow:
        actor = authorize(uow, Permission.USERS)
        user = _existing(uow, name)
        if not user.active:
            return user
        if user.role is Role.BEHEERDER:
            _keep_a_beheerder(uow, user)
        stored = uow.users.update(replace(user, active=False))
        _log(uow, stored, "actief", "ja", "nee", actor.name)
        uow.commit()
        return stored


def reactivate_user(uow, name: str) -> User:
    with uow:
        actor = authorize(uow, Permission.USERS)
        user = _existing(uow, name)
        if user.active:
            return user
        stored = uow.users.update(replace(user, active=True))
        _log(uow, stored, "actief", "nee", "ja", actor.name)
        uow.commit()
        return stored


def _existing(uow, name: str) -> User:
    user = uow.users.by_name(name)
    if user is None:
        raise NotFound(f"gebruiker '{name}' bestaat niet in dit register")
    return user


def _keep_a_beheerder(uow, leaving: User) -> None:
    others = [u for u in uow.users.list()
              if u.active and u.role is Role.BEHEERDER and u.id != leaving.id]
    if not others:
        raise ValidationError("rol", f"'{leaving.name}' is de laatste actieve beheerder; "
                              "maak eerst een andere gebruiker beheerder")


def _log(uow, user: User, field: str, old: str, new: str, by: str) -> None:
    uow.changes.record([FieldChange(ENTITY, user.id, field, old, new, now_text(), by)])
