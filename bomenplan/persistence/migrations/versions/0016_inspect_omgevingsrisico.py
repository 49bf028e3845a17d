"""omgevingsrisicoklasse per tree; deadline of a risicoboom's measure on an inspection

Revision ID: 0016_inspect
Revises: 0001_register
Create Date: 2026-11-30 15:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016_inspect'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('tree') as batch:
        batch.add_column(sa.Column('omgevingsrisicoklasse', sa.String(length=20), nullable=False,
                                   server_default='onbekend'))
    with op.batch_alter_table('inspection') as batch:
        batch.add_column(sa.Column('maatregel_uiterlijk', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('inspection') as batch:
        batch.drop_column('maatregel_uiterlijk')
    with op.batch_alter_table('tree') as batch:
        batch.drop_column('omgevingsrisicoklasse')
