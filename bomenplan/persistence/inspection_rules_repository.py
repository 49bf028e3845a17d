"""Stored controle intervals (table inspection_rule) ↔ domain RiskClassRule."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bomenplan.domain.inspection_rules import RiskClassRule
from bomenplan.domain.values import Omgevingsrisicoklasse
from bomenplan.persistence.tables_inspection_rules import InspectionRuleRow


class SqlInspectionRules:
    def __init__(self, session: Session):
        self.session = session

    def stored(self) -> dict[Omgevingsrisicoklasse, RiskClassRule]:
        """Only the classes the municipality changed; an unknown class text is skipped."""
        rules = {}
        for row in self.session.scalars(select(InspectionRuleRow)):
            try:
                klasse = Omgevingsrisicoklasse(row.omgevingsrisicoklasse)
            except ValueError:
                continue
            rules[klasse] = RiskClassRule(row.regular_months, row.attentieboom_months, row.measure_days)
        return rules

    def store(self, klasse: Omgevingsrisicoklasse, rule: RiskClassRule) -> None:
        row = self.session.get(InspectionRuleRow, klasse.value)
        if row is None:
            row = InspectionRuleRow(omgevingsrisicoklasse=klasse.value, version=0)
            self.session.add(row)
        row.regular_months = rule.regular_months
        row.attentieboom_months = rule.attentieboom_months
        row.measure_days = rule.measure_days
        row.version += 1
        row.updated_at = datetime.now()
        self.session.flush()
