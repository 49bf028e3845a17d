"""USDA hardiness zone per catalogue species (frost test of climate robustness)

Revision ID: 0016_inspect_eco
Revises: 0002_species
Create Date: 2026-11-30 15:40:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0016_inspect_eco'
down_revision: str | Sequence[str] | None = '0002_species'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('species_eco') as batch:
        batch.add_column(sa.Column('hardiness_zone', sa.String(length=4), nullable=False,
                                   server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('species_eco') as batch:
        batch.drop_column('hardiness_zone')
