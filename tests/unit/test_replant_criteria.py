"""Replanting criteria on hand-built cases: exclusions, disease risk, statigheid patterns,
10-20-30 through the catalogue, rule precedence and the matrix check."""

from pathlib import Path

import pytest
from shapely.geometry import LineString

from bomenplan.domain.errors import ValidationError
from bomenplan.domain.laan import Herplantstrategie, Laan, LaanType
from bomenplan.domain.replant_options import replanting_options
from bomenplan.domain.replanting import ReplantContext, SpeciesTraits, Verdict, combined_reasons
from bomenplan.domain.sortiment import Kroonruimte, Profiel, Verharding, parse_matrix_csv
from bomenplan.domain.sortiment_check import check_matrix
from bomenplan.domain.species import normalize_name
from bomenplan.domain.taxon_facts import TaxonFacts, parse_facts_csv
from bomenplan.domain.values import Grootteklasse as G

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
HEADER = "laan_type,kroonruimte,verharding,kabels_leidingen,grootteklassen,voorkeursoorten,toelichting\n"
MATRIX = parse_matrix_csv(HEADER + """*,*,*,*,2|3,Acer campestre,standaard
*,smal,*,*,3,Crataegus laevigata|Malus sylvestris,smal
*,breed,*,*,1a|1b,Quercus robur|Ailanthus altissima,breed
""", "test")


def traits(*items: SpeciesTraits) -> dict:
    return {normalize_name(t.name): t for t in items}


def street(species="", rows=1, hoofd=False, laan_type=LaanType.WOONSTRAAT) -> Laan:
    lines = tuple(LineString([(0, 10 * i), (200, 10 * i)]) for i in range(rows))
    return Laan(1, "Teststraat", lines, 8.0, intended_species=species, laan_type=laan_type,
                hoofdbomenstructuur=hoofd)


SMALL = traits(
    SpeciesTraits("Cornus mas", "Cornus", "Cornaceae", G.G3, 4, 100, 3, 95.0, False, 3,
                  growth_form="meerstammig"),
    SpeciesTraits("Taxus baccata", "Taxus", "Taxaceae", G.G3, 4, 1000, 3, 90.0, False, 3,
                  growth_form="meerstammig", hazards=("giftig: NVIC",)),
    SpeciesTraits("Laburnum anagyroides", "Laburnum", "Fabaceae", G.G3, 4, 60, 3, 90.0, False, 3,
                  hazards=("giftig: zaden",)),
    SpeciesTraits("Crataegus laevigata", "Crataegus", "Rosaceae", G.G3, 5, 100, 3, 70.0, False, 3,
                  hazards=("doorns: meidoorn",)),
    SpeciesTraits("Malus sylvestris", "Malus", "Rosaceae", G.G3, 5, 80, 2, 70.0, False, 2),
)


def test_shrubs_never_and_poisonous_or_thorny_not_near_a_school():
    ctx = ReplantContext(street(), Profiel(Kroonruimte.SMAL), n_to_plant=4)
    proposed = {s for o in replanting_options(ctx, MATRIX, SMALL) for s in o.species}
    assert "Cornus mas" not in proposed and "Taxus baccata" not in proposed  # multi-stem
    assert {"Laburnum anagyroides", "Crataegus laevigata"} <= proposed  # allowed elsewhere
    school = ReplantContext(street(), Profiel(Kroonruimte.SMAL), n_to_plant=4, near_play_or_school=True)
    options = replanting_options(school, MATRIX, SMALL)
    assert {s for o in options for s in o.species} == {"Malus sylvestris"}
    note = options[0].reason("uitgesloten")
    assert "Crataegus laevigata (nabij speelplek of school: doorns" in note.text


