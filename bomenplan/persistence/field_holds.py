"""Which trees are out in the field (issue 15 §4, nice to have): a checkout marks its trees on the
server, office users see "in het veld bij …", and `release_holds` takes the marks away again once
the field copy is checked in for good. A later checkout of the same tree takes the mark over."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select

from bomenplan.persistence.database import open_database
from bomenplan.persistence.field_rows import chunks
from bomenplan.persistence.tables_field import FieldCheckoutRow, FieldHoldRow

_HOLD = FieldHoldRow.__table__


def hold_trees(conn: Connection, tree_ids: list[int], token: str, holder: str, scope: str) -> None:
    since = datetime.now().replace(microsecond=0)
    for chunk in chunks(tree_ids):
        conn.execute(delete(_HOLD).where(_HOLD.c.tree_id.in_(chunk)))
        conn.execute(insert(_HOLD), [{"tree_id": t, "token": token, "holder": holder,
                                      "scope": scope, "since": since} for t in chunk])


def release_holds(server: str, field_file: str | Path) -> int:
    """Remove the marks of this field copy's checkout; returns how many trees were released.
    Like check-in, it needs the copy's user to hold the field-work rights on the server."""
    field_engine, _ = open_database(field_file)
    try:
        with field_engine.connect() as local:
            checkout = local.execute(select(FieldCheckoutRow.token, FieldCheckoutRow.user)).first()
    finally:
        field_engine.dispose()
    if checkout is None:
        return 0
    token, user = checkout
    server_engine, server_sessions = open_database(server)
    try:
        authorize_field_user(server_sessions, user)
        with server_engine.begin() as conn:
            return conn.execute(delete(_HOLD).where(_HOLD.c.token == token)).rowcount
    finally:
        server_engine.dispose()


def hold_text(sessions, tree_id: int) -> str:
    """"In het veld bij Els (wijk Centrum) sinds 30-11-2026" for a tree that is out, else ""."""
    with sessions() as session:
        row = session.execute(select(_HOLD).where(_HOLD.c.tree_id == tree_id)).first()
    if row is None:
        return ""
    return (f"In het veld bij {row.holder or 'onbekend'} ({row.scope}) sinds "
            f"{row.since.strftime('%d-%m-%Y')}")


def authorize_field_user(sessions, login: str) -> None:
    """Field work edits trees and records inspections: the user who checks out (and whose name
    the copy carries back at check-in) needs both rights on the server (issue 15 §3);
    PermissionDenied before anything is copied or written."""
    from bomenplan.domain.roles import Permission
    from bomenplan.persistence.unit_of_work import SqlUnitOfWork
    from bomenplan.services.authorization import authorize

    with SqlUnitOfWork(sessions, login=login) as uow:
        authorize(uow, Permission.TREES)
        authorize(uow, Permission.INSPECTIONS)
