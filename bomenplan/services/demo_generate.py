"""Generate the trees of the demo municipality as register rows (no storage here)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from bomenplan.domain.values import Boomgroep, Boomveiligheidsklasse, Hoogteklasse, TreeStatus
from bomenplan.services.demo_layout import (
    GAP_LEEG,
    GAP_ONTBREEKT,
    GAP_STOBBE,
    REPLACEMENT,
    LaanSpec,
    PlannedPosition,
    curved_line,
    plan_laan,
    scatter_group,
)
from bomenplan.services.demo_plan import (
    HOOFDLAAN,
    WIJKEN,
    CellPlan,
    Wijk,
    brink,
    cell_streets,
    named_lanen,
    wijk_cells,
)
from bomenplan.services.demo_trees import (
    PARK,
    SOLITARY,
    measure,
    pick_species,
    policy_status,
    safety_class,
)
from bomenplan.services.import_batch import BATCH_NUMBER_FIELDS, BATCH_TEXT_FIELDS, ImportBatch

GEMEENTE = "Gemeente Assen"
BEHEERDER = "Team Groen en Bomen"
FELLING_REASONS = ("essentaksterfte", "stormschade", "zwamaantasting", "afgestorven", "bouwproject")


class DemoRows:
    """Collects register rows column-wise; numbers trees ASN-000001 … in order of creation."""

    def __init__(self, rng: np.random.Generator, this_year: int, first_number: int = 1):
        self.rng = rng
        self.this_year = this_year
        self.next_number = first_number
        self.x: list[float] = []
        self.y: list[float] = []
        self.text: dict[str, list[str]] = {f: [] for f in BATCH_TEXT_FIELDS}
        self.numbers: dict[str, list] = {f: [] for f in BATCH_NUMBER_FIELDS}
        self.streets: list[LaanSpec] = []  # the town's plan, for the demo base map
        self.cells: list[tuple[Wijk, CellPlan]] = []

    def __len__(self) -> int:
        return len(self.x)

    def add(self, x: float, y: float, species: str, plantjaar: int | None, *, straat: str,
            wijk: str, buurt: str, boomgroep: str, status: str = TreeStatus.LEVEND,
            beheertype: str = "vrij uitgroeiend", structural: bool = False,
            monumental: bool = False, private: bool = False, opmerkingen: str = "") -> None:
        rng = self.rng
        age = self.this_year - plantjaar if plantjaar else 0
        living = status == TreeStatus.LEVEND
        m = measure(species, age, rng) if species else None
        if not living:
            klasse, beleid, hoogte = Boomveiligheidsklasse.ONBEKEND, "geen", Hoogteklasse.ONBEKEND
            if status == TreeStatus.STOBBE:
                hoogte = Hoogteklasse.H0_6
        else:
            klasse = safety_class(species, age, rng)
            beleid = "monumentaal" if monumental and rng.uniform() < 0.8 else \
                policy_status(age, m.stamdiameter_cm, rng, structural)
            if beheertype == "knot":
                hoogte = Hoogteklasse.H0_6
            else:
                hoogte = m.hoogteklasse
        values = dict(
            boomnummer=f"ASN-{self.next_number:06d}", species_name=species, hoogteklasse=str(hoogte),
            boomveiligheidsklasse=str(klasse), beheertype=beheertype, status=str(status),
            beleidsstatus=beleid, boomgroep=boomgroep,
            omgevingsrisicoklasse="hoog" if structural else "onbekend",
            eigenaar="Particulier" if private else GEMEENTE,
            beheerder="Particulier" if private else BEHEERDER, straat=straat, wijk=wijk, buurt=buurt,
            opmerkingen=opmerkingen)
        for name, value in values.items():
            self.text[name].append(str(value))
        self.numbers["plantjaar"].append(plantjaar)
        self.numbers["stamdiameter_cm"].append(m.stamdiameter_cm if m else None)
        crown = m.kroondiameter_m if m and status == TreeStatus.LEVEND else None
        self.numbers["kroondiameter_m"].append(min(crown, 4.0) if crown and beheertype == "knot"
                                               else crown)
        self.numbers["species_id"].append(None)
        self.x.append(x)
        self.y.append(y)
        self.next_number += 1

    def batch(self) -> ImportBatch:
        return ImportBatch(np.asarray(self.x, float), np.asarray(self.y, float), self.text,
                           self.numbers)


def add_laan(rows: DemoRows, spec: LaanSpec) -> list[PlannedPosition]:
    """Plant a laan: living trees, young replacements, stumps, felled trees and empty sites."""
    rng = rows.rng
    rows.streets.append(spec)
    plan = plan_laan(spec, rng)
    for p in plan:
        if p.kind == GAP_ONTBREEKT:
            continue
        common = dict(straat=spec.straat, wijk=spec.wijk, buurt=spec.buurt,
                      boomgroep=Boomgroep.LAANBOOM, beheertype=spec.beheertype,
                      structural=spec.hoofdbomenstructuur)
        year = min(rows.this_year - 2, spec.plantjaar + int(rng.integers(-1, 2)))
        gone = int(rng.integers(rows.this_year - 6, rows.this_year))
        if p.kind is None:
            rows.add(p.x, p.y, p.species, year, monumental=spec.extra.get("monumental", False),
                     **common)
        elif p.kind == REPLACEMENT:
            earliest = min(max(spec.plantjaar + 8, rows.this_year - 14), rows.this_year - 1)
            young = int(rng.integers(earliest, rows.this_year))
            rows.add(p.x, p.y, spec.species[0], young, opmerkingen="herplant", **common)
        elif p.kind == GAP_LEEG:
            rows.add(p.x, p.y, "", None, status=TreeStatus.LEEG_PLANTVAK,
                     opmerkingen=f"plantvak leeg sinds {gone}", **common)
        else:
            status = TreeStatus.STOBBE if p.kind == GAP_STOBBE else TreeStatus.GEKAPT
            reason = FELLING_REASONS[int(rng.integers(len(FELLING_REASONS)))]
            if p.species.startswith("Fraxinus"):
                reason = "essentaksterfte"
            rows.add(p.x, p.y, p.species, year, status=status,
                     opmerkingen=f"gekapt in {gone} ({reason})", **common)
    return plan


def add_group(rows: DemoRows, centre, radius: float, count: int, species: list[str], year: int,
              wijk: str, buurt: str, straat: str, avoid: np.ndarray | None = None,
              avoid_distance: float = 6.0) -> np.ndarray:
    """A boomweide: trees of one planting in a loose group, at least 5–7 m apart.

    Keeps avoid_distance from the `avoid` positions; returns the positions used.
    """
    rng = rows.rng
    xy = scatter_group(centre, radius, count, float(rng.uniform(5, 7)), rng, avoid, avoid_distance)
    for x, y in xy:
        name = species[int(rng.integers(len(species)))]
        rows.add(float(x), float(y), name, min(rows.this_year - 1, year + int(rng.integers(-3, 6))),
                 straat=straat, wijk=wijk, buurt=buurt, boomgroep=Boomgroep.BOOMWEIDE)
    return xy if avoid is None else np.vstack([avoid, xy])


def add_solitaries(rows: DemoRows, centre, radius: float, count: int, wijk: Wijk, buurt: str,
                   straat: str, private_share: float, avoid: np.ndarray | None = None) -> None:
    rng = rows.rng
    for x, y in scatter_group(centre, radius, count, 25.0, rng, avoid, 10.0):
        species = pick_species(SOLITARY, rng)[0]
        year = int(rng.integers(wijk.built[0] - 30, rows.this_year - 1))
        rows.add(float(x), float(y), species, year, straat=straat, wijk=wijk.name, buurt=buurt,
                 boomgroep=Boomgroep.SOLITAIR, private=rng.uniform() < private_share)


def add_park(rows: DemoRows, wijk: Wijk, cell: CellPlan, park_name: str) -> None:
    rng = rows.rng
    placed = np.empty((0, 2))
    for _ in range(int(rng.integers(3, 6))):
        centre = np.asarray(cell.centre) + rng.uniform(-120, 120, 2)
        species = pick_species(PARK, rng, int(rng.integers(1, 4)))
        placed = add_group(rows, tuple(centre), float(rng.uniform(15, 40)), int(rng.integers(8, 36)),
                           species, int(rng.integers(wijk.built[0] - 10, wijk.built[1] + 10)),
                           wijk.name, cell.buurt, park_name, placed)
    add_solitaries(rows, cell.centre, 170.0, int(rng.integers(4, 10)), wijk, cell.buurt,
                   park_name, 0.0, placed)


def add_wijk(rows: DemoRows, wijk: Wijk) -> int:
    """Streets, a park, solitary trees and a row of pollard willows; returns the lanen made."""
    rng = rows.rng
    names = list(wijk.streets)
    lanen = 0
    for cell in wijk_cells(wijk, rng):
        rows.cells.append((wijk, cell))
        if cell.kind == "straten":
            for spec in cell_streets(wijk, cell, names, rng):
                add_laan(rows, spec)
                lanen += 1
        elif cell.kind == "park":
            add_park(rows, wijk, cell, f"Park {cell.buurt}")
        elif cell.kind == "solitair":
            add_solitaries(rows, cell.centre, 180.0, int(rng.integers(25, 46)), wijk, cell.buurt,
                           names[-1], 0.25)
        elif cell.kind == "leeg":
            add_pollards(rows, wijk, cell)
            lanen += 1
        elif cell.kind == "brink":
            add_laan(rows, brink())
            lanen += 1
    return lanen


def add_pollards(rows: DemoRows, wijk: Wijk, cell: CellPlan) -> None:
    """Knotwilgen along a wetering: one-sided, 8 m, beheertype knot."""
    cx, cy = cell.centre
    line = curved_line((cx - 150, cy - 60), (cx + 150, cy + 40), 10.0)
    add_laan(rows, LaanSpec(f"Weteringpad {cell.buurt}", wijk.name, cell.buurt, line, 8.0, False,
                            3.0, ("Salix alba",), int(rows.rng.integers(1975, 2010)),
                            gap_fraction=0.05, replacement_fraction=0.05, beheertype="knot"))


def add_asserbos(rows: DemoRows) -> list[PlannedPosition]:
    """The Asserbos: the Hoofdlaan and groups of old beech and oak on both sides."""
    rng = rows.rng
    plan = add_laan(rows, HOOFDLAAN)
    placed = np.array([[p.x, p.y] for p in plan])
    for _ in range(16):
        x = rng.uniform(232560, 233060) if rng.uniform() < 0.5 else rng.uniform(233360, 233950)
        centre = (float(x), float(rng.uniform(554650, 556150)))
        species = ["Fagus sylvatica", "Quercus robur"] if rng.uniform() < 0.6 else \
            ["Quercus robur", "Pinus sylvestris", "Larix decidua", "Betula pendula"]
        placed = add_group(rows, centre, float(rng.uniform(25, 40)), int(rng.integers(15, 35)),
                           species, int(rng.integers(1895, 1950)), "Centrum", "Asserbos",
                           "Asserbos", placed, 12.0)
    return plan


def generate(rng: np.random.Generator, this_year: int, first_number: int = 1,
             progress: Callable[[float], None] | None = None) -> DemoRows:
    """All demo trees, deterministic for a given generator state."""
    rows = DemoRows(rng, this_year, first_number)
    add_asserbos(rows)
    for spec in named_lanen()[1:]:
        add_laan(rows, spec)
    for i, wijk in enumerate(WIJKEN):
        add_wijk(rows, wijk)
        if progress:
            progress((i + 1) / len(WIJKEN))
    return rows