def test_invasive_taxon_is_never_proposed_not_even_as_the_laans_own_species():
    big = traits(
        SpeciesTraits("Ailanthus altissima", "Ailanthus", "Simaroubaceae", G.G1B, 12, 80, 3, 99.0,
                      False, 3, restriction="verboden: Unielijst (EU) 1143/2014"),
        SpeciesTraits("Quercus robur", "Quercus", "Fagaceae", G.G1A, 18, 500, 2, 80.0, True, 2))
    ctx = ReplantContext(street("Ailanthus altissima"), Profiel(Kroonruimte.BREED), n_to_plant=3)
    options = replanting_options(ctx, MATRIX, big)
    assert options and all("Ailanthus altissima" not in o.species for o in options)
    assert Herplantstrategie.ZELFDE_SOORT not in {o.strategy for o in options}
    assert "Ailanthus altissima (verboden: Unielijst" in options[0].reason("uitgesloten").text


def test_high_disease_risk_counts_against_the_species_and_a_uniform_laan():
    ash = traits(SpeciesTraits("Fraxinus excelsior", "Fraxinus", "Oleaceae", G.G1A, 15, 200, 2,
                               70.0, False, 2, disease_risk="hoog",
                               disease_text="essentaksterfte (steenwijkerland.nl)"))
    ctx = ReplantContext(street("Fraxinus excelsior"), Profiel(Kroonruimte.BREED), n_to_plant=3)
    same = next(o for o in replanting_options(ctx, MATRIX, ash)
                if o.strategy == Herplantstrategie.ZELFDE_SOORT)
    assert same.reason("ziekterisico").verdict == Verdict.SLECHT
    assert "essentaksterfte" in same.reason("ziekterisico").text
    assert same.reason("robuustheid").verdict == Verdict.SLECHT  # one species, high risk
    assert "hoog ziekterisico" in same.reason("diversiteit").text


def test_shipped_disease_and_restriction_facts_resolve_cultivars():
    facts = TaxonFacts([f for name in ("disease_risk.csv", "planting_restrictions.csv")
                        for f in parse_facts_csv((RESOURCES / "species" / name).read_text("utf-8"), name)])
    assert facts.value("Ulmus minor", "ziekterisico") == "hoog"
    assert facts.value("Ulmus × hollandica 'Lobel'", "ziekterisico") == "laag"  # resistant clone
    assert facts.value("Ulmus × hollandica 'Vegeta'", "ziekterisico") == "hoog"
    assert facts.value("Fraxinus excelsior 'Westhof's Glorie'", "ziekterisico") == "hoog"
    assert facts.value("Aesculus hippocastanum", "ziekterisico") == "hoog"
    assert facts.value("Platanus × hispanica", "ziekterisico") == "matig"
    assert facts.value("Gleditsia triacanthos", "doorns") == "ja"
    assert facts.value("Gleditsia triacanthos 'Skyline'", "doorns") == "nee"
    assert facts.value("Ailanthus altissima", "status") == "verboden"
    assert facts.value("Tilia cordata", "ziekterisico") == ""  # nothing recorded
    assert all(f.source for f in facts.facts)


def test_fact_files_report_conflicts_and_bad_values_with_line():
    text = "taxon,feature,value,note,source\nUlmus,ziekterisico,hoog,x,bron\nUlmus,ziekterisico,laag,y,bron\n"
    with pytest.raises(ValidationError, match="regel 2 en 3"):
        TaxonFacts(parse_facts_csv(text, "f.csv"))
    with pytest.raises(ValidationError, match="f.csv regel 2") as err:
        parse_facts_csv("taxon,feature,value,note,source\nUlmus,ziekterisico,erg,x,bron\n", "f.csv")
    assert err.value.field == "value"


