"""Use cases of the standplaats record and its problems; every change goes to the change log."""

from __future__ import annotations

from dataclasses import fields, replace

from bomenplan.domain.errors import ConcurrentEditError
from bomenplan.domain.roles import Permission
from bomenplan.domain.standplaats import Standplaats, StandplaatsProblem
from bomenplan.domain.tree import FieldChange
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text

_LOGGED = [f.name for f in fields(Standplaats) if f.name not in ("site_id", "version")]
_PROBLEM_LOGGED = ("type", "severity", "datum", "status", "maatregelen", "opmerking")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def get_standplaats(uow, site_id: int) -> Standplaats:
    """The site's record; an empty (all unknown) one when none was stored yet."""
    with uow:
        uow.sites.get(site_id)  # NotFound for a site that does not exist
        return uow.standplaatsen.get(site_id) or Standplaats(site_id=site_id)


def save_standplaats(uow, record: Standplaats, user: str = "", reason: str = "") -> Standplaats:
    """Store the record; `record.version` must be the stored one (0 for a new record)."""
    with uow:
        authorize(uow, Permission.STANDPLAATS)
        current = uow.standplaatsen.get(record.site_id) or Standplaats(site_id=record.site_id)
        if current.version != record.version:
            raise ConcurrentEditError(f"standplaats {record.site_id} is intussen gewijzigd", "standplaats",
                                      record.site_id, record.version, current.version)
        log = [FieldChange("standplaats", record.site_id, name, _text(getattr(current, name)),
                           _text(getattr(record, name)), now_text(), user, reason)
               for name in _LOGGED if getattr(current, name) != getattr(record, name)]
        if not log:
            return current
        stored = uow.standplaatsen.save(record)
        uow.changes.record([replace(c, version=stored.version) for c in log])
        uow.commit()
        return stored


def problems(uow, site_id: int) -> list[StandplaatsProblem]:
    with uow:
        return uow.standplaats_problems.for_site(site_id)


def save_problem(uow, problem: StandplaatsProblem, user: str = "", reason: str = "") -> StandplaatsProblem:
    """Add (id None) or change a problem; the change log gets one line per changed field."""
    with uow:
        authorize(uow, Permission.STANDPLAATS)
        uow.sites.get(problem.site_id)
        before = None if problem.id is None else uow.standplaats_problems.get(problem.id)
        stored = uow.standplaats_problems.save(problem)
        if before is None:
            log = [FieldChange("standplaats_probleem", stored.id, "nieuw", "",
                               f"{stored.type} ({stored.severity})", now_text(), user, reason)]
        else:
            log = [FieldChange("standplaats_probleem", stored.id, name, _text(getattr(before, name)),
                               _text(getattr(stored, name)), now_text(), user, reason)
                   for name in _PROBLEM_LOGGED if getattr(before, name) != getattr(stored, name)]
        uow.changes.record(log)
        uow.commit()
        return stored


def retract_problem(uow, problem_id: int, user: str = "") -> None:
    """Take back a problem recorded by mistake (undo of adding it); the change log keeps a line."""
    with uow:
        authorize(uow, Permission.STANDPLAATS)
        problem = uow.standplaats_problems.get(problem_id)
        uow.standplaats_problems.remove(problem_id)
        uow.changes.record([FieldChange("standplaats_probleem", problem_id, "ingetrokken",
                                        f"{problem.type} ({problem.severity})", "", now_text(), user)])
        uow.commit()


def available_volume_per_site(uow, site_ids: list[int]) -> dict[int, float]:
    """Rootable m³ per site where known (entered or estimated). Hook for replanting (services/lanen.py)."""
    if not site_ids:
        return {}
    with uow:
        return uow.standplaatsen.available_volumes(list(site_ids))


def laan_soil_volume(uow, site_ids: list[int]) -> float | None:
    """Median available m³ over the given sites with a known volume (None when no site has one).
    Replanting uses it when the planner entered no volume."""
    volumes = sorted(available_volume_per_site(uow, site_ids).values())
    if not volumes:
        return None
    mid = len(volumes) // 2
    return volumes[mid] if len(volumes) % 2 else (volumes[mid - 1] + volumes[mid]) / 2


def problem_sites(uow) -> list[tuple[int, float, float, int]]:
    """(site id, x, y, open problems) of every site with an open problem, for the map."""
    with uow:
        return uow.standplaatsen.with_problems()
