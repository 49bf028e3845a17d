"""work_order: life cycle (type, wijk, aannemer, due date, closing date and remark, version)

Existing orders keep their status; their type follows from the measure and their wijk from the
tree (empty when the order has no tree).

Revision ID: 0022_workorders
Revises: 0015_triage
Create Date: 2026-11-30 16:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022_workorders'
down_revision: str | Sequence[str] | None = '0015_triage'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TYPE_OF_MEASURE = {"snoeien": "snoei", "kappen": "kap", "inspectie": "inspectie",
                   "bestrijding": "bestrijding", "herstel verharding": "herstel verharding",
                   "handhaving eigenaar": "handhaving eigenaar"}


def upgrade() -> None:
    with op.batch_alter_table('work_order') as batch:
        batch.add_column(sa.Column('type', sa.String(30), nullable=False, server_default='overig'))
        batch.add_column(sa.Column('wijk', sa.String(100), nullable=False, server_default=''))
        batch.add_column(sa.Column('aannemer', sa.String(200), nullable=False, server_default=''))
        batch.add_column(sa.Column('due_date', sa.Date(), nullable=True))
        batch.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
        batch.add_column(sa.Column('remark', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
        batch.create_index('ix_work_order_aannemer', ['aannemer'])
        batch.create_index('ix_work_order_wijk', ['wijk'])
    bind = op.get_bind()
    for measure, kind in TYPE_OF_MEASURE.items():
        bind.execute(sa.text("UPDATE work_order SET type = :t WHERE measure = :m"),
                     {"t": kind, "m": measure})
    bind.execute(sa.text("UPDATE work_order SET wijk = COALESCE((SELECT site.wijk FROM tree "
                         "JOIN site ON site.id = tree.site_id "
                         "WHERE tree.id = work_order.tree_id), '')"))


def downgrade() -> None:
    with op.batch_alter_table('work_order') as batch:
        batch.drop_index('ix_work_order_wijk')
        batch.drop_index('ix_work_order_aannemer')
        for column in ('updated_at', 'version', 'remark', 'closed_on', 'due_date', 'aannemer',
                       'wijk', 'type'):
            batch.drop_column(column)
