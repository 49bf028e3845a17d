"""SQL repositories for sites and trees. Bulk paths use raw executemany (PERF-ANCHORS §1)."""

from __future__ import annotations

from datetime import datetime
from itertools import islice

import numpy as np
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bomenplan.domain.errors import ConcurrentEditError, NotFound
from bomenplan.domain.progress import check_cancelled
from bomenplan.domain.register_columns import FirstStageColumns, RegisterColumns
from bomenplan.domain.tree import Site, Tree
from bomenplan.persistence.mappers import point_wkb, site_to_domain, tree_row_values, tree_to_domain
from bomenplan.persistence.register_read import HEAD_ROWS, read_columns, read_first_stage, read_rest
from bomenplan.persistence.tables import SiteRow, TreeRow
from bomenplan.services.import_batch import (
    BATCH_NUMBER_FIELDS,
    BATCH_TEXT_FIELDS,
    OPTIONAL_NUMBER_FIELDS,
    ImportBatch,
)

_SITE_FIELDS = ("straat", "wijk", "buurt")


class SqlSiteRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, site_id: int) -> Site:
        row = self.session.get(SiteRow, site_id)
        if row is None:
            raise NotFound(f"plantvak {site_id}")
        return site_to_domain(row)

    def add(self, site: Site) -> Site:
        row = SiteRow(x=site.position.x, y=site.position.y,
                      geom=point_wkb(site.position.x, site.position.y), straat=site.straat,
                      wijk=site.wijk, buurt=site.buurt, version=1, updated_at=datetime.now())
        self.session.add(row)
        self.session.flush()
        return site_to_domain(row)

    def update(self, site: Site) -> Site:
        values = dict(x=site.position.x, y=site.position.y,
                      geom=point_wkb(site.position.x, site.position.y), straat=site.straat,
                      wijk=site.wijk, buurt=site.buurt)
        _versioned_update(self.session, SiteRow, site.id, site.version, values)
        return self.get(site.id)


class SqlTreeRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, tree_id: int) -> Tree:
        row = self.session.get(TreeRow, tree_id)
        if row is None:
            raise NotFound(f"boom {tree_id}")
        self.session.refresh(row)
        site = self.session.get(SiteRow, row.site_id)
        self.session.refresh(site)
        return tree_to_domain(row, site)

    def add(self, tree: Tree) -> Tree:
        row = TreeRow(site_id=tree.site_id, version=1, updated_at=datetime.now(),
                      **tree_row_values(tree))
        self.session.add(row)
        self.session.flush()
        return self.get(row.id)

    def update(self, tree: Tree) -> Tree:
        """Store tree fields and its site's fields (position, straat, wijk, buurt)."""
        _versioned_update(self.session, TreeRow, tree.id, tree.version, tree_row_values(tree))
        site = self.session.get(SiteRow, tree.site_id)
        site_values = {f: getattr(tree, f) for f in _SITE_FIELDS}
        if (site.x, site.y) != (tree.position.x, tree.position.y):
            site_values.update(x=tree.position.x, y=tree.position.y,
                               geom=point_wkb(tree.position.x, tree.position.y))
        if any(getattr(site, k) != v for k, v in site_values.items()):
            _versioned_update(self.session, SiteRow, site.id, site.version, site_values)
        return self.get(tree.id)

    def remove_new(self, tree_id: int) -> None:
        """Delete a just-created tree (undo of an addition) and its site if nothing else stands there."""
        row = self.session.get(TreeRow, tree_id)
        if row is None:
            raise NotFound(f"boom {tree_id}")
        site_id = row.site_id
        self.session.delete(row)
        self.session.flush()
        others = self.session.scalar(select(func.count()).select_from(TreeRow)
                                     .where(TreeRow.site_id == site_id))
        if not others:
            self.session.delete(self.session.get(SiteRow, site_id))
            self.session.flush()

    def on_site(self, site_id: int) -> list[Tree]:
        rows = self.session.scalars(select(TreeRow).where(TreeRow.site_id == site_id)
                                    .order_by(TreeRow.id)).all()
        site = self.session.get(SiteRow, site_id)
        return [tree_to_domain(r, site) for r in rows]

    def by_boomnummer(self, boomnummer: str) -> Tree | None:
        tree_id = self.session.scalar(select(TreeRow.id).where(TreeRow.boomnummer == boomnummer)
                                      .order_by(TreeRow.id.desc()).limit(1))
        return None if tree_id is None else self.get(tree_id)

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(TreeRow)) or 0

    def nvtb_values(self) -> dict[int, int]:
        """Tree id → appraised NVTB value in euro cents, for the trees that have one."""
        rows = self.session.execute(select(TreeRow.id, TreeRow.nvtb_waarde_cent)
                                    .where(TreeRow.nvtb_waarde_cent.is_not(None)))
        return {int(i): int(c) for i, c in rows}

    def measured_crowns(self) -> dict[int, float]:
        """Tree id → measured crown diameter in metres, for the trees that have one."""
        rows = self.session.execute(select(TreeRow.id, TreeRow.kroondiameter_m)
                                    .where(TreeRow.kroondiameter_m.is_not(None)))
        return {int(i): float(d) for i, d in rows}

    def columns(self) -> RegisterColumns:
        return read_columns(self._cursor())

    def first_stage_columns(self, head_rows: int = HEAD_ROWS) -> FirstStageColumns:
        """Stage 1 of the two-stage read (map and first table screen); see register_read."""
        return read_first_stage(self._cursor(), head_rows)

    def rest_columns(self) -> dict[str, np.ndarray]:
        """Stage 2: id and the fields stage 1 left as placeholders; see register_read."""
        return read_rest(self._cursor())

    def _cursor(self):
        return self.session.connection().connection.dbapi_connection.cursor()  # no Row objects

    def bulk_insert(self, batch: ImportBatch, progress=None, cancelled=None) -> int:
        """Insert sites (explicit ids MAX(id)+1…) and their trees with raw DBAPI executemany.

        Runs inside the session's transaction, so a later rollback removes everything.
        `progress(fraction)` is called per chunk; `cancelled()` raising stops between chunks.
        """
        n = len(batch)
        if n == 0:
            return 0
        conn = self.session.connection()
        sqlite = conn.dialect.name == "sqlite"
        postgres = conn.dialect.name == "postgresql"
        if postgres:  # explicit ids: keep other writers of sites out until commit
            conn.exec_driver_sql("LOCK TABLE site IN SHARE ROW EXCLUSIVE MODE")
        first_site = (conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM site").scalar() or 0) + 1
        site_ids = list(range(first_site, first_site + n))
        now = datetime.now()
        stamp = now.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else now
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        geoms = points_wkb(batch.x, batch.y)
        t = batch.text
        site_sql = _insert_sql("site", _SITE_COLUMNS, mark)
        site_rows = zip(site_ids, batch.x.tolist(), batch.y.tolist(), geoms, t["straat"], t["wijk"],
                        t["buurt"], [1] * n, [stamp] * n, strict=True)
        tree_text = [f for f in BATCH_TEXT_FIELDS if f not in _SITE_FIELDS]
        numbers = (*BATCH_NUMBER_FIELDS, *(f for f in OPTIONAL_NUMBER_FIELDS if f in batch.numbers))
        tree_sql = _insert_sql("tree", ("site_id", *tree_text, *numbers,
                                        "verplantbaar", "version", "updated_at"), mark)
        tree_rows = zip(site_ids, *(t[f] for f in tree_text),
                        *(batch.numbers[f] for f in numbers),
                        [False] * n, [1] * n, [stamp] * n, strict=True)
        raw = conn.connection.dbapi_connection
        cursor = raw.cursor()
        try:
            if sqlite:
                if not raw.in_transaction:  # pysqlite would run DDL below outside the transaction
                    cursor.execute("BEGIN")
                # random-order index inserts thrash SQLite's default 2 MB page cache
                cursor.execute(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")
            indexes = self._indexes_to_rebuild(conn, n) if sqlite else []
            for index in indexes:
                index.drop(conn, checkfirst=True)
            for sql, rows, done, share in ((site_sql, site_rows, 0.0, 0.4),
                                           (tree_sql, tree_rows, 0.4, 0.5)):
                for start in range(0, n, _CHUNK):
                    chunk = list(islice(rows, _CHUNK))
                    if postgres:  # COPY is ~10× faster than executemany on PostgreSQL
                        _copy_rows(cursor, sql, chunk)
                    else:
                        cursor.executemany(sql, chunk)
                    if progress:
                        progress(done + share * min(1.0, (start + _CHUNK) / n))
                    if cancelled:
                        check_cancelled(cancelled)
            for index in indexes:
                index.create(conn)
            if postgres:  # the id sequence must continue after the explicit ids
                conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('site', 'id'), "
                                     "(SELECT MAX(id) FROM site))")
        finally:
            cursor.close()
        return n

    def _indexes_to_rebuild(self, conn, n: int) -> list:
        """Big imports into a (nearly) empty SQLite register: building the site/tree indexes
        afterwards is ~5× cheaper than updating them row by row. The DDL is transactional."""
        if n < _REBUILD_INDEXES_FROM:
            return []
        existing = conn.exec_driver_sql("SELECT COUNT(*) FROM tree").scalar() or 0
        if existing > n:
            return []
        return sorted([*SiteRow.__table__.indexes, *TreeRow.__table__.indexes], key=lambda i: i.name)


_SITE_COLUMNS = ("id", "x", "y", "geom", "straat", "wijk", "buurt", "version", "updated_at")
_CHUNK = 50_000
_SQLITE_CACHE_KIB = 32768
_REBUILD_INDEXES_FROM = 20_000
_WKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])


def points_wkb(x: np.ndarray, y: np.ndarray) -> list[bytes]:
    """Little-endian 2D WKB points, byte-identical to shapely.to_wkb, without geometry objects."""
    rec = np.empty(len(x), dtype=_WKB_POINT)
    rec["order"], rec["type"], rec["x"], rec["y"] = 1, 1, x, y
    return rec.view("V21").tolist()


def _copy_rows(cursor, insert_sql: str, rows: list[tuple]) -> None:
    """psycopg 3 COPY FROM STDIN for the table and columns of an INSERT statement."""
    target = insert_sql.removeprefix("INSERT INTO ").split(" VALUES")[0]
    with cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"


def _versioned_update(session: Session, row_cls, row_id: int, version: int, values: dict) -> None:
    """UPDATE … WHERE version = :expected; raise ConcurrentEditError when someone else won."""
    stmt = (update(row_cls).where(row_cls.id == row_id, row_cls.version == version)
            .values(**values, version=version + 1, updated_at=datetime.now())
            .execution_options(synchronize_session=False))
    if session.execute(stmt).rowcount != 1:
        raise ConcurrentEditError(f"{row_cls.__tablename__} {row_id} is intussen door een ander gewijzigd",
                                  row_cls.__tablename__, row_id, version)
