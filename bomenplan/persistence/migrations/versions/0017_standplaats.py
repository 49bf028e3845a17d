"""standplaats record and problems per site, soil-volume norms, plan areas and affected trees

Revision ID: 0017_standplaats
Revises: 0001_register
Create Date: 2026-11-30 15:40:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0017_standplaats'
down_revision: str | Sequence[str] | None = '0001_register'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _versioned() -> list[sa.Column]:
    return [sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('updated_at', sa.DateTime(), nullable=True)]


def upgrade() -> None:
    op.create_table(
        'standplaats',
        sa.Column('site_id', sa.Integer(), sa.ForeignKey('site.id'), primary_key=True),
        sa.Column('boomspiegel_m2', sa.Float(), nullable=True),
        sa.Column('verharding', sa.String(length=20), nullable=False),
        sa.Column('bodemvolume_m3', sa.Float(), nullable=True),
        sa.Column('plantvak_lengte_m', sa.Float(), nullable=True),
        sa.Column('plantvak_breedte_m', sa.Float(), nullable=True),
        sa.Column('doorwortelbare_diepte_m', sa.Float(), nullable=True),
        *[sa.Column(name, sa.Boolean(), nullable=True) for name in (
            'kabels_leidingen', 'wortelopdruk', 'zout', 'verdichting', 'slechte_drainage', 'parkeerdruk')],
        sa.Column('opmerkingen', sa.Text(), nullable=False),
        *_versioned())
    op.create_table(
        'standplaats_problem',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('site_id', sa.Integer(), sa.ForeignKey('site.id'), nullable=False),
        sa.Column('type', sa.String(length=40), nullable=False),
        sa.Column('severity', sa.String(length=10), nullable=False),
        sa.Column('datum', sa.Date(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('maatregelen', sa.Text(), nullable=False),
        sa.Column('opmerking', sa.Text(), nullable=False),
        *_versioned())
    op.create_index('ix_standplaats_problem_site_id', 'standplaats_problem', ['site_id'])
    op.create_index('ix_standplaats_problem_status', 'standplaats_problem', ['status'])
    op.create_table(
        'soil_norm',
        sa.Column('key', sa.String(length=200), primary_key=True),
        sa.Column('required_m3', sa.Float(), nullable=False),
        sa.Column('table_name', sa.String(length=200), nullable=False),
        sa.Column('source', sa.Text(), nullable=False))
    op.create_table(
        'plan_area',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('geom', sa.LargeBinary(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('checked_at', sa.DateTime(), nullable=False))
    op.create_table(
        'plan_affected_tree',
        sa.Column('plan_id', sa.Integer(), sa.ForeignKey('plan_area.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('tree_id', sa.Integer(), sa.ForeignKey('tree.id'), primary_key=True),
        sa.Column('boomnummer', sa.String(length=60), nullable=False),
        sa.Column('distance_m', sa.Float(), nullable=False),
        sa.Column('zones', sa.Text(), nullable=False),
        sa.Column('measures', sa.Text(), nullable=False))


def downgrade() -> None:
    op.drop_table('plan_affected_tree')
    op.drop_table('plan_area')
    op.drop_table('soil_norm')
    op.drop_index('ix_standplaats_problem_status', table_name='standplaats_problem')
    op.drop_index('ix_standplaats_problem_site_id', table_name='standplaats_problem')
    op.drop_table('standplaats_problem')
    op.drop_table('standplaats')
