"""offline field work: checkout record and merge base (field file); trees out in the field and
completed check-ins (server)

Revision ID: 0032_field
Revises: 0001_register
Create Date: 2026-11-30 18:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0032_field'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'field_checkout',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('token', sa.String(length=40), nullable=False),
        sa.Column('source_url', sa.Text(), nullable=False),
        sa.Column('user', sa.String(length=120), nullable=False),
        sa.Column('checked_out_at', sa.DateTime(), nullable=False),
        sa.Column('scope', sa.Text(), nullable=False),
        sa.Column('tree_count', sa.Integer(), nullable=False),
        sa.Column('checkin_seq', sa.Integer(), nullable=False),
        sa.Column('pending_checkin', sa.String(length=80), nullable=False))
    op.create_table(
        'field_base',
        sa.Column('entity', sa.String(length=20), primary_key=True),
        sa.Column('entity_id', sa.Integer(), primary_key=True),
        sa.Column('values_json', sa.Text(), nullable=False))
    op.create_table(
        'field_checkin',
        sa.Column('id', sa.String(length=80), primary_key=True),
        sa.Column('user', sa.String(length=120), nullable=False),
        sa.Column('checked_in_at', sa.DateTime(), nullable=False),
        sa.Column('field_file', sa.Text(), nullable=False),
        sa.Column('written_fields', sa.Integer(), nullable=False),
        sa.Column('inspections', sa.Integer(), nullable=False),
        sa.Column('conflicts', sa.Integer(), nullable=False),
        sa.Column('outcome_json', sa.Text(), nullable=False))
    op.create_table(
        'field_hold',
        sa.Column('tree_id', sa.Integer(), primary_key=True),
        sa.Column('token', sa.String(length=40), nullable=False),
        sa.Column('holder', sa.String(length=120), nullable=False),
        sa.Column('scope', sa.Text(), nullable=False),
        sa.Column('since', sa.DateTime(), nullable=False))
    op.create_index('ix_field_hold_token', 'field_hold', ['token'])


def downgrade() -> None:
    op.drop_index('ix_field_hold_token', table_name='field_hold')
    op.drop_table('field_hold')
    op.drop_table('field_checkin')
    op.drop_table('field_base')
    op.drop_table('field_checkout')
