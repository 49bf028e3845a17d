"""The beheerder's controle intervals: read the stored table (unchanged classes keep the shipped
values of domain/inspection_rules.py), validate and store changes, each in the change log."""

from __future__ import annotations

from dataclasses import replace

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.inspection_rules import InspectionRules, RiskClassRule
from bomenplan.domain.roles import Permission
from bomenplan.domain.tree import FieldChange
from bomenplan.domain.values import Omgevingsrisicoklasse
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text

MONTHS_RANGE = (1, 60)  # up to 5 years: the upper end of the general 3–5 years (DOMAIN.md §5)
ATTENTIEBOOM_MAX = 12  # CROW 26768: an attentieboom at least once a year
DAYS_RANGE = (1, 365)
FIELD_LABELS = {"regular_months": "interval zonder gebreken (maanden)",
                "attentieboom_months": "interval attentieboom (maanden)",
                "measure_days": "termijn maatregel risicoboom (dagen)"}
RULE_ENTITY = "controle-interval"


def rules_of(uow) -> InspectionRules:
    """The rules in force; call inside an open unit of work."""
    defaults = InspectionRules()
    return replace(defaults, by_class={**defaults.by_class, **uow.inspection_rules.stored()})


def load_rules(uow) -> InspectionRules:
    with uow:
        return rules_of(uow)


def validate(klasse: Omgevingsrisicoklasse, rule: RiskClassRule) -> None:
    """A Dutch message naming the class and the field of the first value out of range."""
    low, high = MONTHS_RANGE
    checks = (("regular_months", rule.regular_months, low, high),
              ("attentieboom_months", rule.attentieboom_months, low, min(high, ATTENTIEBOOM_MAX)),
              ("measure_days", rule.measure_days, *DAYS_RANGE))
    for name, value, lo, hi in checks:
        if not isinstance(value, int) or not lo <= value <= hi:
            raise ValidationError(f"omgevingsrisicoklasse {klasse}, {FIELD_LABELS[name]}",
                                  f"{value} ligt niet tussen {lo} en {hi}")


def save_rules(uow, changed: dict[Omgevingsrisicoklasse, RiskClassRule],
               user: str = "") -> InspectionRules:
    """Store the changed classes (all validated first: nothing is stored on an error)."""
    for klasse, rule in changed.items():
        if klasse is Omgevingsrisicoklasse.ONBEKEND:
            raise ValidationError("omgevingsrisicoklasse", "'onbekend' volgt de klasse "
                                  "gemiddeld en heeft geen eigen interval")
        validate(klasse, rule)
    now = now_text()
    with uow:
        authorize(uow, Permission.SETTINGS)  # the beheerder's intervals (issue 15 §3)
        before = rules_of(uow)
        log = []
        for klasse, rule in changed.items():
            old = before.by_class[klasse]
            if old == rule:
                continue
            uow.inspection_rules.store(klasse, rule)
            log += [FieldChange(RULE_ENTITY, 0, f"{klasse}: {FIELD_LABELS[name]}",
                                str(getattr(old, name)), str(getattr(rule, name)), now, user)
                    for name in FIELD_LABELS if getattr(old, name) != getattr(rule, name)]
        uow.changes.record(log)
        uow.commit()
        return rules_of(uow)
