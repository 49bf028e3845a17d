"""What an import did: rows read / accepted / rejected (with line, field, reason), CRS used."""

from __future__ import annotations

from dataclasses import dataclass, field

from bomenplan.services.csv_output import write_csv


@dataclass(frozen=True)
class Rejection:
    file: str
    line: int  # 1-based line (record) number in the file; header = line 1
    field: str
    value: str
    reason: str


@dataclass(frozen=True)
class ValueMapping:
    """How one distinct source value of a coded column was stored, and for how many trees."""

    field: str  # target field, e.g. beheertype
    source: str  # the value in the file
    stored: str  # what the register holds for it
    count: int  # accepted rows with this value


@dataclass
class ImportReport:
    source: str
    rows_read: int = 0
    rows_accepted: int = 0
    rejections: list[Rejection] = field(default_factory=list)  # one per rejected row
    unmatched_species: list[tuple[str, int]] = field(default_factory=list)  # (name, rows)
    transformation: str = ""
    accuracy_m: float | None = None
    swapped_xy: bool = False
    crs: str = ""
    timings: dict[str, float] = field(default_factory=dict)  # phase → seconds
    rows_outside_nl: int = 0  # accepted, but outside the Netherlands (a warning, not an error)
    value_mappings: list[ValueMapping] = field(default_factory=list)  # coded columns, per value
    update_plan: object | None = None  # importing.update.UpdatePlan: the match on boomnummer
    dry_run: bool = False  # preview only: nothing was stored

    @property
    def rows_rejected(self) -> int:
        return len(self.rejections)

    def rejections_by_field(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.rejections:
            counts[r.field] = counts.get(r.field, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    def summary_lines(self) -> list[str]:
        acc = f"{self.accuracy_m:g} m" if self.accuracy_m is not None else "onbekend"
        lines = [
            f"bestand: {self.source}",
            f"rijen gelezen: {self.rows_read}",
            f"geaccepteerd: {self.rows_accepted}",
            f"afgewezen: {self.rows_rejected}"
            + (" (" + ", ".join(f"{k}: {v}" for k, v in self.rejections_by_field().items()) + ")"
               if self.rejections else ""),
            f"coördinatenstelsel: {self.crs or 'onbekend'}; transformatie: {self.transformation} "
            f"(nauwkeurigheid {acc})",
        ]
        if self.rows_outside_nl:
            lines.append(f"let op: {self.rows_outside_nl} geaccepteerde bomen liggen buiten "
                         "Nederland — klopt het coördinatenstelsel?")
        if self.swapped_xy:
            lines.append("x en y (lengte-/breedtegraad) waren verwisseld en zijn omgedraaid")
        if self.unmatched_species:
            total = sum(n for _, n in self.unmatched_species)
            top = ", ".join(f"{name} ({n})" for name, n in self.unmatched_species[:10])
            lines.append(f"soorten niet in de catalogus: {len(self.unmatched_species)} namen, "
                         f"{total} bomen; meest voorkomend: {top}")
        if self.value_mappings:
            lines.append("waarden vertaald (bronwaarde → opgeslagen: bomen):")
            lines.extend(f"  {m.field}: {m.source!r} → {m.stored}: {m.count}"
                         for m in self.value_mappings)
        lines += self._plan_lines()
        for r in self.rejections[:5]:
            lines.append(f"  {r.file}:{r.line} {r.field} = {r.value!r}: {r.reason}")
        return lines

    def _plan_lines(self) -> list[str]:
        plan = self.update_plan
        if plan is None:
            return ["proefimport: er is niets opgeslagen"] if self.dry_run else []
        from pathlib import Path

        from bomenplan.services.importing.update import duplicate_lines

        name = Path(self.source).name
        if plan.fields or plan.changed_rows.size or plan.unchanged:  # an update by key
            out = plan.summary_lines(name)
        elif plan.duplicates:
            out = [f"let op: {plan.duplicate_rows} rijen delen {len(plan.duplicates)} "
                   f"{plan.key}s; ze zijn als aparte bomen ingelezen",
                   *duplicate_lines(plan.duplicates, name, plan.key)]
        else:
            out = []
        return out + (["proefimport: er is niets opgeslagen"] if self.dry_run else [])


def write_rejections_csv(report: ImportReport, path) -> None:
    write_csv(path, ["bestand", "regel", "veld", "waarde", "reden"],
              ([r.file, r.line, r.field, r.value, r.reason] for r in report.rejections))
