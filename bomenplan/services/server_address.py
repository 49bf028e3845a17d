"""Where a team's PostgreSQL register lives: host, port, database, user and SSL mode as one URL
without a password (passwords go to the driver only: asked each time, or libpq's PGPASSWORD and
~/.pgpass), and one Dutch sentence for each kind of failed connection."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit

SSL_MODES = ("prefer", "disable", "require", "verify-ca", "verify-full")
DEFAULT_PORT = 5432
SCHEME = "postgresql+psycopg"


@dataclass(frozen=True)
class ServerAddress:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    sslmode: str = "prefer"

    def url(self) -> str:
        """postgresql+psycopg://user@host:port/database[?sslmode=…], never with a password."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        query = "" if self.sslmode == "prefer" else f"sslmode={self.sslmode}"
        return urlunsplit((SCHEME, f"{user}{self.host}:{self.port}",
                           "/" + quote(self.database, safe=""), query, ""))

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        parts = urlsplit(url)
        sslmode = parse_qs(parts.query).get("sslmode", ["prefer"])[0]
        return cls(parts.hostname or "", unquote(parts.path.lstrip("/")),
                   unquote(parts.username or ""), parts.port or DEFAULT_PORT, sslmode)


def is_server_url(text: str) -> bool:
    return text.startswith(("postgresql://", "postgresql+", "postgres://"))


def without_password(url: str) -> str:
    """The URL as it may be shown and remembered: a password in it is taken out."""
    parts = urlsplit(url)
    if "://" not in url or parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.netloc.rsplit("@", 1)[0].split(":", 1)[0]
    return urlunsplit((parts.scheme, f"{user}@{netloc}", parts.path, parts.query, parts.fragment))


_UNREACHABLE = ("connection refused", "could not connect", "timeout", "timed out",
                "could not translate host name", "name or service not known", "no route to host",
                "network is unreachable", "connection to server at")


def explain_failure(url: str, detail: str) -> str:
    """One Dutch sentence for a failed connection, from libpq's message `detail`."""
    address = ServerAddress.from_url(url)
    lower = detail.lower()
    where = f"{address.host}:{address.port}"
    if "password authentication failed" in lower or "no password supplied" in lower:
        return (f"gebruiker '{address.user}' kon niet inloggen op server {where}: "
                "het wachtwoord is onjuist of ontbreekt")
    if "database" in lower and "does not exist" in lower:
        return f"database '{address.database}' bestaat niet op server {where}"
    if "role" in lower and "does not exist" in lower:
        return f"gebruiker '{address.user}' bestaat niet op server {where}"
    if "ssl" in lower:
        return f"de beveiligde (SSL-)verbinding met server {where} lukt niet"
    if any(w in lower for w in _UNREACHABLE):
        return f"server {where} is niet bereikbaar (staat hij aan, kloppen naam en poort?)"
    first = detail.strip().splitlines()[0] if detail.strip() else "onbekende fout"
    return f"verbinding met server {where} mislukt ({first})"
