"""NVTB value per tree (whole euro cents; empty = not appraised)

Revision ID: 0027_rep14b
Revises: 0001_register
Create Date: 2026-11-30 17:10:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0027_rep14b'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('tree') as batch:
        batch.add_column(sa.Column('nvtb_waarde_cent', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tree') as batch:
        batch.drop_column('nvtb_waarde_cent')
