"""work_order: from an inspection too (complaint_id nullable; inspection_id and origin)

Existing orders all came from a complaint: origin 'melding'.

Revision ID: 0038_polish
Revises: 0022_workorders
Create Date: 2026-11-30 19:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0038_polish'
down_revision: str | Sequence[str] | None = '0022_workorders'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('work_order') as batch:
        batch.alter_column('complaint_id', existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column('inspection_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('origin', sa.String(30), nullable=False,
                                   server_default='melding'))
        batch.create_index('ix_work_order_inspection_id', ['inspection_id'])
        batch.create_foreign_key('fk_work_order_inspection', 'inspection', ['inspection_id'],
                                 ['id'], ondelete='SET NULL')


def downgrade() -> None:
    op.execute("DELETE FROM work_order WHERE complaint_id IS NULL")
    with op.batch_alter_table('work_order') as batch:
        batch.drop_constraint('fk_work_order_inspection', type_='foreignkey')
        batch.drop_index('ix_work_order_inspection_id')
        batch.drop_column('origin')
        batch.drop_column('inspection_id')
        batch.alter_column('complaint_id', existing_type=sa.Integer(), nullable=False)
