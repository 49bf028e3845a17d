"""Use cases of the lanen feature: detect and store proposals, accept / reject / edit, gaps and
quality, replanting options and the planner's recorded choice."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields, replace

import numpy as np
import shapely

from bomenplan.domain.errors import NotFound
from bomenplan.domain.laan import Laan, LaanChoice, LaanStatus
from bomenplan.domain.laan_detection import DetectionSettings, detect_lanen_report
from bomenplan.domain.laan_gaps import find_gaps_bulk
from bomenplan.domain.laan_quality import LanenAnalysis, QualityThresholds, analyse_lanen
from bomenplan.domain.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from bomenplan.domain.register_columns import RegisterColumns
from bomenplan.domain.replant_options import replanting_options
from bomenplan.domain.replanting import ReplantContext, ReplantOption
from bomenplan.domain.roles import Permission
from bomenplan.domain.sortiment import Profiel
from bomenplan.domain.tree import FieldChange
from bomenplan.domain.values import TreeStatus
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.clock import now_text
from bomenplan.services.sortiment_data import replant_data
from bomenplan.services.standplaats import laan_soil_volume

DUPLICATE_DISTANCE_M = 5.0  # a proposal this close to a kept laan is not stored again
DEFAULT_DETECTION = DetectionSettings()
DEFAULT_THRESHOLDS = QualityThresholds()
DEFAULT_PROFIEL = Profiel()


@dataclass(frozen=True)
class DetectionSummary:
    stored: list[Laan]  # the proposals (or accepted lanen) now in the register
    skipped: dict[str, int]  # reason → candidates left out
    inferred: dict[str, int]  # boomgroep → trees it was inferred for (the register had none)

    def lines(self) -> list[str]:
        skipped = sorted(self.skipped.items(), key=lambda kv: -kv[1])
        out = [f"{n} kandidaten overgeslagen: {reason}" for reason, n in skipped]
        if self.inferred:
            counts = ", ".join(f"{n} {group}" for group, n in sorted(self.inferred.items()))
            out.append(f"boomgroep afgeleid waar het register die niet kent: {counts}")
        return out


def detect_and_store(uow, accept: bool = False, settings: DetectionSettings = DEFAULT_DETECTION,
                     progress: ProgressFn = no_progress,
                     cancelled: CancelledFn = never_cancelled) -> list[Laan]:
    """Replace the open proposals by freshly detected ones (or accept them all at once).

    Lanen the planner accepted or rejected are kept; proposals on top of them are dropped."""
    return detect_and_summarise(uow, accept, settings, progress, cancelled).stored


def detect_and_summarise(uow, accept: bool = False, settings: DetectionSettings = DEFAULT_DETECTION,
                         progress: ProgressFn = no_progress,
                         cancelled: CancelledFn = never_cancelled) -> DetectionSummary:
    """`detect_and_store`, plus the candidates left out and the boomgroep inferred."""
    with uow:
        authorize(uow, Permission.LANEN)
        cols = uow.trees.columns()
    found = detect_lanen_report(cols, settings, progress=lambda f: progress(0.9 * f),
                                cancelled=cancelled)
    with uow:
        uow.lanen.remove_proposals()
        kept = uow.lanen.list()
        new = _not_duplicates(found.lanen, kept)
        status = LaanStatus.GEACCEPTEERD if accept else LaanStatus.VOORSTEL
        uow.lanen.add_many([laan.with_changes(status=status) for laan in new])
        log_change(uow, "laan", 0, "detectie", "", f"{len(new)} lanen als {status}")
        uow.commit()
        stored = uow.lanen.list(status)
    progress(1.0)
    return DetectionSummary(stored, found.skipped, found.inferred)


def _not_duplicates(found: list[Laan], kept: list[Laan]) -> list[Laan]:
    if not kept or not found:
        return found
    tree = shapely.STRtree([laan.geometry for laan in kept])
    mids = [laan.rows[0].interpolate(0.5, normalized=True) for laan in found]
    hit, _ = tree.query(mids, predicate="dwithin", distance=DUPLICATE_DISTANCE_M)
    dup = set(hit.tolist())
    return [laan for i, laan in enumerate(found) if i not in dup]


def list_lanen(uow, status: LaanStatus | None = None) -> list[Laan]:
    with uow:
        return uow.lanen.list(status)


def active_lanen(uow) -> list[Laan]:
    """Every laan that is not rejected."""
    return [laan for laan in list_lanen(uow) if laan.status != LaanStatus.AFGEWEZEN]


def _log(uow, laan_id: int, field: str, old, new, user: str, reason: str = "",
         version: int | None = None) -> None:
    uow.changes.record([FieldChange(entity="laan", entity_id=laan_id, field=field, old=str(old),
                                    new=str(new), changed_at=now_text(),
                                    user=user, reason=reason, version=version)])


def edit_laan(uow, laan: Laan, user: str = "", reason: str = "") -> Laan:
    """Store a changed laan (optimistic version check); every changed field goes to the log."""
    with uow:
        authorize(uow, Permission.LANEN)
        old = uow.lanen.get(laan.id)
        stored = uow.lanen.update(laan)
        for f in fields(Laan):
            if f.name in ("version", "tree_ids", "id"):
                continue
            before, after = getattr(old, f.name), getattr(laan, f.name)
            if f.name == "rows":
                before, after = [r.wkt for r in before], [r.wkt for r in after]
                if before != after:
                    _log(uow, laan.id, "rijen", "", "lijn aangepast", user, reason, stored.version)
                continue
            if before != after:
                _log(uow, laan.id, f.name, before, after, user, reason, stored.version)
        uow.commit()
        return stored


def set_status(uow, laan_id: int, status: LaanStatus, user: str = "",
               expected_version: int | None = None) -> Laan:
    """Accept / reject a laan; with `expected_version` the change is refused
    (ConcurrentEditError) when someone else changed the laan since it was read."""
    with uow:
        authorize(uow, Permission.LANEN)
        laan = uow.lanen.get(laan_id)
    if expected_version is not None:  # the repository compares it with the stored version
        laan = replace(laan, version=expected_version)
    return edit_laan(uow, replace(laan, status=status), user)


def laan_history(uow, laan_id: int) -> tuple[list[FieldChange], list[LaanChoice]]:
    with uow:
        return uow.changes.for_entity("laan", laan_id), uow.laan_choices.for_laan(laan_id)


@dataclass(frozen=True)
class LanenReport:
    lanen: list[Laan]
    analysis: LanenAnalysis


def analyse(uow, tolerance: float | None = None, thresholds: QualityThresholds = DEFAULT_THRESHOLDS,
            cols: RegisterColumns | None = None, progress: ProgressFn = no_progress,
            cancelled: CancelledFn = never_cancelled) -> LanenReport:
    """Gaps and quality of every laan that is not rejected."""
    lanen = active_lanen(uow)
    if cols is None:
        with uow:
            cols = uow.trees.columns()
    return LanenReport(lanen, analyse_lanen(lanen, cols, tolerance, thresholds, progress, cancelled))


def replanting_for_laan(uow, laan_id: int, profiel: Profiel = DEFAULT_PROFIEL, gap_index: int | None = None,
                        cols: RegisterColumns | None = None, soil_volume_m3: float | None = None,
                        near_play_or_school: bool | None = None, monumental: bool | None = None,
                        data: tuple | None = None) -> list[ReplantOption]:
    """Ranked options for the whole laan (all its missing trees) or one of its gaps, from the
    catalogue and sortiment matrix stored in the database (`data`: a `replant_data` result to
    reuse over many lanen). Location facts left None come from the laan's stored facts."""
    with uow:
        laan = uow.lanen.get(laan_id)
        site = uow.laan_sites.get(laan_id)
        if cols is None:
            cols = uow.trees.columns()
    if near_play_or_school is None:
        near_play_or_school = site.near_play_or_school
    if monumental is None:
        monumental = site.monumental
    matrix, traits, _check = data if data is not None else replant_data(uow)
    near = _near(cols, laan)
    gaps, rt = find_gaps_bulk([laan], near)
    if gap_index is None:
        n = sum(g.n_missing for g in gaps)
    else:
        if not 0 <= gap_index < len(gaps):
            raise NotFound(f"gat {gap_index} van laan {laan_id}")
        n = gaps[gap_index].n_missing
    diameters = near.stamdiameter_cm[rt.tree].astype(float)
    mean_d = float(np.nanmean(diameters)) if np.isfinite(diameters).any() else None
    wijken = Counter(w for w in near.wijk[rt.tree].tolist() if w)
    living = near.status[rt.tree] == str(TreeStatus.LEVEND)
    if soil_volume_m3 is None:  # nothing entered: the laan's standplaats records, when present
        soil_volume_m3 = laan_soil_volume(uow, sorted({int(s) for s in near.site_id[rt.tree].tolist()}))
    ctx = ReplantContext(laan=laan, profiel=profiel, n_to_plant=max(n, 1),
                         species_counts=_wijk_species(cols, wijken.most_common(1)[0][0] if wijken else ""),
                         mean_diameter_cm=mean_d, soil_volume_m3=soil_volume_m3,
                         laan_species=Counter(near.species_name[rt.tree][living].tolist()),
                         near_play_or_school=near_play_or_school, monumental=monumental)
    return replanting_options(ctx, matrix, traits)


