"""Standplaats records and problems for the demo municipality (fictional, like the rest of it).

Street trees of a few wijken get a plantvak: narrow pits in closed paving (little soil),
wider verges in half-open paving, and open green strips; the narrow pits carry most problems.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from bomenplan.domain.standplaats import (
    Maatregel,
    ProblemStatus,
    ProblemType,
    Severity,
    Standplaats,
    StandplaatsProblem,
    Verharding,
)
from bomenplan.domain.values import TreeStatus

DEMO_WIJKEN = ("Centrum", "Noord", "Oost")
# paving → (length m, width m, rootable depth m, share of the sites)
PLANTVAKKEN = {Verharding.GESLOTEN: (1.5, 1.5, 1.0, 0.4), Verharding.HALFOPEN: (4.0, 2.0, 1.2, 0.35),
               Verharding.OPEN: (20.0, 5.0, 1.5, 0.25)}
PROBLEMS = ((ProblemType.WORTELOPDRUK, (Maatregel.BOOMSPIEGEL_VERGROTEN, Maatregel.WORTELSCHERM)),
            (ProblemType.VERDICHTING, (Maatregel.BELUCHTING,)),
            (ProblemType.KLEINE_BOOMSPIEGEL, (Maatregel.BOOMSPIEGEL_VERGROTEN, Maatregel.BOMENGROND)),
            (ProblemType.PARKEERDRUK, (Maatregel.PAALTJES,)))


def demo_standplaatsen(columns, first_id: int, rng: np.random.Generator,
                       today: date) -> tuple[list[Standplaats], list[StandplaatsProblem]]:
    """Records for the living laanbomen of DEMO_WIJKEN among the new trees, and their problems."""
    chosen = np.flatnonzero((columns.id > first_id) & (columns.status == str(TreeStatus.LEVEND))
                            & np.isin(columns.wijk, DEMO_WIJKEN) & (columns.boomgroep == "laanboom"))
    pavings = list(PLANTVAKKEN)
    shares = np.array([PLANTVAKKEN[p][3] for p in pavings])
    records, problems = [], []
    for i in chosen.tolist():
        site = int(columns.site_id[i])
        paving = pavings[int(rng.choice(len(pavings), p=shares / shares.sum()))]
        length, width, depth, _share = PLANTVAKKEN[paving]
        records.append(Standplaats(site, boomspiegel_m2=round(length * width, 1), verharding=paving,
                                   plantvak_lengte_m=length, plantvak_breedte_m=width, doorwortelbare_diepte_m=depth,
                                   kabels_leidingen=bool(rng.random() < 0.5),
                                   wortelopdruk=paving is Verharding.GESLOTEN and bool(rng.random() < 0.4),
                                   parkeerdruk=paving is not Verharding.OPEN and bool(rng.random() < 0.3)))
        if paving is Verharding.GESLOTEN and rng.random() < 0.35:
            kind, measures = PROBLEMS[int(rng.integers(len(PROBLEMS)))]
            problems.append(StandplaatsProblem(
                None, site, kind, Severity.HOOG if rng.random() < 0.3 else Severity.MIDDEL,
                today - timedelta(days=int(rng.integers(10, 700))),
                ProblemStatus.OPEN if rng.random() < 0.8 else ProblemStatus.IN_UITVOERING, measures))
    return records, problems
