"""field file: which server id a row added in the field got at check-in

Revision ID: 0037_field_id_map
Revises: 0032_field
Create Date: 2026-11-30 19:05:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0037_field_id_map'
down_revision: str | Sequence[str] | None = '0032_field'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'field_id_map',
        sa.Column('entity', sa.String(length=20), primary_key=True),
        sa.Column('field_id', sa.Integer(), primary_key=True),
        sa.Column('server_id', sa.Integer(), nullable=False))


def downgrade() -> None:
    op.drop_table('field_id_map')