def test_10_20_30_counts_a_cultivar_as_its_species():
    # 150 'Greenspire' + 50 plain Tilia cordata + 800 Acer campestre = 1000 trees; planting 10
    # Tilia cordata gives 210 / 1010 = 20.8 % of one species (> 20 %: slecht). Counting raw
    # names would give 60 / 1010 = 5.9 % (goed).
    cat = traits(SpeciesTraits("Tilia cordata", "Tilia", "Malvaceae", G.G1B),
                 SpeciesTraits("Tilia cordata 'Greenspire'", "Tilia", "Malvaceae", G.G1B),
                 SpeciesTraits("Acer campestre", "Acer", "Sapindaceae", G.G2))
    ctx = ReplantContext(street(), Profiel(), n_to_plant=10,
                         species_counts={"Tilia cordata 'Greenspire'": 150, "Tilia cordata": 50,
                                         "Acer campestre": 800})
    reasons = combined_reasons([cat["tilia cordata"]], ctx, MATRIX.resolve(LaanType.WOONSTRAAT, Profiel()), cat)
    diversity = next(r for r in reasons if r.criterion == "diversiteit")
    assert diversity.verdict == Verdict.SLECHT
    assert diversity.text.startswith("na planten 21% van één soort, 21% van één geslacht, 21% van één familie")


def test_statig_two_sided_laan_mixes_per_side_and_ordinary_laan_per_tree():
    cat = traits(SpeciesTraits("Quercus robur", "Quercus", "Fagaceae", G.G1A, 18, 500, 2, 80.0, True, 2),
                 SpeciesTraits("Tilia × europaea", "Tilia", "Malvaceae", G.G1A, 15, 300, 2, 60.0, False, 2))
    hoofd = ReplantContext(street("Tilia × europaea", rows=2, hoofd=True), Profiel(Kroonruimte.BREED), 4)
    mix = next(o for o in replanting_options(hoofd, MATRIX, cat) if o.strategy == Herplantstrategie.GEMENGD)
    assert mix.pattern.startswith("per zijde") and mix.reason("statigheid").weight == 3
    plain = ReplantContext(street("Tilia × europaea", rows=2), Profiel(Kroonruimte.BREED), 4)
    mix = next(o for o in replanting_options(plain, MATRIX, cat) if o.strategy == Herplantstrategie.GEMENGD)
    assert mix.pattern.startswith("per boom") and mix.reason("statigheid").verdict == Verdict.SLECHT


def test_another_species_scattered_among_standing_trees_is_not_statig():
    cat = traits(SpeciesTraits("Quercus robur", "Quercus", "Fagaceae", G.G1A, 18, 500, 2, 80.0, True, 2),
                 SpeciesTraits("Tilia × europaea", "Tilia", "Malvaceae", G.G1A, 15, 300, 2, 60.0, False, 2))
    # 4 oaks among 36 standing limes: 10 % of the laan, scattered → no uniform image
    ctx = ReplantContext(street("Tilia × europaea", hoofd=True), Profiel(Kroonruimte.BREED), 4,
                         laan_species={"Tilia × europaea": 36})
    oak = next(o for o in replanting_options(ctx, MATRIX, cat) if o.strategy == Herplantstrategie.UNIFORM)
    assert oak.species == ("Quercus robur",) and oak.reason("statigheid").verdict == Verdict.SLECHT
    assert "10%" in oak.reason("statigheid").text


OLD_DEFAULT = HEADER + """*,*,*,*,2|3,Acer campestre,standaard
*,smal,gesloten,*,3,Crataegus laevigata|Sorbus aria,smal verhard
*,smal,*,ja,3,Crataegus laevigata,smal kabels
hoofdbomenstructuur,smal,*,*,1b|2,Tilia cordata,hoofd smal
"""


