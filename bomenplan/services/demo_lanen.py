"""The demo's lanen: the same detection the app runs (services/lanen.py), accepted at once; the
lanen of the plan's hoofdbomenstructuur (demo_plan.py) marked as such, the Brink monumental, and
for every laan with missing trees the best option of the replanting advice recorded as the choice."""

from __future__ import annotations

from dataclasses import replace

from bomenplan.domain.laan import LaanStatus
from bomenplan.domain.replant_criteria import LaanSite
from bomenplan.services.laan_sites import set_laan_site
from bomenplan.services.lanen import (
    analyse,
    detect_and_store,
    edit_laan,
    record_choice,
    replanting_for_laan,
)
from bomenplan.services.sortiment_data import replant_data

DEMO_USER = "demo"
RATIONALE = "demo: de best scorende optie van het herplantadvies"


def structure_names() -> dict[str, bool]:
    """Straat of every hoofdbomenstructuur laan of the plan → monumental."""
    from bomenplan.services.demo_plan import brink, named_lanen

    return {spec.straat: bool(spec.extra.get("monumental")) for spec in [*named_lanen(), brink()]}


def store_demo_lanen(uow_factory) -> int:
    """Detect, accept and complete the lanen of the demo; returns how many were stored."""
    detect_and_store(uow_factory(), accept=True)
    structure = structure_names()
    report = analyse(uow_factory())
    with uow_factory() as uow:
        cols = uow.trees.columns()
        data = replant_data(uow)
    for laan, quality in zip(report.lanen, report.analysis.quality, strict=True):
        if laan.status != LaanStatus.GEACCEPTEERD:
            continue
        in_structure = laan.straat in structure or laan.name in structure
        if structure.get(laan.straat) or structure.get(laan.name):
            set_laan_site(uow_factory(), LaanSite(laan.id, monumental=True), DEMO_USER)
        changed = replace(laan, hoofdbomenstructuur=in_structure)
        if quality.missing > 0:
            options = replanting_for_laan(uow_factory(), laan.id, cols=cols, data=data)
            if options:
                best = options[0]
                record_choice(uow_factory(), laan.id, best, RATIONALE, DEMO_USER)
                changed = replace(changed, herplantstrategie=best.strategy,
                                  intended_species=", ".join(best.species))
        if changed != laan:
            edit_laan(uow_factory(), changed, DEMO_USER, RATIONALE)
    return len(report.lanen)
