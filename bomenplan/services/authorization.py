"""Role checks for every writing use case (issue 15 §3).

The unit of work carries who acts: `uow.login` (set by whoever builds the factory: the GUI from
the user profile, the CLI from --gebruiker or BOMENPLAN_USER; absent → the OS login) and
`uow.users` (the registered users). Services call `authorize(uow, Permission.X)` inside
`with uow:` before writing, so no caller needs a new argument and the rule holds for every
caller. A register without users (a fresh one-user SQLite file) lets the local user act as
beheerder; a unit of work without a user store (test fakes) does too.
"""

from __future__ import annotations

from bomenplan.domain.roles import Actor, Permission, PermissionDenied, actor_for
from bomenplan.services.user_profile import current_user_name


def login_of(uow) -> str:
    login = getattr(uow, "login", None)
    return (login if login is not None else current_user_name()).strip()


def current_actor(uow) -> Actor:
    """Who acts in this (entered) unit of work."""
    users = getattr(uow, "users", None)
    login = login_of(uow)
    if users is None:
        return actor_for(login, None, register_has_users=False)
    has_users = users.count() > 0
    found = users.by_name(login) if has_users and login else None
    return actor_for(login, found, has_users)


def authorize(uow, permission: Permission) -> Actor:
    """The acting user, or PermissionDenied (with a Dutch message) if their role lacks it."""
    actor = current_actor(uow)
    if not actor.may(permission):
        raise PermissionDenied(actor, permission)
    return actor


def acting_user(uow) -> Actor:
    """Who acts, for screens that disable what the user may not do (reads only)."""
    with uow:
        return current_actor(uow)
