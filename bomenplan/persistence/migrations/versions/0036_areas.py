"""area boundaries: CBS buurten and wijken as polygons (3-30-300 canopy share per buurt)

Revision ID: 0036_areas
Revises: 0001_register
Create Date: 2026-11-30 18:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0036_areas'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'area_boundary',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('code', sa.String(length=20), nullable=False),
        sa.Column('parent', sa.String(length=120), nullable=False),
        sa.Column('geom', sa.LargeBinary(), nullable=False))
    op.create_index('ix_area_boundary_kind', 'area_boundary', ['kind'])


def downgrade() -> None:
    op.drop_index('ix_area_boundary_kind', table_name='area_boundary')
    op.drop_table('area_boundary')
