"""Data for replanting: the sortiment matrix (stored versions or the shipped default) and the
species traits read from the species catalogue resource, scored by the ecology module."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from bomenplan.domain.replanting import SpeciesTraits
from bomenplan.domain.sortiment import SortimentMatrix, matrix_to_csv, parse_matrix_csv
from bomenplan.domain.species import normalize_name
from bomenplan.domain.values import Grootteklasse

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_MATRIX = RESOURCES / "sortiment" / "default_matrix.csv"
DEFAULT_VERSION = "groenvisie-standaard-1"
CATALOGUE = RESOURCES / "species" / "catalogue.csv"


def default_matrix() -> SortimentMatrix:
    return parse_matrix_csv(DEFAULT_MATRIX.read_text(encoding="utf-8"), DEFAULT_VERSION,
                            source=str(DEFAULT_MATRIX))


def current_matrix(uow) -> SortimentMatrix:
    """The newest stored matrix version, else the shipped default. Call inside `with uow`."""
    stored = uow.sortiment.latest()
    if stored is None:
        return default_matrix()
    version, text = stored
    return parse_matrix_csv(text, version, source=f"sortiment versie {version}")


def save_matrix(uow, matrix: SortimentMatrix) -> None:
    """Store an edited matrix as a new version (versions are never overwritten)."""
    with uow:
        uow.sortiment.add(matrix.version, matrix_to_csv(matrix))
        uow.commit()


def _int(text: str) -> int | None:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return None


def _float(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _eco_score(row: dict) -> float | None:
    """Score from the ecology module when it is there; None (unknown) otherwise."""
    try:
        from bomenplan.domain.ecology import ECO_FIELDS, ecological_score, profile_from_values
    except ImportError:
        return None
    try:
        values = {k: row[k] for k in ECO_FIELDS if k in row}
        return round(ecological_score(profile_from_values(values, {})).total, 1)
    except Exception:  # a catalogue row the ecology module rejects: score unknown
        return None


@lru_cache(maxsize=1)
def species_traits(path: Path = CATALOGUE) -> dict[str, SpeciesTraits]:
    """Traits keyed by normalized name; an absent catalogue gives no traits (all unknown)."""
    if not path.exists():
        return {}
    traits = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row["scientific_name"].strip()
            if row.get("cultivar"):
                name = f"{name} '{row['cultivar'].strip()}'"
            try:
                klasse = Grootteklasse(row.get("grootteklasse", "").strip())
            except ValueError:
                klasse = Grootteklasse.ONBEKEND
            epr = row.get("epr_host", "").strip()
            traits[normalize_name(name)] = SpeciesTraits(
                name=name, genus=row.get("genus", ""), family=row.get("family", ""),
                grootteklasse=klasse, crown_diameter_m=_float(row.get("crown_diameter_m")),
                life_expectancy_years=_int(row.get("life_expectancy_years")),
                climate_2050=_int(row.get("climate_2050")), eco_score=_eco_score(row),
                epr_host=None if epr == "" else epr == "1", tol_paving=_int(row.get("tol_paving")))
    return traits
