"""The demo municipality "Bomenstad" (after Assen): a register to open a fresh install on.

About 10 000 trees in nine wijken: lanen with regular spacing (some missing trees, stumps,
felled trees and empty sites; the Hoofdlaan in the Asserbos misses more than 25), solitary trees,
park groups (boomweide), and a few hundred boomveiligheidscontroles of the last three years.
The same seed gives the same municipality.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np

from bomenplan.domain.species import Species, SpeciesMatcher
from bomenplan.domain.tree import Inspection
from bomenplan.domain.values import Boomveiligheidsklasse, TreeStatus
from bomenplan.services.demo_areas import store_demo_areas
from bomenplan.services.demo_base_map import demo_base_map
from bomenplan.services.demo_bomenbank import add_demo_bomenbank
from bomenplan.services.demo_generate import generate
from bomenplan.services.demo_lanen import store_demo_lanen
from bomenplan.services.demo_plan import HOOFDLAAN
from bomenplan.services.demo_standplaats import demo_standplaatsen
from bomenplan.services.demo_trees import INSPECTORS, defects_for
from bomenplan.services.ports import UnitOfWork

DEFAULT_SEED = 2040  # Groenvisie 2040
ROUTINE_INSPECTIONS = 150  # trees without defects that were inspected anyway
_NEXT_CHECK_DAYS = {Boomveiligheidsklasse.RISICOBOOM: 182, Boomveiligheidsklasse.ATTENTIEBOOM: 365,
                    Boomveiligheidsklasse.ZONDER_GEBREKEN: 3 * 365,
                    Boomveiligheidsklasse.NIET_TE_BEOORDELEN: 365}


def demo_is_needed(uow: UnitOfWork) -> bool:
    """True when the register is empty (a fresh install)."""
    with uow:
        return uow.trees.count() == 0


def demo_is_present(uow: UnitOfWork) -> bool:
    """True when the register already holds the demo municipality (its first Hoofdlaan tree)."""
    with uow:
        first = uow.trees.by_boomnummer("ASN-000001")
        return first is not None and first.straat == HOOFDLAAN.straat


def create_demo(uow_factory: Callable[[], UnitOfWork], seed: int = DEFAULT_SEED,
                progress: Callable[[float], None] | None = None, today: date | None = None) -> int:
    """Generate the demo register in one transaction; returns the number of trees stored."""
    report = progress or (lambda _f: None)
    today = today or date.today()
    rng = np.random.default_rng(seed)
    uow = uow_factory()
    with uow:
        existing = uow.trees.count()
        rows = generate(rng, today.year, existing + 1, lambda f: report(0.6 * f))
        rows.numbers["species_id"] = species_ids(rows.text["species_name"], uow.species.list())
        first_id = _max_tree_id(uow)
        stored = uow.trees.bulk_insert(rows.batch())
        report(0.8)
        columns = uow.trees.columns()
        for inspection in plan_inspections(columns, first_id, rng, today):
            uow.inspections.add(inspection)
        records, problems = demo_standplaatsen(columns, first_id, np.random.default_rng(seed + 12), today)
        uow.standplaatsen.bulk_insert(records, problems)
        uow.base_map.replace(demo_base_map(rows.streets, rows.cells))
        store_demo_areas(uow)
        uow.commit()
    add_demo_bomenbank(uow_factory, seed, today)
    report(0.9)
    store_demo_lanen(uow_factory)
    report(1.0)
    return stored


def species_ids(names: list[str], catalogue: list[Species]) -> list[int | None]:
    """Catalogue id per recorded name (None when the catalogue does not know it)."""
    matcher = SpeciesMatcher(catalogue)
    found = {n: getattr(matcher.match(n), "id", None) for n in set(names)}
    return [found[n] for n in names]


def _max_tree_id(uow: UnitOfWork) -> int:
    if uow.trees.count() == 0:
        return 0
    return int(uow.trees.columns().id.max())


def plan_inspections(columns, first_id: int, rng: np.random.Generator,
                     today: date) -> list[Inspection]:
    """Controles of the last three years: every attentie- and risicoboom, plus routine checks.

    The latest inspection of a tree carries the tree's current boomveiligheidsklasse.
    """
    new = (columns.id > first_id) & (columns.status == str(TreeStatus.LEVEND))
    klasse = columns.boomveiligheidsklasse
    flagged = np.flatnonzero(new & np.isin(klasse, [str(Boomveiligheidsklasse.ATTENTIEBOOM),
                                                   str(Boomveiligheidsklasse.RISICOBOOM),
                                                   str(Boomveiligheidsklasse.NIET_TE_BEOORDELEN)]))
    healthy = np.flatnonzero(new & (klasse == str(Boomveiligheidsklasse.ZONDER_GEBREKEN)))
    routine = rng.choice(healthy, size=min(ROUTINE_INSPECTIONS, len(healthy)), replace=False)
    inspections = []
    for i in sorted(np.concatenate([flagged, routine]).tolist()):
        tree_id, species = int(columns.id[i]), str(columns.species_name[i])
        current = Boomveiligheidsklasse(klasse[i])
        latest = today - timedelta(days=int(rng.integers(1, 3 * 365 - 200)))
        if current is Boomveiligheidsklasse.RISICOBOOM:  # it was an attentieboom the time before
            earlier = latest - timedelta(days=int(rng.integers(150, 200)))
            inspections.append(_inspection(tree_id, species, earlier,
                                           Boomveiligheidsklasse.ATTENTIEBOOM, rng))
        inspections.append(_inspection(tree_id, species, latest, current, rng))
    return inspections


def _inspection(tree_id: int, species: str, datum: date, klasse: Boomveiligheidsklasse,
                rng: np.random.Generator) -> Inspection:
    defects, measures = defects_for(klasse, species, rng)
    return Inspection(
        id=None, tree_id=tree_id, datum=datum,
        inspecteur=INSPECTORS[int(rng.integers(len(INSPECTORS)))], boomveiligheidsklasse=klasse,
        gebreken=defects, maatregelen=measures,
        volgende_controle=datum + timedelta(days=_NEXT_CHECK_DAYS[klasse]),
        opmerkingen="" if klasse is Boomveiligheidsklasse.ZONDER_GEBREKEN else "VTA-controle")
