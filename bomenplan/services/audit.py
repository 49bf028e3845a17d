"""The audit log (issue 15 §3): every change — who, when, what, old → new — in `change_log`,
queryable per entity (a tree), per user and per period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bomenplan.domain.tree import FieldChange
from bomenplan.services.authorization import login_of
from bomenplan.services.clock import now_text

DEFAULT_LIMIT = 100_000  # more than this is not a list to read: narrow the filter


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields filter nothing. `user` matches the name, also when the entry carries a
    role/team suffix ("J. de Vries (boomverzorger, Team Noord)"); `until` is inclusive."""

    entity: str = ""
    entity_id: int | None = None
    user: str = ""
    since: date | None = None
    until: date | None = None
    also: tuple[tuple[str, int], ...] = ()  # further (entity, id) pairs, e.g. the tree's site


def log_change(uow, entity: str, entity_id: int, field: str, old="", new="", user: str = "",
               reason: str = "") -> None:
    """One change-log entry; without `user` the acting login of the unit of work signs it.
    (A unit of work without a change log — a unit-test fake of the import — records nothing.)"""
    if getattr(uow, "changes", None) is None:
        return
    uow.changes.record([FieldChange(entity, int(entity_id or 0), field, str(old), str(new),
                                    now_text(), user or login_of(uow), reason)])


def audit_entries(uow, entity: str = "", entity_id: int | None = None, user: str = "",
                  since: date | None = None, until: date | None = None,
                  limit: int = DEFAULT_LIMIT, tree: int | None = None) -> list[FieldChange]:
    """Change-log entries matching every given filter, newest first. `tree=N` is entity="tree",
    entity_id=N plus the entries of its site (replanting, standplaats)."""
    also: tuple[tuple[str, int], ...] = ()
    if tree is not None:
        entity, entity_id = "tree", tree
    if since and until and until < since:
        from bomenplan.domain.errors import ValidationError

        raise ValidationError("periode", f"'tot' ({until}) ligt vóór 'van' ({since})")
    with uow:
        if tree is not None:
            site_id = uow.trees.get(tree).site_id  # NotFound names an unknown tree
            also = (("site", site_id), ("standplaats", site_id))
        wanted = AuditFilter(entity, entity_id, user.strip(), since, until, also)
        return uow.changes.query(wanted, limit)


def audit_entities(uow) -> list[str]:
    """The kinds of entity in the log (for a filter list)."""
    with uow:
        return uow.changes.entities()


AUDIT_HEADER = ("tijdstip", "gebruiker", "object", "nummer", "veld", "oud", "nieuw", "reden")


def audit_rows(entries: list[FieldChange]) -> list[tuple]:
    return [(e.changed_at, e.user, e.entity, e.entity_id, e.field, e.old, e.new, e.reason)
            for e in entries]


def export_audit_csv(entries: list[FieldChange], path) -> int:
    """The entries as CSV (header AUDIT_HEADER); returns the number of rows written."""
    from bomenplan.services.csv_output import write_csv

    rows = audit_rows(entries)
    write_csv(path, AUDIT_HEADER, rows)
    return len(rows)
