"""Condition text, backlog CSV parsing (errors name line and field), and the mixed-complaint rule."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bomenplan.domain.complaints import (
    Channel,
    ClearanceOver,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    TreeOwner,
)
from bomenplan.domain.criteria import Condition, Decision
from bomenplan.domain.criteria_json import format_conditions, parse_conditions
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.triage import evaluate_complaint
from bomenplan.services.complaint_backlog import read_backlog
from bomenplan.services.criteria_defaults import default_criteria

CRITERIA = default_criteria()


def test_every_default_rule_survives_the_condition_text_round_trip():
    for rule in CRITERIA.rules:
        assert parse_conditions(format_conditions(rule.conditions)) == rule.conditions


@pytest.mark.parametrize("text, field", [
    ("afstand_gevel_m <= een", "afstand_gevel_m"),
    ("hoogte_m < 3", "veld"),
    ("afstand_gevel_m ~ 3", "operator"),
    ("dood_hout = misschien", "dood_hout"),
    ("doorrijhoogte_over = snelweg", "doorrijhoogte_over"),
    ("afstand_gevel_m", "voorwaarden"),
])
def test_bad_condition_text_names_the_field(text, field):
    with pytest.raises(ValidationError) as err:
        parse_conditions(text)
    assert err.value.field == field


def test_condition_with_decimal_comma():
    assert parse_conditions("afstand_gevel_m <= 1,5") == (Condition("afstand_gevel_m", "<=", 1.5),)


def test_backlog_reports_each_bad_row_with_line_and_field(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,category,text,eigenaar,afstand_gevel_m,datum\n"
                    "1,schaduw,,gemeente,,2024-02-30\n"
                    ",schaduw,,gemeente,,\n"
                    "3,,,gemeente,,\n"
                    "4,takken tegen gevel of dak,,gemeente,dichtbij,\n"
                    "5,takken tegen gevel of dak,,gemeente,-2,\n"
                    "6,takken tegen gevel of dak + zonnepanelen,,gemeente,\"0,8\",2025-06-01\n",
                    encoding="utf-8")
    rows, errors = read_backlog(path, None)
    assert [(e.line, e.field) for e in errors] == [
        (2, "datum"), (3, "id"), (4, "category"), (5, "afstand_gevel_m"), (6, "afstand_gevel_m")]
    assert len(rows) == 1 and rows[0].line == 7
    assert rows[0].complaint.categories == (ComplaintCategory.TAKKEN_GEVEL_DAK,
                                            ComplaintCategory.ZONNEPANELEN)
    assert rows[0].facts.afstand_gevel_m == 0.8 and rows[0].complaint.datum == date(2025, 6, 1)


def test_backlog_without_required_columns_is_one_clear_error(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("nummer;omschrijving\n1;boom\n", encoding="utf-8")
    rows, errors = read_backlog(path, None)
    assert rows == [] and errors[0].line == 1 and "category" in errors[0].message


facts_strategy = st.builds(
    ComplaintFacts, eigenaar=st.just(TreeOwner.GEMEENTE),
    afstand_gevel_m=st.none() | st.floats(0, 100),
    doorrijhoogte_over=st.none() | st.sampled_from(ClearanceOver),
    doorrijhoogte_m=st.none() | st.floats(0, 40), dood_hout=st.none() | st.booleans())


@settings(max_examples=300, deadline=None)
@given(facts=facts_strategy,
       others=st.lists(st.sampled_from([c for c in ComplaintCategory
                                        if c is not ComplaintCategory.ZONNEPANELEN]),
                       max_size=3, unique=True))
def test_panels_never_carry_an_intervention_in_a_mixed_complaint(facts, others):
    complaint = Complaint(1, date(2026, 1, 5), Channel.APP,
                          (*others, ComplaintCategory.ZONNEPANELEN), "", (1,))
    result = evaluate_complaint(complaint, facts, CRITERIA)
    panels = [o for o in result.outcomes if o.category is ComplaintCategory.ZONNEPANELEN]
    assert len(panels) == 1 and panels[0].decision is Decision.NIET_INGRIJPEN
    alone = evaluate_complaint(complaint.with_changes(categories=tuple(others) or
                                                      (ComplaintCategory.ZONNEPANELEN,)),
                               facts, CRITERIA)
    assert result.decision is alone.decision  # the panels add nothing to the decision
    assert "zonnepanelen zijn geen reden" in result.reason.lower()
