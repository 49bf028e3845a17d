"""replant: location facts per laan (monumental, near a play area or school)

Revision ID: 0014_replant
Revises: 0003_lanen
Create Date: 2026-11-30 15:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0014_replant'
down_revision: str | Sequence[str] | None = '0003_lanen'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('laan_site',
    sa.Column('laan_id', sa.Integer(), nullable=False),
    sa.Column('monumental', sa.Boolean(), nullable=False),
    sa.Column('near_play_or_school', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['laan_id'], ['laan.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('laan_id')
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('laan_site')
