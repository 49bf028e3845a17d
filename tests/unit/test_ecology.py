"""Ecological score: orderings defended in Groenvisie Assen §3.6 and the explanation adds up."""

import math

import pytest

from bomenplan.domain.ecology import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    WEIGHTS_2026_1,
    EcoProfile,
    EcoWeights,
    NativeStatus,
    ecological_score,
)
from bomenplan.domain.errors import ValidationError
from bomenplan.services.species_csv import load_resource_catalogue


@pytest.fixture(scope="module")
def scores():
    return {e.species.full_name: e.score() for e in load_resource_catalogue()}


@pytest.mark.parametrize(("better", "worse"), [
    ("Salix alba", "Quercus rubra"),  # ~450 vs ~12 insect species (Groenvisie §3.6)
    ("Quercus robur", "Platanus × hispanica"),
    ("Crataegus monogyna", "Prunus serrulata 'Kanzan'"),  # native host vs sterile ornamental
    ("Prunus padus", "Prunus serotina"),  # native vs invasive American bird cherry
    ("Tilia cordata", "Tilia tomentosa"),  # native lime vs exotic lime
    ("Betula pendula", "Betula utilis"),
    ("Sorbus aucuparia", "Sorbus intermedia"),
    ("Acer campestre", "Acer saccharinum"),
    ("Aesculus hippocastanum", "Aesculus hippocastanum 'Baumannii'"),  # sterile double flowers
    ("Malus sylvestris", "Pyrus calleryana 'Chanticleer'"),
])
def test_score_orderings(scores, better, worse):
    assert scores[better].total > scores[worse].total


def test_every_explanation_sums_exactly_to_the_score(scores):
    for score in scores.values():
        assert sum(c.points for c in score.components) == score.total
        assert 0 <= score.total <= 100
        assert [c.name for c in score.components] == list(COMPONENTS)


def test_components_carry_weight_and_source(scores):
    score = scores["Quercus robur"]
    insects = next(c for c in score.components if c.name == "insects")
    assert insects.raw == "423"
    assert insects.weight == DEFAULT_WEIGHTS.weights["insects"]
    assert "Southwood" in insects.source
    assert score.weights_version == DEFAULT_WEIGHTS.version


def test_maximal_profile_scores_100_and_empty_profile_is_explained():
    best = EcoProfile(insect_species=450, nectar=5, pollen=5, waardboom_vlinders=True,
                      waardboom_vogels=True, fruit_birds=True, fruit_people=True,
                      native_status=NativeStatus.INHEEMS, climate_2050=3)
    assert ecological_score(best).total == pytest.approx(100.0)
    empty = ecological_score(EcoProfile())
    # unknown climate counts half; not invasive counts full; everything else zero
    assert empty.total == pytest.approx(DEFAULT_WEIGHTS.weights["not_invasive"]
                                        + DEFAULT_WEIGHTS.weights["climate_2050"] / 2)


def test_weights_are_versioned_and_change_the_score():
    profile = EcoProfile(insect_species=450, native_status=NativeStatus.EXOOT)
    w = dict(DEFAULT_WEIGHTS.weights, insects=60.0, nectar=0.0, pollen=0.0, fruit=0.0)
    heavy = EcoWeights("test-2", w)
    assert ecological_score(profile, heavy).total > ecological_score(profile).total
    assert ecological_score(profile, heavy).weights_version == "test-2"


def test_weights_must_sum_to_100():
    with pytest.raises(ValidationError):
        EcoWeights("bad", dict(DEFAULT_WEIGHTS.weights, insects=31.0))


def test_edit_value_requires_source_and_checks_range():
    p = EcoProfile(nectar=1)
    edited = p.with_value("nectar", "4", "Imkerpedia")
    assert edited.nectar == 4 and edited.source("bees") == "Imkerpedia"
    with pytest.raises(ValidationError):
        p.with_value("nectar", "7", "bron")
    with pytest.raises(ValidationError):
        p.with_value("nectar", "3", " ")


# eco-2026.2 by hand: insects 40 × sqrt(n/450), nectar 5 × n/5, pollen 5 × p/5, waardboom 5 ×
# (vlinders+vogels)/2, fruit 10 × (0.7 birds + 0.3 people), native 15 × (1 / 0.5 / 0),
# not invasive 10, climate 10 × class/3. Profiles from catalogue.csv.
@pytest.mark.parametrize(("name", "total"), [
    ("Salix alba", 40 + 5 + 5 + 5 + 0 + 15 + 10 + 10),  # 90.0
    ("Quercus robur", 40 * (423 / 450) ** 0.5 + 5 + 7 + 15 + 10 + 10 * 2 / 3),  # 82.45
    ("Tilia cordata", 40 * (57 / 450) ** 0.5 + 5 + 5 + 5 + 15 + 10 + 10 * 2 / 3),  # 60.90
    ("Prunus cerasifera", 40 * (15 / 450) ** 0.5 + 5 + 5 + 5 + 10 + 7.5 + 10 + 10),  # 59.80
    ("Quercus rubra", 40 * (12 / 450) ** 0.5 + 7 + 7.5 + 0 + 10),  # 31.03 (invasive)
    ("Platanus × hispanica", 40 * (1 / 450) ** 0.5 + 10 + 10),  # 21.89
])
def test_hand_worked_totals_eco_2026_2(scores, name, total):
    assert scores[name].total == pytest.approx(total, abs=1e-9)
    assert scores[name].weights_version == "eco-2026.2"


COMMON_STREET_AND_PARK_TREES = (
    "Quercus robur", "Salix alba", "Tilia cordata", "Tilia × europaea", "Tilia platyphyllos",
    "Acer campestre", "Acer platanoides", "Acer pseudoplatanus", "Betula pendula",
    "Fagus sylvatica", "Fraxinus excelsior", "Carpinus betulus", "Platanus × hispanica",
    "Aesculus hippocastanum", "Prunus avium", "Prunus cerasifera", "Quercus rubra",
    "Alnus glutinosa", "Populus × canadensis", "Ulmus × hollandica", "Sorbus aucuparia",
    "Crataegus monogyna", "Gleditsia triacanthos", "Robinia pseudoacacia", "Pyrus calleryana",
    "Corylus colurna", "Liquidambar styraciflua", "Ginkgo biloba")


def test_oak_and_willow_lead_the_common_trees(scores):
    ranked = sorted(COMMON_STREET_AND_PARK_TREES, key=lambda n: -scores[n].total)
    assert {"Quercus robur", "Salix alba"} <= set(ranked[:5])


@pytest.mark.parametrize(("better", "worse", "margin"), [
    ("Quercus robur", "Prunus cerasifera", 20),  # 82.45 vs 59.80
    ("Tilia cordata", "Platanus × hispanica", 30),  # 60.90 vs 21.89
    ("Quercus robur", "Quercus rubra", 50),  # 82.45 vs 31.03: "well below"
])
def test_defensible_orderings_with_margin(scores, better, worse, margin):
    assert scores[better].total - scores[worse].total > margin


def test_old_weights_version_still_scores_on_the_log_scale():
    oak = next(e for e in load_resource_catalogue() if e.species.full_name == "Quercus robur")
    # 30 × ln(424)/ln(451) + 5 + 7 + 15 + 10 + 10 × 2/3 = 29.69 + 43.67
    expected = 30 * math.log(424) / math.log(451) + 5 + 7 + 15 + 10 + 10 * 2 / 3
    score = oak.score(WEIGHTS_2026_1)
    assert score.total == pytest.approx(expected, abs=1e-9)
    assert score.weights_version == "eco-2026.1"
