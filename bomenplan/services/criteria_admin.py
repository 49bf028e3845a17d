"""Use cases for criteria versions: list, save a concept, copy, adopt (vaststellen), re-examine."""

from __future__ import annotations

from datetime import date

from bomenplan.domain.criteria import CriteriaStatus, CriteriaVersion, adopt
from bomenplan.domain.errors import NotFound, ValidationError
from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.domain.reexamination import Reexamination, reexamine
from bomenplan.domain.roles import Permission
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.criteria_defaults import default_criteria


def active_criteria(uow) -> CriteriaVersion:
    """The adopted version in force. Until one is adopted, the shipped default set is used as it
    ships: a concept (stored once on a fresh database), so letters never call it adopted."""
    with uow:
        active = uow.criteria.active()
        if active is not None:
            return active
        shipped = default_criteria()
        try:
            return uow.criteria.get(shipped.label)
        except NotFound:
            stored = uow.criteria.add(shipped)
            uow.commit()
            return stored


def list_versions(uow) -> list[CriteriaVersion]:
    active_criteria(uow)
    with uow:
        return uow.criteria.list()


def copy_as_concept(uow, source_label: str, new_label: str, auteur: str,
                    today: date | None = None) -> CriteriaVersion:
    with uow:
        authorize(uow, Permission.CRITERIA)
        source = uow.criteria.get(source_label)
        concept = source.with_changes(label=new_label, status=CriteriaStatus.CONCEPT, auteur=auteur,
                                      aangemaakt_op=today or date.today(), vastgesteld_op=None,
                                      id=None)
        stored = uow.criteria.add(concept)
        log_change(uow, "criteria", stored.id, "concept", source_label, new_label, auteur)
        uow.commit()
        return stored


def save_concept(uow, version: CriteriaVersion) -> CriteriaVersion:
    """Store a new or changed concept; adopted versions never change."""
    if version.status is not CriteriaStatus.CONCEPT:
        raise ValidationError("status", "alleen een conceptversie kan worden gewijzigd")
    with uow:
        authorize(uow, Permission.CRITERIA)
        stored = uow.criteria.add(version) if version.id is None else uow.criteria.update(version)
        log_change(uow, "criteria", stored.id, "concept opgeslagen", "", stored.label)
        uow.commit()
        return stored


def delete_concept(uow, label: str) -> None:
    with uow:
        authorize(uow, Permission.CRITERIA)
        removed = uow.criteria.get(label)
        uow.criteria.remove(label)
        log_change(uow, "criteria", removed.id, "concept verwijderd", label, "")
        uow.commit()


def adopt_version(uow, label: str, on: date | None = None) -> CriteriaVersion:
    """Vaststellen; raises CriteriaConflictError naming each conflict or missing category."""
    with uow:
        authorize(uow, Permission.CRITERIA)
        version = uow.criteria.get(label)
        if version.status is CriteriaStatus.VASTGESTELD:
            raise ValidationError("status", f"versie '{label}' is al vastgesteld")
        stored = uow.criteria.update(adopt(version, on or date.today()))
        log_change(uow, "criteria", stored.id, "status", version.status, stored.status, "",
                   f"versie {label} vastgesteld op {stored.vastgesteld_op}")
        uow.commit()
        return stored


def reexamine_concept(uow, concept_label: str, progress: ProgressFn = no_progress,
                      cancelled: CancelledFn = never_cancelled) -> Reexamination:
    """Compare a concept with the active version over every stored complaint."""
    active = active_criteria(uow)
    with uow:
        concept = uow.criteria.get(concept_label)
        history = uow.complaints.list()
    return reexamine(active, concept, history, progress, cancelled)
