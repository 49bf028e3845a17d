"""import_trees: validate, reproject and store a source table in one transaction."""

from __future__ import annotations

import math
from datetime import datetime
from time import perf_counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from bomenplan.domain.errors import BomenplanError, Cancelled
from bomenplan.domain.progress import (
    CancelledFn,
    ProgressFn,
    check_cancelled,
    never_cancelled,
    no_progress,
)
from bomenplan.domain.roles import Permission
from bomenplan.domain.values import (
    Beleidsstatus,
    Boomgroep,
    Boomveiligheidsklasse,
    Hoogteklasse,
    Omgevingsrisicoklasse,
    TreeStatus,
)
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.import_batch import ImportBatch
from bomenplan.services.importing import codes
from bomenplan.services.importing.amounts import optional_cents
from bomenplan.services.importing.blank_cells import split_clear_marks
from bomenplan.services.importing.crs import (
    make_transformation,
    should_swap,
    source_coordinates,
    to_rd,
    wgs84_of,
)
from bomenplan.services.importing.report import ImportReport, Rejection, ValueMapping
from bomenplan.services.importing.species_match import SpeciesLookup, match_species
from bomenplan.services.importing.store import PLAIN_IMPORT, ImportMode, store_batch
from bomenplan.services.importing.validate import (
    MAX_KROONDIAMETER_M,
    MAX_STAMDIAMETER_CM,
    RowRejects,
    optional_number,
    outside_nl,
    outside_working_area,
    plantjaar,
    reject_shifted_rows,
    status_and_beheertype,
)
from bomenplan.services.species_csv import load_synonyms

# Stored text limits (tables.py); longer values are rejected rather than cut.
TEXT_LIMITS = {"boomnummer": 60, "species_name": 200, "eigenaar": 120, "beheerder": 120,
               "straat": 200, "wijk": 100, "buurt": 100}
_PLAIN_TEXT = ("eigenaar", "beheerder", "straat", "wijk", "buurt", "opmerkingen")


def import_trees(uow, source, mapping, crs: str | None = None, grid_dir=None,
                 progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled,
                 mode: ImportMode = PLAIN_IMPORT) -> ImportReport:
    """Import all valid rows; a failure or cancel (domain.errors.Cancelled) stores nothing.
    `mode`: update by key and/or dry run (store.py); `report.update_plan` holds the preview.
    A failure is logged on its own in import_run (outcome), with nothing of the file stored."""
    started = datetime.now()
    try:
        return _import_trees(uow, source, mapping, crs, grid_dir, progress, cancelled, mode)
    except Cancelled:
        raise
    except (BomenplanError, ValueError) as exc:
        if not mode.dry_run:
            _log_failure(uow, source, started, f"mislukt: {exc}")
        raise


def _log_failure(uow, source, started: datetime, outcome: str) -> None:
    """Its own transaction: the failed import's rows stay out, the attempt is on record."""
    try:
        with uow:
            uow.exchange.record_import_run(str(source.path), started, source.n_rows, 0, 0, "",
                                           outcome)
            uow.commit()
    except BomenplanError:  # the storage itself is the problem: the caller reports that
        pass


