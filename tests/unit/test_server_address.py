"""The server address of a PostgreSQL register: URL without password, and Dutch failure texts
for the messages libpq gives (texts as printed by psycopg 3 / libpq 15)."""

import pytest

from bomenplan.services.server_address import (
    ServerAddress,
    explain_failure,
    is_server_url,
    without_password,
)


def test_url_has_every_part_but_never_a_password():
    address = ServerAddress("gis-db.assen.nl", "bomenregister", "j.devries", 5433, "require")
    assert address.url() == ("postgresql+psycopg://j.devries@gis-db.assen.nl:5433/bomenregister"
                             "?sslmode=require")
    assert ServerAddress.from_url(address.url()) == address
    assert ServerAddress("db", "reg", "anna").url() == "postgresql+psycopg://anna@db:5432/reg"


def test_special_characters_in_user_and_database_are_escaped_and_read_back():
    address = ServerAddress("db", "bomen register", "a@b")
    assert address.url() == "postgresql+psycopg://a%40b@db:5432/bomen%20register"
    assert ServerAddress.from_url(address.url()) == address


def test_password_is_taken_out_of_a_url():
    assert without_password("postgresql+psycopg://anna:geheim@db:5432/reg?sslmode=require") == \
        "postgresql+psycopg://anna@db:5432/reg?sslmode=require"
    assert without_password("postgresql://anna@db/reg") == "postgresql://anna@db/reg"
    assert without_password("/data/register.sqlite") == "/data/register.sqlite"
    assert is_server_url("postgresql://db/reg") and not is_server_url("sqlite:///x.sqlite")


URL = "postgresql+psycopg://anna@db.assen.nl:5432/bomen"


@pytest.mark.parametrize("detail, expected", [
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  password '
     'authentication failed for user "anna"',
     "gebruiker 'anna' kon niet inloggen op server db.assen.nl:5432: het wachtwoord is onjuist of "
     "ontbreekt"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  database '
     '"bomen" does not exist', "database 'bomen' bestaat niet op server db.assen.nl:5432"),
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: Connection refused\n'
     '\tIs the server running on that host and accepting TCP/IP connections?',
     "server db.assen.nl:5432 is niet bereikbaar (staat hij aan, kloppen naam en poort?)"),
    ('connection failed: could not translate host name "db.assen.nl" to address: Name or service '
     'not known', "server db.assen.nl:5432 is niet bereikbaar (staat hij aan, kloppen naam en poort?)"),
    ('connection failed: FATAL:  role "anna" does not exist',
     "gebruiker 'anna' bestaat niet op server db.assen.nl:5432"),
])
def test_libpq_messages_become_one_dutch_sentence(detail, expected):
    assert explain_failure(URL, detail) == expected