def test_equally_specific_rules_are_combined_and_keep_the_cables_constraint():
    matrix = parse_matrix_csv(OLD_DEFAULT, "oud")
    # narrow, paved hoofdbomenstructuur with cables: lines 3, 4 and 5 all match 2 constraints;
    # line order used to pick line 5 (1b|2) and drop the cables; now: no common size → the
    # most limiting rule's class 3, and the tie is named.
    choice = matrix.resolve(LaanType.HOOFDBOMENSTRUCTUUR, Profiel(Kroonruimte.SMAL, Verharding.GESLOTEN, True))
    assert choice.rule.grootteklassen == (G.G3,)
    assert [r.line for r in choice.tied] == [3, 4, 5]
    assert "regels 3, 4, 5 even specifiek" in choice.note
    # narrow paved street without cables: lines 3 (3) and 5 (1b|2): again class 3, reported
    assert matrix.lookup(LaanType.HOOFDBOMENSTRUCTUUR, Profiel(Kroonruimte.SMAL, Verharding.GESLOTEN)).grootteklassen == (G.G3,)
    shipped = parse_matrix_csv((RESOURCES / "sortiment" / "default_matrix.csv").read_text("utf-8"), "s")
    hoofd = shipped.resolve(LaanType.HOOFDBOMENSTRUCTUUR, Profiel(Kroonruimte.SMAL, Verharding.GESLOTEN, True))
    assert len(hoofd.tied) == 1 and hoofd.rule.grootteklassen == (G.G3,)  # explicit rule


def test_matrix_check_names_each_conflict_with_the_catalogue():
    cat = traits(SpeciesTraits("Acer campestre", "Acer", "Sapindaceae", G.G2),
                 SpeciesTraits("Crataegus laevigata", "Crataegus", "Rosaceae", G.G3),
                 SpeciesTraits("Sorbus aria", "Sorbus", "Rosaceae", G.G2),
                 SpeciesTraits("Tilia cordata", "Tilia", "Malvaceae", G.G1B))
    check = check_matrix(parse_matrix_csv(OLD_DEFAULT, "oud"), cat, source="oud.csv")
    assert check.conflicts == ("oud.csv regel 3: voorkeursoort Sorbus aria heeft volgens de catalogus "
                               "grootteklasse 2, de regel staat alleen 3 toe",)
    assert any("regels 3, 4, 5" in tie for tie in check.ties)


def test_shipped_matrix_agrees_with_the_shipped_catalogue():
    from bomenplan.services.sortiment_data import catalogue_traits, default_matrix
    from bomenplan.services.species_csv import load_resource_catalogue

    traits_ = catalogue_traits(load_resource_catalogue())
    check = check_matrix(default_matrix(), traits_)
    assert check.conflicts == ()
    # the two remaining ties both keep the cables constraint (class 3)
    assert all(tie.endswith("grootteklasse 3") for tie in check.ties)
    assert traits_["ailanthus altissima"].restriction.startswith("verboden")
    assert traits_["prunus serotina"].restriction  # invasive
    assert traits_["cornus mas"].growth_form == "meerstammig"
    assert traits_["taxus baccata"].hazards and traits_["fraxinus excelsior"].disease_risk == "hoog"


def test_a_columnar_cultivar_does_not_keep_the_image_of_a_broad_crowned_laan():
    from bomenplan.domain.replant_criteria import statigheid_reason

    beech = SpeciesTraits("Fagus sylvatica", "Fagus", "Fagaceae", G.G1A, 18, 250, 2, 63.0, False, 2)
    oak = SpeciesTraits("Quercus robur", "Quercus", "Fagaceae", G.G1A, 18, 500, 2, 82.0, True, 2)
    columnar = SpeciesTraits("Quercus robur 'Fastigiata'", "Quercus", "Fagaceae", G.G1A, 5, 500, 2,
                             82.0, True, 2)
    genera = {"Fagus", "Quercus"}  # the Hoofdlaan: old beech and oak
    broad = statigheid_reason(Herplantstrategie.UNIFORM, None, [oak], beech, genera, True)
    narrow = statigheid_reason(Herplantstrategie.UNIFORM, None, [columnar], beech, genera, True)
    assert broad.verdict == Verdict.GOED  # 18 m crown like the beech's 18 m
    # 5 m is under 60 % of 18 m (10.8 m): another image, whatever the genus
    assert narrow.verdict == Verdict.MATIG and "5 m tegen 18 m" in narrow.text
