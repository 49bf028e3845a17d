"""Check out a part of the register into a local SQLite field file (issue 15 §4).

The field file is a normal register (same schema, opens in the app) holding the chosen trees,
their sites, standplaats records and recent inspections, the whole species catalogue, the base map
around them, plus `field_checkout` (where from, who, when, what) and `field_base` (every merged
row's values now: the base of the three-way merge at check-in).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import shapely
from sqlalchemy import Connection, Table, and_, insert, select
from sqlalchemy.engine import URL, make_url

from bomenplan.domain.errors import Cancelled, ValidationError
from bomenplan.domain.field_work import CheckoutResult, FieldScope
from bomenplan.persistence.database import database_url, open_database
from bomenplan.persistence.field_holds import authorize_field_user, hold_trees
from bomenplan.persistence.field_rows import (
    INSPECTION_TABLE,
    MERGED,
    chunks,
    full_rows,
    to_json,
)
from bomenplan.persistence.tables import SiteRow, SpeciesRow, TreeRow
from bomenplan.persistence.tables_base_map import BaseMapRow
from bomenplan.persistence.tables_field import FieldBaseRow, FieldCheckoutRow
from bomenplan.persistence.tables_species import SpeciesEcoRow, SpeciesNameMapRow
from bomenplan.persistence.tables_standplaats import StandplaatsProblemRow, StandplaatsRow

INSPECTION_YEARS = 5  # inspections this recent go along (the latest ones the form shows)
MAP_MARGIN_M = 100.0  # base map this far around the trees
CATALOGUE = (SpeciesRow.__table__, SpeciesEcoRow.__table__, SpeciesNameMapRow.__table__)


def public_url(url: str) -> str:
    """The source as the field file records it: a file's path, a server's URL without password."""
    parsed = make_url(database_url(url))
    if parsed.drivername.startswith("sqlite"):
        return parsed.database or ""  # a file: its path
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port,
                      parsed.database, parsed.query)
    return bare.render_as_string(hide_password=False)


def check_out(server: str, out: str | Path, scope: FieldScope, user: str,
              progress: Callable[[float], None] = lambda _f: None,
              cancelled: Callable[[], bool] = lambda: False) -> CheckoutResult:
    """Write the field file `out` (which must not exist yet); raises ValidationError for an empty
    scope and Cancelled when cancelled (then no file is left behind)."""
    out = Path(out)
    if out.exists():
        raise ValidationError("--out", f"{out} bestaat al; kies een nieuw bestand voor de veldkopie")
    if not out.parent.is_dir():
        raise ValidationError("--out", f"map {out.parent} bestaat niet")
    server_engine, server_sessions = open_database(server)
    try:
        authorize_field_user(server_sessions, user)
    except BaseException:
        server_engine.dispose()
        raise
    field_engine, _ = open_database(out)
    try:
        with server_engine.connect() as src, field_engine.begin() as dst:
            counts, token, tree_ids = _copy(src, dst, scope, user, server, progress, cancelled)
        with server_engine.begin() as conn:  # office users see these trees are in the field
            hold_trees(conn, tree_ids, token, user, scope.describe())
    except BaseException:
        field_engine.dispose()
        _remove_field_file(out)
        raise
    finally:
        server_engine.dispose()
    field_engine.dispose()
    return CheckoutResult(str(out), *counts)


def _copy(src: Connection, dst: Connection, scope: FieldScope, user: str, server: str,
          progress, cancelled) -> tuple[tuple[int, int, int], str, list[int]]:
    tree_ids, site_ids = _scope_ids(src, scope)
    if not tree_ids:
        raise ValidationError("scope", f"geen bomen gevonden voor {scope.describe()}")
    for table in reversed(CATALOGUE):
        dst.execute(table.delete())  # the migrated file's shipped catalogue → the server's
    for table in CATALOGUE:
        _insert(dst, table, [dict(r._mapping) for r in src.execute(select(table))])
    steps = [(SiteRow.__table__, "id", site_ids), (TreeRow.__table__, "id", tree_ids),
             (StandplaatsRow.__table__, "site_id", site_ids),
             (StandplaatsProblemRow.__table__, "site_id", site_ids)]
    for number, (table, column, ids) in enumerate(steps):
        if cancelled():
            raise Cancelled("uitchecken afgebroken")
        _insert(dst, table, full_rows(src, table, column, ids))
        progress(0.1 + 0.15 * number)
    since = date.today() - timedelta(days=365 * INSPECTION_YEARS)
    inspections = [r for r in full_rows(src, INSPECTION_TABLE, "tree_id", tree_ids)
                   if r["datum"] >= since]
    _insert(dst, INSPECTION_TABLE, inspections)
    progress(0.75)
    features = _base_map_around(src, site_ids)
    _insert(dst, BaseMapRow.__table__, features)
    problem_ids = dst.execute(select(StandplaatsProblemRow.id)).scalars().all()
    _record_base(dst, tree_ids, site_ids, {"inspection": [r["id"] for r in inspections],
                                           "standplaats_problem": problem_ids})
    token = uuid.uuid4().hex
    dst.execute(insert(FieldCheckoutRow.__table__).values(
        id=1, token=token, source_url=public_url(server), user=user,
        checked_out_at=datetime.now().replace(microsecond=0), scope=scope.describe(),
        tree_count=len(tree_ids), checkin_seq=1, pending_checkin=""))
    progress(1.0)
    return (len(tree_ids), len(inspections), len(features)), token, tree_ids


def _scope_ids(src: Connection, scope: FieldScope) -> tuple[list[int], list[int]]:
    tree, site = TreeRow.__table__, SiteRow.__table__
    query = select(tree.c.id, tree.c.site_id).join(site, site.c.id == tree.c.site_id)
    if scope.tree_ids:
        pairs = [p for chunk in chunks(sorted(set(scope.tree_ids)))
                 for p in src.execute(query.where(tree.c.id.in_(chunk)))]
    elif scope.area:
        x0, y0, x1, y1 = scope.area
        pairs = list(src.execute(query.where(and_(site.c.x.between(min(x0, x1), max(x0, x1)),
                                                  site.c.y.between(min(y0, y1), max(y0, y1))))))
    elif scope.wijk:
        pairs = list(src.execute(query.where(site.c.wijk == scope.wijk)))
    elif scope.buurt:
        pairs = list(src.execute(query.where(site.c.buurt == scope.buurt)))
    else:
        raise ValidationError("scope", "kies een wijk, buurt, gebied of bomen om uit te checken")
    tree_ids = sorted({t for t, _s in pairs})
    return tree_ids, sorted({s for _t, s in pairs})


def _base_map_around(src: Connection, site_ids: list[int]) -> list[dict]:
    site = SiteRow.__table__
    xs, ys = [], []
    for chunk in chunks(site_ids):
        for x, y in src.execute(select(site.c.x, site.c.y).where(site.c.id.in_(chunk))):
            xs.append(x)
            ys.append(y)
    box = shapely.box(min(xs) - MAP_MARGIN_M, min(ys) - MAP_MARGIN_M,
                      max(xs) + MAP_MARGIN_M, max(ys) + MAP_MARGIN_M)
    rows = [dict(r._mapping) for r in src.execute(select(BaseMapRow.__table__))]
    if not rows:
        return []
    shapes = shapely.from_wkb([r["geom"] for r in rows])
    keep = shapely.intersects(shapes, box)
    return [row for row, inside in zip(rows, keep, strict=True) if inside]


def _record_base(dst: Connection, tree_ids: list[int], site_ids: list[int],
                 added: dict[str, list[int]]) -> None:
    """Every checked-out row's values now (inspections and problems too: edits of them merge)."""
    ids_of = {"tree": tree_ids, "site": site_ids, "standplaats": site_ids, **added}
    base = []
    for merged in MERGED:
        base.extend({"entity": merged.entity, "entity_id": key, "values_json": to_json(values)}
                    for key, values in merged.rows(dst, ids_of[merged.entity]).items())
    _insert(dst, FieldBaseRow.__table__, base)


