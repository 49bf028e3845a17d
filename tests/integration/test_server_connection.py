"""Testing and opening a register on a real PostgreSQL server (tests/pg_server.py): a working
server, a database that is missing, a port where nothing listens."""

import socket

import pytest

from bomenplan.persistence.server_connection import ServerConnectionError, check_server, open_server
from bomenplan.persistence.unit_of_work import SqlUnitOfWork
from bomenplan.services import register
from bomenplan.services.server_address import ServerAddress
from tests.register_fixtures import draft_tree


def test_working_server_passes_and_opens_migrated(pg_url):
    check_server(pg_url)
    engine, sessions = open_server(pg_url, password="wordt-genegeerd-bij-trust")
    tree = register.add_tree(SqlUnitOfWork(sessions), draft_tree(1))
    assert register.get_tree(SqlUnitOfWork(sessions), tree.id).boomnummer == "A001"
    engine.dispose()


def test_missing_database_is_named(postgres_server):
    url = ServerAddress("127.0.0.1", "bestaat_niet", "bomenplan", postgres_server.port).url()
    with pytest.raises(ServerConnectionError, match="database 'bestaat_niet' bestaat niet op "
                                                    f"server 127.0.0.1:{postgres_server.port}"):
        check_server(url)


def test_port_without_server_is_unreachable():
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = ServerAddress("127.0.0.1", "bomen", "anna", port).url()
    with pytest.raises(ServerConnectionError, match=f"server 127.0.0.1:{port} is niet bereikbaar"):
        check_server(url)


def test_start_with_a_missing_server_database_names_it(postgres_server):
    """`bomenplan --db URL` opens through open_checked: one Dutch sentence, no driver text."""
    from bomenplan.persistence.database_check import open_checked

    url = ServerAddress("127.0.0.1", "weg", "bomenplan", postgres_server.port).url()
    with pytest.raises(ServerConnectionError) as caught:
        open_checked(url, must_exist=False)
    assert str(caught.value) == f"database 'weg' bestaat niet op server 127.0.0.1:{postgres_server.port}"
