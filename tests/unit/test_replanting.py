"""Sortiment matrix and replanting options on a hand-built case."""

from pathlib import Path

import pytest
from shapely.geometry import LineString

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.laan import Herplantstrategie, Laan, LaanChoice, LaanType
from bomenplan.domain.replant_options import replanting_options
from bomenplan.domain.replanting import (
    ReplantContext,
    SpeciesTraits,
    Verdict,
    planting_size,
)
from bomenplan.domain.sortiment import (
    Kroonruimte,
    Profiel,
    Verharding,
    matrix_to_csv,
    parse_matrix_csv,
)
from bomenplan.domain.species import normalize_name
from bomenplan.domain.values import Grootteklasse as G

MATRIX_FILE = Path(__file__).resolve().parents[2] / "resources" / "sortiment" / "default_matrix.csv"


@pytest.fixture(scope="module")
def matrix():
    return parse_matrix_csv(MATRIX_FILE.read_text(encoding="utf-8"), "test")


TRAITS = {normalize_name(t.name): t for t in [
    SpeciesTraits("Tilia × europaea", "Tilia", "Malvaceae", G.G1A, 15, 300, 3, 55.0, False, 2),
    SpeciesTraits("Quercus robur", "Quercus", "Fagaceae", G.G1A, 18, 500, 2, 80.0, True, 2),
    SpeciesTraits("Fagus sylvatica", "Fagus", "Fagaceae", G.G1A, 15, 250, 3, 50.0, False, 1),
    SpeciesTraits("Ulmus laevis", "Ulmus", "Ulmaceae", G.G1A, 15, 250, 3, 60.0, False, 2,
                  disease_risk="matig", disease_text="iepziekte"),
    SpeciesTraits("Sorbus aria", "Sorbus", "Rosaceae", G.G2, 6, 100, 1, 40.0, False, 2),
    SpeciesTraits("Crataegus laevigata", "Crataegus", "Rosaceae", G.G3, 5, 100, 3, 70.0, False, 3),
]}


def hoofdlaan(species="Tilia × europaea"):
    return Laan(1, "Hoofdlaan", (LineString([(0, 0), (300, 0)]),), 9.0, intended_species=species,
                laan_type=LaanType.HOOFDBOMENSTRUCTUUR, hoofdbomenstructuur=True)


def test_matrix_defaults_follow_groenvisie(matrix):
    hbs = matrix.lookup(LaanType.HOOFDBOMENSTRUCTUUR, Profiel(Kroonruimte.BREED))
    assert hbs.grootteklassen == (G.G1A,) and {"Tilia × europaea", "Quercus robur"} <= set(hbs.voorkeursoorten)
    narrow = matrix.lookup(LaanType.WOONSTRAAT, Profiel(Kroonruimte.SMAL, Verharding.GESLOTEN, True))
    assert narrow.grootteklassen == (G.G3,) and narrow.voorkeursoorten  # always a tree
    for laan_type in LaanType:
        for k in Kroonruimte:
            for v in Verharding:
                assert matrix.lookup(laan_type, Profiel(k, v, False)).voorkeursoorten


def test_matrix_round_trips_and_reports_bad_lines(matrix):
    again = parse_matrix_csv(matrix_to_csv(matrix), "kopie")
    assert again.rules == matrix.rules
    bad = matrix_to_csv(matrix).replace("hoofdbomenstructuur,*,*,*,1a|1b", "hoofdbomenstructuur,*,*,*,4x", 1)
    with pytest.raises(ValidationError, match="regel 9") as err:
        parse_matrix_csv(bad, "fout")
    assert err.value.field == "grootteklassen"
    no_catch_all = "\n".join(line for line in matrix_to_csv(matrix).splitlines() if not line.startswith("*,*,*,*"))
    with pytest.raises(ValidationError, match="altijd|elke straat"):
        parse_matrix_csv(no_catch_all, "zonder")