def _near(cols: RegisterColumns, laan: Laan, margin: float = 50.0) -> RegisterColumns:
    """The register rows around one laan (bounding box plus margin)."""
    xmin, ymin, xmax, ymax = laan.geometry.bounds
    mask = ((cols.x >= xmin - margin) & (cols.x <= xmax + margin)
            & (cols.y >= ymin - margin) & (cols.y <= ymax + margin))
    return RegisterColumns(**{f.name: getattr(cols, f.name)[mask] for f in fields(RegisterColumns)})


def _wijk_species(cols: RegisterColumns, wijk: str) -> Counter:
    """Living trees per species in the wijk (whole register when the wijk is unknown)."""
    living = cols.status == str(TreeStatus.LEVEND)
    if wijk:
        living &= cols.wijk == wijk
    return Counter(cols.species_name[living].tolist())


def record_choice(uow, laan_id: int, option: ReplantOption, rationale: str, user: str = "",
                  gap_index: int | None = None) -> LaanChoice:
    """Record the planner's choice; it shows in the laan's history."""
    choice = LaanChoice(id=None, laan_id=laan_id, strategy=option.strategy, species=option.species,
                        pattern=option.pattern, planting_size=option.planting_size,
                        rationale=rationale, decided_at=now_text(),
                        user=user, gap_index=gap_index)
    with uow:
        authorize(uow, Permission.REPLANT)
        uow.lanen.get(laan_id)
        stored = uow.laan_choices.add(choice)
        _log(uow, laan_id, "herplantkeuze", "", f"{option.strategy}: {', '.join(option.species)}",
             user, rationale)
        uow.commit()
        return stored


def retract_choice(uow, choice: LaanChoice, user: str = "") -> None:
    """Undo a recorded choice (the log keeps that it was retracted)."""
    with uow:
        authorize(uow, Permission.REPLANT)
        uow.laan_choices.remove(choice.id)
        _log(uow, choice.laan_id, "herplantkeuze", f"{choice.strategy}: {', '.join(choice.species)}",
             "ingetrokken", user)
        uow.commit()
