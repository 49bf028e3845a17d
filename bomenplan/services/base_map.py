"""Use cases of the base map (ondergrond) drawn under the trees."""

from __future__ import annotations

from bomenplan.domain.base_map import BaseMapFeature
from bomenplan.services.ports import UnitOfWork


def load_base_map(uow: UnitOfWork) -> list[BaseMapFeature]:
    """All base map polygons of the register (empty when it has none)."""
    with uow:
        return uow.base_map.all()
