"""Generated registers with lanen whose gaps are known (for tests and bench/bench_lanen.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from bomenplan.domain.register_columns import COLUMN_TYPES, RegisterColumns

X0, Y0 = 230_000.0, 555_000.0  # Assen, RD New


@dataclass
class LaanSpec:
    n: int = 30  # positions per row
    spacing: float = 10.0
    jitter: float = 0.3  # m, standard deviation
    curve_radius: float = 0.0  # 0 = straight
    two_sided: bool = False
    street_width: float = 16.0
    missing: tuple[int, ...] = ()  # positions with no record at all (row 0)
    stumps: tuple[int, ...] = ()  # positions with a stump only (row 0)
    small: tuple[int, ...] = ()  # living replacements much smaller than neighbours (row 0)
    straat: str = "Hoofdlaan"
    species: str = "Tilia x europaea"
    origin: tuple[float, float] = (X0, Y0)
    angle_deg: float = 0.0
    beleidsstatus: str = "geen"


@dataclass
class Generated:
    cols: RegisterColumns
    true_gaps: list[tuple[float, float]] = field(default_factory=list)  # missing or stump positions
    stump_ids: list[int] = field(default_factory=list)


def row_positions(spec: LaanSpec, offset: float, rng) -> np.ndarray:
    s = np.arange(spec.n) * spec.spacing
    if spec.curve_radius:
        radius = spec.curve_radius - offset
        theta = s / spec.curve_radius
        px, py = radius * np.sin(theta), spec.curve_radius - radius * np.cos(theta)
    else:
        px, py = s, np.full_like(s, offset)
    a = np.radians(spec.angle_deg)
    x = spec.origin[0] + px * np.cos(a) - py * np.sin(a)
    y = spec.origin[1] + px * np.sin(a) + py * np.cos(a)
    return np.column_stack([x, y]) + rng.normal(0, spec.jitter, (spec.n, 2))


def generate(specs: list[LaanSpec], park_trees: int = 0, seed: int = 1,
             park_origin: tuple[float, float] = (X0 - 2000, Y0 - 2000)) -> Generated:
    rng = np.random.default_rng(seed)
    data: dict[str, list] = {name: [] for name in COLUMN_TYPES}
    out = Generated(cols=RegisterColumns.empty())

    def add(x, y, status, diameter, jaar, straat, species, beleid="geen"):
        tid = len(data["id"]) + 1
        for name, value in (("id", tid), ("site_id", tid), ("x", x), ("y", y),
                            ("boomnummer", f"B{tid}"), ("species_name", species),
                            ("genus", species.split()[0]), ("plantjaar", jaar),
                            ("hoogteklasse", "onbekend"), ("stamdiameter_cm", diameter),
                            ("boomveiligheidsklasse", "onbekend"), ("beheertype", "vrij uitgroeiend"),
                            ("status", status), ("beleidsstatus", beleid), ("eigenaar", "gemeente"),
                            ("straat", straat), ("wijk", ""), ("buurt", ""),
                            ("boomgroep", "onbekend")):
            data[name].append(value)
        return tid

    for spec in specs:
        sides = [0.0, spec.street_width] if spec.two_sided else [0.0]
        for side, offset in enumerate(sides):
            pos = row_positions(spec, offset, rng)
            for k, (x, y) in enumerate(pos.tolist()):
                if side == 0 and k in spec.missing:
                    out.true_gaps.append((x, y))
                    continue
                if side == 0 and k in spec.stumps:
                    out.true_gaps.append((x, y))
                    out.stump_ids.append(add(x, y, "stobbe", None, 0, spec.straat, spec.species))
                    continue
                small = side == 0 and k in spec.small
                add(x, y, "levend", 12.0 if small else 60.0 + rng.normal(0, 5),
                    2015 if small else 1960, spec.straat, spec.species, spec.beleidsstatus)
    if park_trees:
        px = park_origin[0] + rng.uniform(0, 400, park_trees)
        py = park_origin[1] + rng.uniform(0, 400, park_trees)
        for x, y in zip(px.tolist(), py.tolist(), strict=True):
            add(x, y, "levend", 40.0, 1980, "", "Fagus sylvatica")
    out.cols = RegisterColumns.from_lists(data)
    return out


def city(n_trees: int, seed: int = 7) -> Generated:
    """A register of about n_trees: a grid of streets with lanen (10 % gaps), plus park trees."""
    rng = np.random.default_rng(seed)
    specs, total = [], 0
    block = 0
    while total < 0.8 * n_trees:
        n = int(rng.integers(15, 60))
        spacing = float(rng.uniform(8, 12))
        gx, gy = block % 200, block // 200
        missing = tuple(sorted(set(rng.integers(1, n - 1, max(1, n // 10)).tolist())))
        specs.append(LaanSpec(n=n, spacing=spacing, jitter=0.3, two_sided=bool(block % 2),
                              missing=missing, straat=f"Straat {block}",
                              origin=(X0 + gx * 800.0, Y0 + gy * 120.0)))
        total += n * (2 if block % 2 else 1)
        block += 1
    park = max(n_trees - total, 0)
    return generate(specs, park_trees=0, seed=seed) if not park else _with_parks(specs, park, seed)


def _with_parks(specs, park, seed) -> Generated:
    """Park trees spread over several 400 m squares at a density like a real park."""
    gens = [generate(specs, seed=seed)]
    per_park = 2000
    for p in range(0, park, per_park):
        gens.append(generate([], park_trees=min(per_park, park - p), seed=seed + p,
                             park_origin=(X0 - 5000 - (p // per_park) * 500.0, Y0 - 3000)))
    data = {name: np.concatenate([getattr(g.cols, name) for g in gens]) for name in COLUMN_TYPES}
    data["id"] = np.arange(1, len(data["id"]) + 1)
    data["site_id"] = data["id"].copy()
    return Generated(cols=RegisterColumns(**data), true_gaps=gens[0].true_gaps,
                     stump_ids=gens[0].stump_ids)


def precision_recall(found: list[tuple[float, float]], truth: list[tuple[float, float]],
                     max_distance: float) -> tuple[float, float]:
    """Greedy one-to-one matching of found to true gap positions within max_distance."""
    if not found or not truth:
        return (1.0 if not found else 0.0), (1.0 if not truth else 0.0)
    f, t = np.asarray(found), np.asarray(truth)
    d = np.hypot(f[:, None, 0] - t[None, :, 0], f[:, None, 1] - t[None, :, 1])
    matched, used_f, used_t = 0, set(), set()
    for k in np.argsort(d, axis=None):
        i, j = divmod(int(k), len(t))
        if d[i, j] > max_distance:
            break
        if i in used_f or j in used_t:
            continue
        used_f.add(i)
        used_t.add(j)
        matched += 1
    return matched / len(f), matched / len(t)


def to_batch(cols: RegisterColumns):
    """The generated register as an import batch (for tests that need a database)."""
    from bomenplan.services.import_batch import BATCH_NUMBER_FIELDS, BATCH_TEXT_FIELDS, ImportBatch

    n = len(cols)
    text = {f: [""] * n for f in BATCH_TEXT_FIELDS}
    for f in ("boomnummer", "species_name", "hoogteklasse", "boomveiligheidsklasse", "beheertype",
              "status", "beleidsstatus", "eigenaar", "straat", "wijk", "buurt"):
        text[f] = [str(v) for v in getattr(cols, f).tolist()]
    text["boomgroep"] = ["laanboom"] * n
    numbers = {f: [None] * n for f in BATCH_NUMBER_FIELDS}
    numbers["plantjaar"] = [int(v) or None for v in cols.plantjaar.tolist()]
    numbers["stamdiameter_cm"] = [None if v != v else float(v) for v in cols.stamdiameter_cm.tolist()]
    return ImportBatch(x=cols.x.copy(), y=cols.y.copy(), text=text, numbers=numbers)


def store(uow_factory, gen: Generated) -> None:
    with uow_factory() as uow:
        uow.trees.bulk_insert(to_batch(gen.cols))
        uow.commit()
