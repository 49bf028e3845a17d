"""base map (ondergrond) polygons under the trees: roads, buildings, water, green

Revision ID: 0023_base_map
Revises: 0001_register
Create Date: 2026-11-30 16:20:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0023_base_map'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'base_map_feature',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('layer', sa.String(length=20), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('geom', sa.LargeBinary(), nullable=False))
    op.create_index('ix_base_map_feature_layer', 'base_map_feature', ['layer'])


def downgrade() -> None:
    op.drop_index('ix_base_map_feature_layer', table_name='base_map_feature')
    op.drop_table('base_map_feature')
