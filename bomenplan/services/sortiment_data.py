"""Data for replanting: the sortiment matrix (stored versions or the shipped default), checked
against the catalogue, and species traits built from the DATABASE's species catalogue (the
municipality's own edits) plus the per-taxon resource files (restrictions, disease risk)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bomenplan.domain.ecology import DEFAULT_WEIGHTS, CatalogueEntry, EcoWeights
from bomenplan.domain.errors import ValidationError
from bomenplan.domain.replanting import SpeciesTraits
from bomenplan.domain.roles import Permission
from bomenplan.domain.sortiment import SortimentMatrix, matrix_to_csv, parse_matrix_csv
from bomenplan.domain.sortiment_check import MatrixCheck, check_matrix
from bomenplan.domain.species import normalize_name
from bomenplan.domain.taxon_facts import TaxonFacts, parse_facts_csv
from bomenplan.services.audit import log_change
from bomenplan.services.authorization import authorize
from bomenplan.services.species_catalogue import ensure_catalogue

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEFAULT_MATRIX = RESOURCES / "sortiment" / "default_matrix.csv"
DEFAULT_VERSION = "groenvisie-standaard-2"
FACT_FILES = (RESOURCES / "species" / "planting_restrictions.csv",
              RESOURCES / "species" / "disease_risk.csv")


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


def save_matrix(uow, matrix: SortimentMatrix) -> MatrixCheck:
    """Check an edited matrix against the catalogue and store it as a new version (versions are
    never overwritten). Conflicts refuse it with one message per conflict; ties are returned."""
    ensure_catalogue(uow)
    with uow:
        authorize(uow, Permission.SORTIMENT)
        check = check_matrix(matrix, catalogue_traits(uow.catalogue.entries(), _weights(uow)),
                             source=f"sortiment versie {matrix.version}")
        if not check.ok:
            raise ValidationError("sortiment", "\n".join(check.conflicts))
        uow.sortiment.add(matrix.version, matrix_to_csv(matrix))
        log_change(uow, "sortiment", 0, "versie", "", matrix.version)
        uow.commit()
    return check


@lru_cache(maxsize=1)
def taxon_facts() -> TaxonFacts:
    facts = []
    for path in FACT_FILES:
        if path.exists():
            facts += parse_facts_csv(path.read_text(encoding="utf-8"), str(path.name))
    return TaxonFacts(facts)


def _weights(uow) -> EcoWeights:
    return uow.catalogue.active_weights() or DEFAULT_WEIGHTS


def catalogue_traits(entries: list[CatalogueEntry], weights: EcoWeights = DEFAULT_WEIGHTS,
                     facts: TaxonFacts | None = None) -> dict[str, SpeciesTraits]:
    """Traits keyed by normalized full name (cultivars included)."""
    facts = taxon_facts() if facts is None else facts
    traits = {}
    for entry in entries:
        sp, p = entry.species, entry.profile
        name = sp.full_name
        traits[normalize_name(name)] = _traits(name, sp, p, entry.score(weights).total, facts)
    return traits


def _traits(name, sp, p, eco, facts: TaxonFacts) -> SpeciesTraits:
    status = facts.get(name, "status")
    restriction = (f"{status.value}: {status.text()}" if status and status.value != "toegestaan"
                   else "invasieve soort (catalogus: invasief)" if p.invasive else "")
    form = facts.get(name, "groeivorm")
    hazards = tuple(f"{feature}: {fact.text()}" for feature in ("giftig", "doorns")
                    if (fact := facts.get(name, feature)) is not None and fact.value == "ja")
    disease = facts.get(name, "ziekterisico")
    epr = facts.get(name, "eikenprocessierups")
    return SpeciesTraits(
        name=name, genus=sp.genus, family=sp.family, grootteklasse=sp.grootteklasse,
        crown_diameter_m=p.crown_diameter_m, life_expectancy_years=p.life_expectancy_years,
        climate_2050=p.climate_2050, eco_score=round(eco, 1),
        epr_host=(epr.value == "ja") if epr else p.epr_host, tol_paving=p.tol_paving,
        restriction=restriction, growth_form=form.value if form else "", hazards=hazards,
        disease_risk=disease.value if disease else "", disease_text=disease.text() if disease else "",
        epr_text=epr.text() if epr and epr.value == "ja" else "")


def replant_data(uow) -> tuple[SortimentMatrix, dict[str, SpeciesTraits], MatrixCheck]:
    """Matrix in use, catalogue traits from the database (seeded from the shipped catalogue when
    empty) and the matrix check. Opens `uow`."""
    ensure_catalogue(uow)
    with uow:
        matrix = current_matrix(uow)
        traits = catalogue_traits(uow.catalogue.entries(), _weights(uow))
    return matrix, traits, check_matrix(matrix, traits, source=f"sortiment versie {matrix.version}")
