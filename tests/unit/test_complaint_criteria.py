"""Criteria versions: conflicts and gaps block vaststellen; JSON round trip; re-examination."""

from datetime import date

import pytest

from bomenplan.domain.complaints import (
    Channel,
    Complaint,
    ComplaintCategory,
    ComplaintFacts,
    ComplaintRecord,
    TreeOwner,
)
from bomenplan.domain.criteria import (
    Condition,
    CriteriaConflictError,
    CriteriaStatus,
    Decision,
    Measure,
    Rule,
    adopt,
    criteria_problems,
    rules_overlap,
)
from bomenplan.domain.criteria_json import version_from_json, version_to_json
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.reexamination import reexamine
from bomenplan.services.criteria_defaults import default_criteria

C = ComplaintCategory
DEFAULT = default_criteria()


def rule(code, decision, *conditions, category=C.TAKKEN_GEVEL_DAK):
    measure = {Decision.INGRIJPEN: Measure.SNOEIEN, Decision.NIET_INGRIJPEN: Measure.GEEN,
               Decision.INSPECTIE: Measure.INSPECTIE}[decision]
    return Rule(code, category, decision, measure, "", "", "bron", tuple(conditions))


def replace_category(version, category, *rules):
    kept = tuple(r for r in version.rules if r.category is not category)
    return version.with_changes(label="concept", status=CriteriaStatus.CONCEPT, rules=kept + rules)


def test_default_set_can_be_adopted():
    assert criteria_problems(DEFAULT) == []
    adopted = adopt(DEFAULT.with_changes(status=CriteriaStatus.CONCEPT), date(2026, 6, 1))
    assert adopted.status is CriteriaStatus.VASTGESTELD and adopted.vastgesteld_op == date(2026, 6, 1)


def test_overlapping_rules_with_different_decisions_cannot_be_adopted():
    concept = replace_category(
        DEFAULT, C.TAKKEN_GEVEL_DAK,
        rule("dichtbij", Decision.INGRIJPEN, Condition("afstand_gevel_m", "<=", 2.0)),
        rule("veraf", Decision.NIET_INGRIJPEN, Condition("afstand_gevel_m", ">", 1.0)),
        rule("onbekend", Decision.INSPECTIE, Condition("afstand_gevel_m", "onbekend")))
    with pytest.raises(CriteriaConflictError) as err:
        adopt(concept, date(2026, 6, 1))
    assert "'dichtbij'" in str(err.value) and "'veraf'" in str(err.value)
    assert len(err.value.problems) == 1


def test_missing_category_cannot_be_adopted():
    concept = replace_category(DEFAULT, C.HONINGDAUW)
    with pytest.raises(CriteriaConflictError, match="geen regel voor categorie 'honingdauw'"):
        adopt(concept, date(2026, 6, 1))


def test_solar_rule_that_prunes_is_against_fixed_policy():
    concept = replace_category(DEFAULT, C.ZONNEPANELEN,
                               rule("panelen-snoeien", Decision.INGRIJPEN, category=C.ZONNEPANELEN))
    problems = criteria_problems(concept)
    assert problems == [f"regel 'panelen-snoeien' strijdt met vast beleid: {problems[0].split(': ', 1)[1]}"]
    assert "§3.6" in problems[0]


@pytest.mark.parametrize("a, b, overlap", [
    (Condition("afstand_gevel_m", "<", 1.0), Condition("afstand_gevel_m", ">=", 1.0), False),
    (Condition("afstand_gevel_m", "<=", 1.0), Condition("afstand_gevel_m", ">=", 1.0), True),
    (Condition("afstand_gevel_m", "<", 1.0), Condition("afstand_gevel_m", "onbekend"), False),
    (Condition("doorrijhoogte_over", "=", "rijbaan"), Condition("doorrijhoogte_over", "in", ("fietspad", "voetpad")), False),
    (Condition("doorrijhoogte_over", "=", "fietspad"), Condition("doorrijhoogte_over", "in", ("fietspad", "voetpad")), True),
    (Condition("doorrijhoogte_over", "=", "rijbaan"), Condition("doorrijhoogte_m", "<", 4.5), True),
])
def test_rules_overlap(a, b, overlap):
    assert rules_overlap(rule("a", Decision.INGRIJPEN, a), rule("b", Decision.NIET_INGRIJPEN, b)) is overlap


def test_json_round_trip_and_error_naming_the_rule():
    assert version_from_json(version_to_json(DEFAULT)) == DEFAULT
    broken = version_to_json(DEFAULT).replace('"besluit": "inspectie"', '"besluit": "misschien"', 1)
    with pytest.raises(ValidationError, match=r"regel \d+ \(gevel-afstand-onbekend\): besluit"):
        version_from_json(broken)


def record(cid, year, category, **facts):
    complaint = Complaint(cid, date(year, 3, 1), Channel.EMAIL, (category,), "", (cid,))
    return ComplaintRecord(complaint, ComplaintFacts(eigenaar=TreeOwner.GEMEENTE, **facts))


def test_reexamination_counts_exactly_on_a_hand_built_history():
    # concept: prune within 2 m instead of 1 m, and inspect every honeydew complaint
    concept = replace_category(
        DEFAULT, C.TAKKEN_GEVEL_DAK,
        rule("binnen-2m", Decision.INGRIJPEN, Condition("afstand_gevel_m", "<=", 2.0)),
        rule("verder", Decision.NIET_INGRIJPEN, Condition("afstand_gevel_m", ">", 2.0)),
        rule("meten", Decision.INSPECTIE, Condition("afstand_gevel_m", "onbekend")))
    concept = replace_category(concept, C.HONINGDAUW,
                               rule("honingdauw-kijken", Decision.INSPECTIE, category=C.HONINGDAUW))
    history = [
        record(1, 2024, C.TAKKEN_GEVEL_DAK, afstand_gevel_m=0.5),   # ingrijpen → ingrijpen
        record(2, 2024, C.TAKKEN_GEVEL_DAK, afstand_gevel_m=1.5),   # niet → ingrijpen
        record(3, 2025, C.TAKKEN_GEVEL_DAK, afstand_gevel_m=1.8),   # niet → ingrijpen
        record(4, 2025, C.TAKKEN_GEVEL_DAK, afstand_gevel_m=3.0),   # niet → niet
        record(5, 2025, C.HONINGDAUW),                              # niet → inspectie
        record(6, 2025, C.ZICHT_VERKEER),                           # ingrijpen → ingrijpen
        record(7, 2026, C.SCHADUW),                                 # niet → niet
    ]
    result = reexamine(DEFAULT, concept, history)
    assert result.total == 7
    assert [c.complaint_id for c in result.changes] == [2, 3, 5]
    assert result.transitions == {(Decision.NIET_INGRIJPEN, Decision.INGRIJPEN): 2,
                                  (Decision.NIET_INGRIJPEN, Decision.INSPECTIE): 1}
    assert result.work_orders_per_year == {2024: (1, 2), 2025: (1, 2), 2026: (0, 0)}
    assert result.work_order_totals() == (2, 4)
