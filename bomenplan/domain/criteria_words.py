"""Criteria conditions in plain Dutch for screens and letters ("takken binnen 1 m van gevel of
dak"), next to the editable notation of criteria_json ("afstand_gevel_m <= 1")."""

from __future__ import annotations

from bomenplan.domain.criteria import Condition
from bomenplan.domain.dutch_text import number_nl

# How each fact reads in a sentence; numbers carry their unit.
_SUBJECT = {
    "afstand_gevel_m": ("takken", "van gevel of dak", "m"),
    "stamdiameter_cm": ("stamdiameter", "", "cm"),
    "doorrijhoogte_m": ("doorrijhoogte", "", "m"),
}
_YES_NO = {
    "dood_hout": ("dood hout in de kroon", "geen dood hout in de kroon"),
    "takken_raken_gevel": ("takken raken de gevel", "takken raken de gevel niet"),
    "struikelgevaar": ("struikelgevaar", "geen struikelgevaar"),
    "boven_openbare_ruimte": ("boven openbare ruimte", "niet boven openbare ruimte"),
    "boom_is_eik": ("de boom is een eik", "de boom is geen eik"),
}
_CHOICE = {"doorrijhoogte_over": "doorrijhoogte boven", "locatie_risico": "locatierisico",
           "soort": "soort"}
_UNKNOWN = {"afstand_gevel_m": "afstand van de takken tot gevel of dak",
            "stamdiameter_cm": "stamdiameter", "doorrijhoogte_m": "doorrijhoogte"}


def describe_condition(c: Condition) -> str:
    if c.op == "onbekend":
        return f"{_UNKNOWN.get(c.field, c.field.replace('_', ' '))} onbekend"
    if c.field in _YES_NO:
        yes, no = _YES_NO[c.field]
        return yes if bool(c.value) == (c.op == "=") else no
    if c.field in _SUBJECT:
        return _describe_number(c)
    subject = _CHOICE.get(c.field, c.field.replace("_", " "))
    if c.op == "in":
        values = list(map(str, c.value))
        listed = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " of " + values[-1]
        return f"{subject} {listed}"
    return f"{subject} {c.value}"


def _describe_number(c: Condition) -> str:
    subject, place, unit = _SUBJECT[c.field]
    amount = f"{number_nl(float(c.value))} {unit}"
    if place:  # a distance: "binnen 1 m van gevel of dak"
        phrase = {"<": f"minder dan {amount}", "<=": f"binnen {amount}",
                  ">": f"verder dan {amount}", ">=": f"minstens {amount}",
                  "=": f"precies {amount}"}[c.op]
        return f"{subject} {phrase} {place}"
    phrase = {"<": f"kleiner dan {amount}", "<=": f"hoogstens {amount}",
              ">": f"groter dan {amount}", ">=": f"minstens {amount}",
              "=": f"{amount}"}[c.op]
    return f"{subject} {phrase}"


def describe_conditions(conditions: tuple[Condition, ...]) -> str:
    """All conditions joined with 'en'; empty when the rule always applies."""
    return " en ".join(describe_condition(c) for c in conditions)
