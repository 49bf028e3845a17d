"""triage: the shipped default criteria are a concept, with the corrected rules

Earlier versions stored the shipped default set as "vastgesteld" on 2026-01-01 although no
municipality adopted it, with dead wood inverted and citations of a non-existent document. That
stored row (recognised by label, author and that date) becomes the current shipped concept.
Versions a municipality adopted itself are left alone.

Revision ID: 0015_triage
Revises: 0004_complaints
"""
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

from bomenplan.domain.criteria_json import rules_to_json, version_from_json

revision: str = '0015_triage'
down_revision: str | Sequence[str] | None = '0004_complaints'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHIPPED = Path(__file__).resolve().parents[4] / "resources" / "criteria" / "default_criteria.json"


def upgrade() -> None:
    shipped = version_from_json(SHIPPED.read_text(encoding="utf-8"), source=str(SHIPPED))
    op.get_bind().execute(sa.text(
        "UPDATE criteria_version SET status = 'concept', vastgesteld_op = NULL, "
        "rules_json = :rules, toelichting = :toelichting, version = version + 1 "
        "WHERE label = :label AND status = 'vastgesteld' AND vastgesteld_op = '2026-01-01' "
        "AND auteur = 'Team Bomen, gemeente Assen'"),
        {"rules": rules_to_json(shipped.rules), "toelichting": shipped.toelichting,
         "label": shipped.label})


def downgrade() -> None:
    """The old rules were wrong; they are not restored."""
