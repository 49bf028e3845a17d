"""A real PostgreSQL server for the tests: initdb in a temporary folder, pg_ctl on a free loopback
port, one fresh database per test. Works as root (the server then runs as the `postgres` user,
because initdb refuses root). Without PostgreSQL binaries the tests skip, unless
BOMENPLAN_REQUIRE_PG=1 (as `.ci/run` sets), where a missing server fails the run."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "bomenplan"


def pg_bin_dir() -> Path | None:
    """The folder with initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def pg_required() -> bool:
    return os.environ.get("BOMENPLAN_REQUIRE_PG", "") == "1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    bin_dir: Path
    folder: Path
    port: int
    _as_user: list[str]
    _names = itertools.count(1)

    @classmethod
    def start(cls) -> PostgresServer:
        bin_dir = pg_bin_dir()
        if bin_dir is None:
            raise FileNotFoundError("PostgreSQL (initdb, pg_ctl) is not installed")
        folder = Path(tempfile.mkdtemp(prefix="bomenplan-pg-"))
        as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root: run the server as `postgres`
            shutil.chown(folder, "postgres", "postgres")
            as_user = ["runuser", "-u", "postgres", "--"]
        server = cls(bin_dir, folder, _free_port(), as_user)
        data, log = folder / "data", folder / "server.log"
        server._run("initdb", "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync")
        options = (f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        server._run("pg_ctl", "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60",
                    "start")
        return server

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self._as_user, str(self.bin_dir / program), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, template: str | None = None) -> str:
        """A new empty database (or a copy of `template`); returns its name."""
        name = f"t{next(self._names)}"
        self._admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
