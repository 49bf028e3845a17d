"""Imports every table module so Base.metadata is complete (for Alembic and tests)."""

from bomenplan.persistence import (
    tables_areas,  # noqa: F401
    tables_base_map,  # noqa: F401
    tables_bomenbank,  # noqa: F401
    tables_complaints,  # noqa: F401
    tables_field,  # noqa: F401
    tables_inspection_rules,  # noqa: F401
    tables_lanen,  # noqa: F401
    tables_replant,  # noqa: F401
    tables_species,  # noqa: F401
    tables_standplaats,  # noqa: F401
    tables_users,  # noqa: F401
)
from bomenplan.persistence.tables import Base  # noqa: F401