def _import_trees(uow, source, mapping, crs, grid_dir, progress, cancelled,
                  mode: ImportMode) -> ImportReport:
    missing = [c for c in mapping.fields.values() if c and c not in source.columns]
    if missing:
        raise ValueError(f"{source.path}: gekoppelde kolommen ontbreken: {', '.join(missing)}")
    started = datetime.now()
    t0 = perf_counter()
    source, blanks = split_clear_marks(source, mapping.fields)
    crs = crs or mapping.crs
    n = len(source.lines)
    rejects = RowRejects(n)
    fields = mapping.fields
    col = source.column
    empty = pa.array([""] * n, pa.string()) if n else pa.array([], pa.string())

    def text(target: str) -> pa.Array:
        return col(fields[target]) if fields.get(target) else empty

    reject_shifted_rows(rejects, source, mapping)
    boomnummer = (text("boomnummer") if fields.get("boomnummer")
                  else pa.array([str(v) for v in source.lines.tolist()], pa.string()))
    rejects.add(pc.equal(boomnummer, "").to_numpy(zero_copy_only=False), "boomnummer", "",
                "boomnummer is verplicht")
    x, y = source_coordinates(rejects, source, mapping)
    year = plantjaar(rejects, source, fields.get("plantjaar"))
    diameter = optional_number(rejects, source, fields.get("stamdiameter_cm"), "stamdiameter_cm",
                               MAX_STAMDIAMETER_CM, "cm")
    omtrek = optional_number(rejects, source, fields.get("stamomtrek_cm"), "stamomtrek_cm",
                             MAX_STAMDIAMETER_CM * math.pi, "cm")
    diameter = np.where(np.isnan(diameter), omtrek / math.pi, diameter)
    kroon = optional_number(rejects, source, fields.get("kroondiameter_m"), "kroondiameter_m",
                            MAX_KROONDIAMETER_M, "m")
    nvtb = optional_cents(rejects, source, fields.get("nvtb_waarde_eur"), "nvtb_waarde_eur")
    status, beheertype = status_and_beheertype(rejects, source, mapping)
    names = text("species_name") if fields.get("species_name") else text("dutch_name")
    for target, limit in TEXT_LIMITS.items():
        values = boomnummer if target == "boomnummer" else names if target == "species_name" else text(target)
        too_long = pc.greater(pc.utf8_length(values), limit).to_numpy(zero_copy_only=False)
        rejects.add(too_long, target, values, f"{target} is langer dan {limit} tekens")
    check_cancelled(cancelled)
    progress(0.15)

    with uow:
        if not mode.dry_run:
            authorize(uow, Permission.IMPORT)
        catalogue = getattr(uow, "catalogue", None)  # the species feature's confirmed mappings
        matcher = SpeciesLookup(uow.species.list(), load_synonyms(),
                                catalogue.name_mappings() if catalogue is not None else None)
        dutch = text("dutch_name") if fields.get("dutch_name") and fields.get("species_name") else None
        species_name, species_id, _ = match_species(matcher, names, dutch, ~rejects.rejected)
        living = status == TreeStatus.LEVEND.value
        rejects.add(living & (species_name == ""), "species_name", "",
                    "een levende boom heeft een soort nodig")
        t_validate = perf_counter()

        transformation = make_transformation(crs, grid_dir)
        swapped = bool(mapping.swap_xy) or should_swap(transformation, x, y, ~rejects.rejected)
        if swapped:
            x, y = y, x
        rx, ry = to_rd(transformation, x, y)
        outside = outside_working_area(rx, ry) & ~rejects.rejected
        if outside.any():
            rejects.add(outside, "positie", *_outside_messages(outside, x, y, crs))
        accepted = ~rejects.rejected
        abroad = int(np.count_nonzero(outside_nl(rx, ry) & accepted))
        _, _, unmatched = match_species(matcher, names, dutch, accepted)
        check_cancelled(cancelled)
        progress(0.3)
        t_transform = perf_counter()

        batch = _batch(accepted, rx, ry, boomnummer, species_name, species_id, year, diameter,
                       kroon, status, beheertype, source, fields, text)
        batch.blank = {f: mask[accepted] for f, mask in blanks.items()}
        if fields.get("nvtb_waarde_eur"):
            batch.numbers["nvtb_waarde_cent"] = [nvtb[i] for i in np.flatnonzero(accepted).tolist()]
        report = ImportReport(
            source=str(source.path), rows_read=source.n_rows, rows_accepted=len(batch),
            rejections=_rejections(source, rejects), unmatched_species=unmatched,
            transformation=transformation.description, accuracy_m=transformation.accuracy_m,
            swapped_xy=swapped, crs=crs or "EPSG:28992", rows_outside_nl=abroad,
            value_mappings=_value_mappings(fields, text, accepted))
        store_batch(uow, batch, report, mode, fields, source.path.name,
                    lambda f: progress(0.3 + 0.65 * f), cancelled)
        report.dry_run = mode.dry_run
        if mode.dry_run:
            progress(1.0)
            return report
        uow.exchange.record_import_run(report.source, started, report.rows_read,
                                       report.rows_accepted, report.rows_rejected,
                                       report.transformation)
        log_change(uow, "import", 0, "bijgewerkt" if mode.update else "ingelezen", "",
                   f"{source.path.name}: {report.rows_accepted} van {report.rows_read} regels",
                   mode.user)
        check_cancelled(cancelled)
        uow.commit()
    t_insert = perf_counter()
    report.timings = {"validate": t_validate - t0, "transform": t_transform - t_validate,
                      "insert": t_insert - t_transform}
    progress(1.0)
    return report


