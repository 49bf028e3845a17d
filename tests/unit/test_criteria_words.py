"""Criteria conditions read as Dutch sentences; counts with their plural form."""

from bomenplan.domain.criteria import Condition
from bomenplan.domain.criteria_words import describe_conditions
from bomenplan.domain.dutch_text import number_nl, plural


def test_distance_to_facade_reads_as_the_issue_words_it():
    assert describe_conditions((Condition("afstand_gevel_m", "<=", 1.0),)) == \
        "takken binnen 1 m van gevel of dak"


def test_decimal_comma_and_choices_joined_with_of():
    text = describe_conditions((Condition("doorrijhoogte_m", "<", 4.5),
                                Condition("doorrijhoogte_over", "in", ("fietspad", "voetpad"))))
    assert text == "doorrijhoogte kleiner dan 4,5 m en doorrijhoogte boven fietspad of voetpad"


def test_yes_no_facts_and_unknown():
    assert describe_conditions((Condition("dood_hout", "=", True),)) == "dood hout in de kroon"
    assert describe_conditions((Condition("boom_is_eik", "=", False),)) == "de boom is geen eik"
    assert describe_conditions((Condition("stamdiameter_cm", "onbekend"),)) == "stamdiameter onbekend"
    assert describe_conditions(()) == ""


def test_number_and_plural_forms():
    assert number_nl(0.75) == "0,75" and number_nl(2.0) == "2"
    assert plural(1, "boom", "bomen") == "1 boom"
    assert plural(2, "boom", "bomen") == "2 bomen"
    assert plural(0, "boom", "bomen") == "0 bomen"
    assert plural(12345, "boom", "bomen") == "12.345 bomen"


def test_dates_read_day_month_year():
    from datetime import date

    from bomenplan.domain.dutch_text import date_nl, timestamp_nl

    assert date_nl(date(2026, 4, 2)) == "02-04-2026" and date_nl(None) == ""
    assert timestamp_nl("2026-04-02T10:11:12") == "02-04-2026 10:11"
    assert timestamp_nl("2026-04-02") == "02-04-2026" and timestamp_nl(None) == ""
