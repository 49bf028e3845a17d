"""change_log.entity_version: the entity's version a change produced, so a save that meets a newer
version can list what the other user changed since the editor's version (issue 15 §2)

Revision ID: 0033_conflict
Revises: 0001_register
Create Date: 2026-11-30 18:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0033_conflict'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('change_log') as batch:
        batch.add_column(sa.Column('entity_version', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('change_log') as batch:
        batch.drop_column('entity_version')
