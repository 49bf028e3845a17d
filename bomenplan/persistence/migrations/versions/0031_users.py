"""users and roles (app_user); change_log indexes for the audit per user and per period

Revision ID: 0031_users
Revises: 0001_register
Create Date: 2026-11-30 18:10:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0031_users'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'app_user',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('role', sa.String(length=30), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.UniqueConstraint('name'))
    op.create_index('ix_change_log_user', 'change_log', ['user', 'changed_at'])
    op.create_index('ix_change_log_changed_at', 'change_log', ['changed_at'])


def downgrade() -> None:
    op.drop_index('ix_change_log_changed_at', table_name='change_log')
    op.drop_index('ix_change_log_user', table_name='change_log')
    op.drop_table('app_user')
