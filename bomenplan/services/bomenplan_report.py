"""The figures of the Bomenplan report for one wijk, one laan or the whole municipality, assembled
from the live register into plain dataclasses; the report writer only draws them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date

import numpy as np

from bomenplan.domain.diversity import GroupDiversity
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.fund_ledger import VvogFactors
from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.services.bomenplan_extras import Extras, gather
from bomenplan.services.bomenplan_programme import Programme, programme
from bomenplan.services.bomenplan_value import DEFAULT_VVOG, WijkValue, value_per_wijk

AGE_BINS = (0, 10, 20, 40, 60, 80, 100, 10_000)  # years; the last bin is "100 en ouder"
MAP_POINTS = 20_000  # at most this many trees drawn on the map (evenly thinned, deterministic)
MAP_PAD_M = 30.0  # margin around the trees on the map
TOP_SPECIES = 10
MONUMENTAL = ("monumentaal", "waardevol", "gedenkboom")


@dataclass(frozen=True)
class Scope:
    kind: str  # "wijk" / "laan" / "alles"
    name: str = ""

    @property
    def title(self) -> str:
        return {"wijk": f"wijk {self.name}", "laan": f"laan {self.name}"}.get(self.kind, "hele gemeente")


@dataclass
class MapData:
    x: np.ndarray
    y: np.ndarray
    group: np.ndarray  # boomgroep per drawn tree
    living: np.ndarray  # bool per drawn tree
    lanen: list[tuple[str, list[list[tuple[float, float]]]]] = field(default_factory=list)  # quality, rows
    gaps: list[tuple[float, float]] = field(default_factory=list)
    n_total: int = 0
    base: list[tuple[str, list[list[tuple[float, float]]]]] = field(default_factory=list)  # layer, rings
    extent: tuple[float, float, float, float] | None = None  # xmin, ymin, xmax, ymax (RD New)


@dataclass(frozen=True)
class LaanRow:
    name: str
    kwaliteit: str
    living: int
    missing: int
    n_gaps: int
    completeness_pct: float
    herplantstrategie: str
    intended_species: str


@dataclass
class BomenplanData:
    scope: Scope
    on: date
    n_trees: int
    n_living: int
    n_species: int
    status_counts: list[tuple[str, int]]
    beleid_counts: list[tuple[str, int]]
    height_counts: list[tuple[str, int]]
    age_counts: list[tuple[str, int]]
    n_unknown_age: int
    top_species: list[tuple[str, int]]
    diversity: GroupDiversity | None
    map: MapData
    lanen: list[LaanRow] | None
    complaints: list[tuple[str, int]] | None
    values: list[WijkValue]
    extras: Extras
    value_factors: VvogFactors = DEFAULT_VVOG
    programme: Programme | None = None  # hoofdbomenstructuur and uitvoeringsprogramma

    @property
    def n_monumental(self) -> int:
        return sum(n for name, n in self.beleid_counts if name in MONUMENTAL)


def select(cols: RegisterColumns, scope: Scope) -> RegisterColumns:
    """The trees in the scope; an unknown wijk or laan is a clear error."""
    if scope.kind == "alles":
        return cols
    column = cols.wijk if scope.kind == "wijk" else cols.straat
    mask = column == scope.name
    if not mask.any():
        known = sorted({str(v) for v in column if v})[:8]
        raise ValidationError(scope.kind, f"geen bomen met {scope.kind} {scope.name!r}; bekend zijn "
                                          f"bijvoorbeeld: {', '.join(known) or '(geen)'}")
    return RegisterColumns(**{f.name: getattr(cols, f.name)[mask] for f in fields(RegisterColumns)})


def counts(values: np.ndarray, order: tuple[str, ...] | None = None) -> list[tuple[str, int]]:
    """(value, count) sorted by `order` when given, else by count descending then name; "" → onbekend."""
    tally = Counter(str(v) or "onbekend" for v in values)
    if order:
        return [(k, tally[k]) for k in order if tally.get(k)] + sorted(
            (k, n) for k, n in tally.items() if k not in order)
    return sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))


def age_counts(plantjaar: np.ndarray, year: int) -> tuple[list[tuple[str, int]], int]:
    known = plantjaar > 0
    ages = year - plantjaar[known]
    hist = np.histogram(ages, bins=AGE_BINS)[0]
    labels = [f"{lo}-{hi - 1}" for lo, hi in zip(AGE_BINS[:-2], AGE_BINS[1:-1], strict=True)] + [f"{AGE_BINS[-2]}+"]
    return [(label, int(n)) for label, n in zip(labels, hist, strict=True)], int((~known).sum())


def map_data(cols: RegisterColumns, lanen=None, analysis=None, base_map=()) -> MapData:
    """The trees (thinned), lanen, gaps and the base map polygons clipped to the trees' extent."""
    from bomenplan.services.bomenplan_base import clipped_base_map

    step = max(1, -(-len(cols) // MAP_POINTS))
    data = MapData(cols.x[::step], cols.y[::step], cols.boomgroep[::step],
                   cols.status[::step] == "levend", n_total=len(cols))
    if len(cols):
        data.extent = (float(cols.x.min()) - MAP_PAD_M, float(cols.y.min()) - MAP_PAD_M,
                       float(cols.x.max()) + MAP_PAD_M, float(cols.y.max()) + MAP_PAD_M)
        data.base = clipped_base_map(base_map, data.extent)
    if lanen and analysis:
        for laan, quality in zip(lanen, analysis.quality, strict=True):
            data.lanen.append((str(quality.kwaliteit), [list(row.coords) for row in laan.rows]))
        data.gaps = [p for gap in analysis.gaps for p in gap.positions]
    return data


def _lanen_in(uow, cols: RegisterColumns, scope_cols: RegisterColumns, scope: Scope, progress: ProgressFn, cancelled: CancelledFn):
    from bomenplan.domain.laan_quality import analyse_lanen
    from bomenplan.services.lanen import active_lanen

    lanen = active_lanen(uow)
    if scope.kind != "alles":
        lanen = [laan for laan in lanen if _laan_in_scope(laan, scope_cols, scope)]
    if not lanen:
        return [], None
    return lanen, analyse_lanen(lanen, cols, None, progress=progress, cancelled=cancelled)


def _laan_in_scope(laan, cols: RegisterColumns, scope: Scope) -> bool:
    """A laan belongs to the laan named, or to the wijk holding most of its trees (seen at detection;
    else the tree nearest to the middle of its first row)."""
    if scope.kind == "laan":
        return laan.name == scope.name or laan.straat == scope.name
    if not len(cols):
        return False
    if laan.tree_ids:
        return np.isin(np.asarray(laan.tree_ids, dtype="i8"), cols.id).mean() > 0.5
    middle = laan.rows[0].interpolate(0.5, normalized=True)
    return bool(((cols.x - middle.x) ** 2 + (cols.y - middle.y) ** 2 < 25.0).any())


def _complaint_counts(uow, scope: Scope) -> list[tuple[str, int]] | None:
    from bomenplan.services.complaints import list_complaints

    records = list_complaints(uow)
    if scope.kind == "wijk":
        records = [r for r in records if r.complaint.wijk == scope.name]
    if not records:
        return None
    return counts(np.array([str(r.complaint.status) for r in records], dtype=object))


def assemble(uow_factory, scope: Scope, on: date, progress: ProgressFn = no_progress,
             cancelled: CancelledFn = never_cancelled, monitor=None,
             factors: VvogFactors = DEFAULT_VVOG) -> BomenplanData:
    """All figures for the report; progress runs 0 → 1 (the laan analysis takes most of it).
    `monitor`: a 3-30-300 result (services/monitor_3_30_300.py) to include; None = from the stored
    buildings and green of the register when it has them (services/bomenplan_monitor.py).
    `factors`: the VVOG factors for trees without an appraised NVTB value."""
    from bomenplan.services.species_register import diversity, lookup

    with uow_factory() as uow:
        all_cols = uow.trees.columns()
        nvtb = uow.trees.nvtb_values()
        base_map = uow.base_map.all()
    cols = select(all_cols, scope)
    progress(0.1)
    living = cols.status == "levend"
    alive = RegisterColumns(**{f.name: getattr(cols, f.name)[living] for f in fields(RegisterColumns)})
    found = lookup(uow_factory())
    groups = diversity(alive, found)
    progress(0.2)
    if monitor is None:
        from bomenplan.services.bomenplan_monitor import stored_monitor

        monitor = stored_monitor(uow_factory, cancelled=cancelled)
    lanen, analysis = _lanen_in(uow_factory(), all_cols, cols, scope, lambda f: progress(0.2 + 0.6 * f), cancelled)
    laan_rows = None
    if analysis is not None:
        laan_rows = [LaanRow(laan.name or f"laan {laan.id}", str(q.kwaliteit), q.living, q.missing,
                             q.n_gaps, q.completeness_pct, str(laan.herplantstrategie),
                             laan.intended_species) for laan, q in zip(lanen, analysis.quality, strict=True)]
    ages, unknown = age_counts(alive.plantjaar, on.year)
    extras = gather(uow_factory, cols, monitor, scope, on)
    data = BomenplanData(
        scope=scope, on=on, n_trees=len(cols), n_living=int(living.sum()),
        n_species=len({str(s) for s in alive.species_name if s}),
        status_counts=counts(cols.status), beleid_counts=counts(alive.beleidsstatus),
        height_counts=counts(alive.hoogteklasse, _HEIGHT_ORDER), age_counts=ages, n_unknown_age=unknown,
        top_species=counts(alive.species_name)[:TOP_SPECIES], diversity=groups[0] if groups else None,
        map=map_data(cols, lanen, analysis, base_map), lanen=laan_rows,
        complaints=_complaint_counts(uow_factory(), scope), values=value_per_wijk(alive, factors, nvtb),
        extras=extras, value_factors=factors,
        programme=programme(uow_factory, scope, on, lanen, analysis, all_cols, laan_rows, extras))
    progress(1.0)
    return data


_HEIGHT_ORDER = ("0-6 m", "6-9 m", "9-12 m", "12-15 m", "15-18 m", "18-24 m", ">= 24 m", "onbekend")
