"""import_run.outcome: a failed import is logged separately ('' = stored)

Revision ID: 0019_usable
Revises: 0001_register
Create Date: 2026-11-30 16:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0019_usable'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('import_run') as batch:
        batch.add_column(sa.Column('outcome', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('import_run') as batch:
        batch.drop_column('outcome')
