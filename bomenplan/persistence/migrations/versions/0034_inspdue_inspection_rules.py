"""the municipality's own controle intervals per omgevingsrisicoklasse (empty: the shipped table)

Revision ID: 0034_inspdue
Revises: 0016_inspect
Create Date: 2026-11-30 18:15:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0034_inspdue'
down_revision: str | Sequence[str] | None = '0016_inspect'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'inspection_rule',
        sa.Column('omgevingsrisicoklasse', sa.String(length=20), nullable=False),
        sa.Column('regular_months', sa.Integer(), nullable=False),
        sa.Column('attentieboom_months', sa.Integer(), nullable=False),
        sa.Column('measure_days', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('omgevingsrisicoklasse'),
    )


def downgrade() -> None:
    op.drop_table('inspection_rule')