def test_lime_hoofdlaan_keeps_zelfde_soort_among_the_two_best(matrix):
    # The wijk is already 30 % lime. Worked out by hand (points: goed 2, matig 0.5, slecht -2,
    # onbekend 0; on the hoofdbomenstructuur statigheid x3 and 10-20-30 x0.5; disease matig -0.5):
    # zelfde soort Tilia x europaea: matrix 2 + klimaat 2 + ecologie(55) 0.5 + epr 2 + levensduur 2
    #   + diversiteit(325/1025 = 32 %, +1.7 points) -2x0.5 + statigheid 2x3 + robuustheid 0.5 = 14.0
    # uniform Ulmus laevis: 2 + 2 + 2 + 2 - 0.5 + 2 + diversiteit 2x0.5 + statigheid 0.5x3 + 0.5 = 12.5
    # uniform Quercus robur: 2 + 0.5 + 2 + 0.5 + 2 + 1 + 1.5 + 0.5 = 10.0
    # gemengd Ulmus laevis + Quercus robur per vak: 2 + 0.5 + 2 + 0.5 - 0.5 + 2 + 1 + 1.5 + 2 = 11.0
    ctx = ReplantContext(hoofdlaan(), Profiel(Kroonruimte.BREED), n_to_plant=25,
                         species_counts={"Tilia × europaea": 300, "Acer campestre": 400,
                                         "Fraxinus excelsior": 300}, mean_diameter_cm=55.0)
    options = replanting_options(ctx, matrix, TRAITS)
    scores = {(o.strategy, o.species): o.score for o in options}
    same = next(o for o in options if o.strategy == Herplantstrategie.ZELFDE_SOORT)
    assert same.species == ("Tilia × europaea",) and same.score == 14.0
    assert same is options[0]
    assert same.reason("statigheid").verdict == Verdict.GOED and same.reason("statigheid").weight == 3
    assert "§4.1" in same.reason("statigheid").text
    assert same.reason("robuustheid").verdict == Verdict.MATIG  # the other side of the weighing
    assert same.reason("diversiteit").verdict == Verdict.SLECHT
    assert same.reason("bodemvolume").verdict == Verdict.ONBEKEND  # unknown is not fine
    assert scores[(Herplantstrategie.UNIFORM, ("Ulmus laevis",))] == 12.5
    assert scores[(Herplantstrategie.UNIFORM, ("Quercus robur",))] == 10.0
    mix = next(o for o in options if set(o.species) == {"Ulmus laevis", "Quercus robur"})
    assert mix.score == 11.0 and mix.pattern.startswith("per vak")  # one-sided laan: per section
    assert mix.reason("robuustheid").verdict == Verdict.GOED
    assert mix.reason("statigheid").verdict == Verdict.MATIG
    assert not any("per boom" in o.pattern for o in options)  # never tree by tree here
    assert "bomenbank" in same.planting_size  # mature laan: large stock
    assert all(o.reason("matrix").verdict != Verdict.SLECHT for o in options)
    assert "Sorbus aria" not in {s for o in options for s in o.species}  # size 2 does not fit 1a
    assert [o.score for o in options] == sorted((o.score for o in options), reverse=True)


def test_unknown_species_and_soil_volume_are_shown_as_unknown(matrix):
    ctx = ReplantContext(hoofdlaan("Onbekendus vreemdus"), Profiel(Kroonruimte.BREED), 3,
                         soil_volume_m3=200.0)
    same = replanting_options(ctx, matrix, TRAITS)
    own = next(o for o in same if o.strategy == Herplantstrategie.ZELFDE_SOORT)
    assert own.reason("matrix").verdict == Verdict.ONBEKEND
    assert own.reason("klimaat").verdict == Verdict.ONBEKEND
    assert own.reason("bodemvolume").verdict == Verdict.ONBEKEND  # crown size unknown
    oak = next(o for o in same if o.species == ("Quercus robur", "Tilia × europaea")
               or "Quercus robur" in o.species)
    assert oak.reason("bodemvolume").verdict == Verdict.GOED


def test_narrow_paved_street_gets_small_species_and_paving_reason(matrix):
    laan = Laan(2, "Smalle straat", (LineString([(0, 0), (80, 0)]),), 8.0, intended_species="Fagus sylvatica")
    ctx = ReplantContext(laan, Profiel(Kroonruimte.SMAL, Verharding.GESLOTEN, True), 2,
                         soil_volume_m3=8.0, mean_diameter_cm=10.0)
    options = replanting_options(ctx, matrix, TRAITS)
    beech = next(o for o in options if o.strategy == Herplantstrategie.ZELFDE_SOORT)
    assert beech.reason("matrix").verdict == Verdict.SLECHT
    assert beech.reason("verharding").verdict == Verdict.MATIG
    assert beech.reason("bodemvolume").verdict == Verdict.SLECHT
    assert options[0].species == ("Crataegus laevigata",)  # uniform: the fitting small species
    assert beech is options[-1]
    assert "16-18" in planting_size(ctx)


def test_choice_needs_species_and_rationale():
    with pytest.raises(ValidationError):
        LaanChoice(None, 1, Herplantstrategie.GEMENGD, (), "", "", "motief", "2026-01-01T00:00:00")
    with pytest.raises(ValidationError):
        LaanChoice(None, 1, Herplantstrategie.GEMENGD, ("Quercus robur",), "", "", " ", "2026-01-01T00:00:00")


def test_laan_rejects_bad_geometry_and_spacing():
    with pytest.raises(ValidationError, match="rijen"):
        Laan(None, "x", (), 9.0)
    with pytest.raises(ValidationError, match="plantafstand"):
        Laan(None, "x", (LineString([(0, 0), (10, 0)]),), 80.0)


def test_diversity_counts_the_family_too(matrix):
    # Oak alone would be matig (13 %), but Fagaceae (oak + beech) passes 40 % of the wijk.
    ctx = ReplantContext(hoofdlaan("Quercus robur"), Profiel(Kroonruimte.BREED), n_to_plant=10,
                         species_counts={"Quercus robur": 90, "Fagus sylvatica": 230,
                                         **{f"Soort{i} x": 50 for i in range(9)}})
    same = next(o for o in replanting_options(ctx, matrix, TRAITS)
                if o.strategy == Herplantstrategie.ZELFDE_SOORT)
    reason = same.reason("diversiteit")
    assert reason.verdict == Verdict.SLECHT and "familie" in reason.text
