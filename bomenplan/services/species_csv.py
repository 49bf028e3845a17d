"""Catalogue CSV: the shipped resource, import and export (with score and its components).

Format (UTF-8, comma separated, header row): the names columns, every EcoProfile field and one
`src_<group>` column per source group. Export adds `eco_score`, `weights_version` and per
component `<component>_points` and `<component>_weight`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from bomenplan.domain.ecology import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    ECO_FIELDS,
    SOURCE_GROUPS,
    CatalogueEntry,
    EcoWeights,
    profile_from_values,
)
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.species import Species, genus_of
from bomenplan.domain.values import Grootteklasse
from bomenplan.services.safe_files import replacing_text

RESOURCE = Path(__file__).resolve().parents[2] / "resources" / "species" / "catalogue.csv"
SYNONYMS = RESOURCE.with_name("synonyms.csv")
NAME_COLUMNS = ("scientific_name", "cultivar", "parent", "dutch_name", "genus", "family",
                "grootteklasse")
SOURCE_COLUMNS = tuple(f"src_{g}" for g in SOURCE_GROUPS)
COLUMNS = (*NAME_COLUMNS, *ECO_FIELDS, *SOURCE_COLUMNS)


class CatalogueFileError(ValidationError):
    """Bad catalogue CSV: names the file, line and field."""

    def __init__(self, path: Path, line: int, field: str, message: str):
        super().__init__(field, f"{path}, regel {line}: {message}")
        self.path, self.line = path, line


def read_catalogue_csv(path: str | Path) -> list[CatalogueEntry]:
    """Parse a catalogue CSV; raises CatalogueFileError on the first bad value."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "scientific_name" not in reader.fieldnames:
            raise CatalogueFileError(path, 1, "scientific_name", "kolom scientific_name ontbreekt")
        return [_entry(path, line, row) for line, row in enumerate(reader, start=2)]


def _entry(path: Path, line: int, row: dict) -> CatalogueEntry:
    name = (row.get("scientific_name") or "").strip()
    if not name:
        raise CatalogueFileError(path, line, "scientific_name", "wetenschappelijke naam ontbreekt")
    try:
        klasse = Grootteklasse((row.get("grootteklasse") or "onbekend").strip() or "onbekend")
    except ValueError:
        raise CatalogueFileError(path, line, "grootteklasse",
                                 f"ongeldige grootteklasse {row['grootteklasse']!r}") from None
    species = Species(None, name, (row.get("dutch_name") or "").strip(),
                      (row.get("cultivar") or "").strip(),
                      (row.get("genus") or "").strip() or genus_of(name),
                      (row.get("family") or "").strip(), klasse)
    values = {k: row[k] for k in ECO_FIELDS if k in row and row[k] is not None}
    sources = {g: (row.get(f"src_{g}") or "").strip() for g in SOURCE_GROUPS}
    try:
        profile = profile_from_values(values, sources)
    except ValidationError as exc:
        raise CatalogueFileError(path, line, exc.field, exc.message) from None
    return CatalogueEntry(species, profile)


def load_resource_catalogue() -> list[CatalogueEntry]:
    return read_catalogue_csv(RESOURCE)


def load_synonyms(path: str | Path = SYNONYMS) -> dict[str, str]:
    """Recorded synonym or misspelling → accepted catalogue name (shipped resource)."""
    path = Path(path)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {r["synonym"].strip(): r["accepted"].strip() for r in csv.DictReader(handle)
                if r.get("synonym") and r.get("accepted")}


def entry_row(entry: CatalogueEntry) -> dict[str, str]:
    sp, p = entry.species, entry.profile
    row = {"scientific_name": sp.scientific_name, "cultivar": sp.cultivar,
           "parent": sp.scientific_name if sp.cultivar else "", "dutch_name": sp.dutch_name,
           "genus": sp.genus, "family": sp.family, "grootteklasse": str(sp.grootteklasse)}
    for name in ECO_FIELDS:
        value = getattr(p, name)
        row[name] = "" if value is None else (str(int(value)) if isinstance(value, bool) else str(value))
    row.update({f"src_{g}": p.source(g) for g in SOURCE_GROUPS})
    return row


def write_catalogue_csv(entries: Iterable[CatalogueEntry], path: str | Path,
                        weights: EcoWeights = DEFAULT_WEIGHTS) -> int:
    """Write every value, the score and its components; returns the number of rows."""
    score_cols = ["eco_score", "weights_version"]
    for c in COMPONENTS:
        score_cols += [f"{c}_raw", f"{c}_weight", f"{c}_points"]
    count = 0
    with replacing_text(path) as handle:
        writer = csv.DictWriter(handle, [*COLUMNS, *score_cols])
        writer.writeheader()
        for entry in entries:
            score = entry.score(weights)
            row = entry_row(entry)
            row.update(eco_score=f"{score.total:.2f}", weights_version=score.weights_version)
            for comp in score.components:
                row.update({f"{comp.name}_raw": comp.raw, f"{comp.name}_weight": f"{comp.weight:g}",
                            f"{comp.name}_points": f"{comp.points:.2f}"})
            writer.writerow(row)
            count += 1
    return count
