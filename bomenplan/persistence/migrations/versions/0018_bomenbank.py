"""bomenbank and transplantiefonds

Revision ID: 0018_bomenbank
Revises: 0001_register
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018_bomenbank'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'bank_tree',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=60), nullable=False),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('species_name', sa.String(length=200), nullable=False),
        sa.Column('stamomtrek_cm', sa.Float(), nullable=False),
        sa.Column('x', sa.Float(), nullable=False),
        sa.Column('y', sa.Float(), nullable=False),
        sa.Column('location', sa.String(length=200), nullable=False),
        sa.Column('hoogte_m', sa.Float(), nullable=True),
        sa.Column('kluit', sa.String(length=120), nullable=False),
        sa.Column('plantjaar', sa.Integer(), nullable=True),
        sa.Column('available_from', sa.Date(), nullable=True),
        sa.Column('available_until', sa.Date(), nullable=True),
        sa.Column('cost_cents', sa.Integer(), nullable=False),
        sa.Column('condition', sa.String(length=20), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('register_tree_id', sa.Integer(), nullable=True),
        sa.Column('min_soil_volume_m3', sa.Float(), nullable=True),
        sa.Column('reserved_laan_id', sa.Integer(), nullable=True),
        sa.Column('reserved_x', sa.Float(), nullable=True),
        sa.Column('reserved_y', sa.Float(), nullable=True),
        sa.Column('planted_tree_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['register_tree_id'], ['tree.id']),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_bank_tree_code', 'bank_tree', ['code'])
    op.create_index('ix_bank_tree_status', 'bank_tree', ['status'])
    op.create_table(
        'bank_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('bank_tree_id', sa.Integer(), nullable=False),
        sa.Column('datum', sa.String(length=30), nullable=False),
        sa.Column('event', sa.String(length=60), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('user', sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(['bank_tree_id'], ['bank_tree.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_bank_event_bank_tree_id', 'bank_event', ['bank_tree_id'])
    op.create_table(
        'fund_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('datum', sa.Date(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('amount_cents', sa.Integer(), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('bank_tree_id', sa.Integer(), nullable=True),
        sa.Column('tree_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['bank_tree_id'], ['bank_tree.id']),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_fund_entry_datum', 'fund_entry', ['datum'])
    op.create_index('ix_fund_entry_bank_tree_id', 'fund_entry', ['bank_tree_id'])
    op.create_table(
        'herplant_obligation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('felled_on', sa.Date(), nullable=False),
        sa.Column('location', sa.String(length=200), nullable=False),
        sa.Column('n_trees', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('fulfilled_on', sa.Date(), nullable=True),
        sa.Column('felled_tree_id', sa.Integer(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    op.drop_table('herplant_obligation')
    op.drop_index('ix_fund_entry_bank_tree_id', 'fund_entry')
    op.drop_index('ix_fund_entry_datum', 'fund_entry')
    op.drop_table('fund_entry')
    op.drop_index('ix_bank_event_bank_tree_id', 'bank_event')
    op.drop_table('bank_event')
    op.drop_index('ix_bank_tree_status', 'bank_tree')
    op.drop_index('ix_bank_tree_code', 'bank_tree')
    op.drop_table('bank_tree')