def _insert(dst: Connection, table: Table, rows: list[dict]) -> None:
    for start in range(0, len(rows), 5000):
        dst.execute(insert(table), rows[start:start + 5000])


def _remove_field_file(out: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)


def field_copy_info(sessions) -> tuple[str, str]:
    """("Veldkopie van … uitgecheckt op … door …", source URL) when the open database is a field
    file, else ("", "")."""
    with sessions() as session:
        try:
            record = session.execute(select(FieldCheckoutRow.__table__)).first()
        except Exception:  # noqa: BLE001 - a register without the field tables is no field file
            return "", ""
    if record is None:
        return "", ""
    when = record.checked_out_at.strftime("%d-%m-%Y %H:%M")
    return (f"Veldkopie van {record.source_url} ({record.scope}) uitgecheckt op {when} "
            f"door {record.user or 'onbekend'}", record.source_url)


def field_copy_banner(sessions) -> str:
    return field_copy_info(sessions)[0]


def install_field_work(database, sessions) -> str:
    """Register check-out and check-in for the GUI on the open `database`; returns the banner."""
    from bomenplan.persistence.field_checkin import check_in
    from bomenplan.persistence.field_holds import hold_text, release_holds
    from bomenplan.services.field_work import FieldGateway, register_field_gateway

    banner, source = field_copy_info(sessions)
    register_field_gateway(FieldGateway(str(database), banner, source, check_out, check_in,
                                        lambda tree_id: hold_text(sessions, tree_id),
                                        release_holds))
    return banner
