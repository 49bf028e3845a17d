"""Ecological score: orderings defended in Groenvisie Assen §3.6 and the explanation adds up."""

import pytest

from bomenplan.domain.ecology import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
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