def _outside_messages(outside: np.ndarray, x: np.ndarray, y: np.ndarray, crs: str | None):
    """Shown value and reason per row outside NL, with the WGS84 location it lands on."""
    idx = np.flatnonzero(outside)
    lon, lat = wgs84_of(crs, x[idx], y[idx])
    shown = np.full(len(x), "", dtype=object)
    reason = np.full(len(x), "", dtype=object)
    for i, a, b, la, lo in zip(idx.tolist(), x[idx].tolist(), y[idx].tolist(), lat.tolist(),
                               lon.tolist(), strict=True):
        shown[i] = f"{a:.6g}, {b:.6g}"
        where = f"{la:.2f} N, {lo:.2f} O" if np.isfinite(la) and np.isfinite(lo) else "ongeldig"
        reason[i] = (f"ligt buiten Nederland en buiten het werkgebied ({where} als "
                     f"{crs or 'EPSG:28992'}) "
                     "— klopt het coördinatenstelsel (--crs)?")
    return shown, reason


def _batch(accepted, rx, ry, boomnummer, species_name, species_id, year, diameter, kroon, status,
           beheertype, source, fields, text) -> ImportBatch:
    keep = pa.array(accepted)
    idx = np.flatnonzero(accepted)

    def pick_text(arr: pa.Array) -> list[str]:
        """Accepted values; equal texts share one str object (saves ~100 MB at 300k rows)."""
        return codes.map_unique(pc.filter(arr, keep), str).tolist()

    def pick_codes(target: str, fn, default: str) -> list[str]:
        if not fields.get(target):
            return [default] * len(idx)
        return codes.map_unique(pc.filter(text(target), keep), fn).tolist()

    def nullable(values: np.ndarray) -> list:
        chosen = values[idx]
        return np.where(np.isnan(chosen), None, chosen).tolist()

    years = year[idx]
    text_cols = {f: pick_text(text(f)) for f in _PLAIN_TEXT}
    text_cols.update(
        boomnummer=pick_text(boomnummer), species_name=species_name[idx].tolist(),
        hoogteklasse=pick_codes("hoogteklasse", codes.hoogteklasse_code, Hoogteklasse.ONBEKEND.value),
        boomveiligheidsklasse=pick_codes("boomveiligheidsklasse", codes.veiligheidsklasse_code,
                                         Boomveiligheidsklasse.ONBEKEND.value),
        beleidsstatus=pick_codes("beleidsstatus", codes.beleidsstatus_code, Beleidsstatus.GEEN.value),
        beheertype=beheertype[idx].tolist(), status=status[idx].tolist(),
        boomgroep=pick_codes("boomgroep", codes.boomgroep_code, Boomgroep.ONBEKEND.value),
        omgevingsrisicoklasse=pick_codes("omgevingsrisicoklasse", codes.omgevingsrisico_code,
                                         Omgevingsrisicoklasse.ONBEKEND.value))
    numbers = {
        "plantjaar": np.where(years == 0, None, years).tolist(),
        "stamdiameter_cm": nullable(diameter), "kroondiameter_m": nullable(kroon),
        "species_id": species_id[idx].tolist(),
    }
    return ImportBatch(x=rx[idx], y=ry[idx], text=text_cols, numbers=numbers,
                       lines=np.asarray(source.lines)[idx])


_CODED = {"beheertype": codes.type_object_stored, "boomgroep": codes.boomgroep_code}


def _value_mappings(fields, text, accepted: np.ndarray) -> list[ValueMapping]:
    """Source value → stored value with its number of accepted rows, for the coded columns."""
    out = []
    for target, stored_as in _CODED.items():
        if not fields.get(target):
            continue
        counts = pc.value_counts(pc.filter(text(target), pa.array(accepted))).to_pylist()
        out.extend(sorted((ValueMapping(target, c["values"], stored_as(c["values"]), c["counts"])
                           for c in counts), key=lambda m: -m.count))
    return out


def _rejections(source, rejects: RowRejects) -> list[Rejection]:
    name = source.path.name
    out = [Rejection(name, line, "(rij)", text[:200],
                     f"aantal velden klopt niet (verwacht {len(source.columns)})")
           for line, text in source.malformed]
    for i in np.flatnonzero(rejects.rejected):
        out.append(Rejection(name, int(source.lines[i]), str(rejects.field[i]),
                             str(rejects.value[i]), str(rejects.reason[i])))
    out.sort(key=lambda r: r.line)
    return out
