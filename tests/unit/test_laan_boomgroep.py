"""Trees recorded as park group (boomweide) or solitary never form a laan, however regular."""

import numpy as np
import pytest
from laan_generator import LaanSpec, generate

from bomenplan.domain.laan_detection import detect_lanen


def test_regular_row_is_a_laan_when_boomgroep_unknown_or_laanboom():
    gen = generate([LaanSpec(n=25, jitter=0.0)], seed=4)
    assert len(detect_lanen(gen.cols)) == 1
    gen.cols.boomgroep[:] = "laanboom"
    assert len(detect_lanen(gen.cols)) == 1


@pytest.mark.parametrize("boomgroep", ["boomweide", "solitair"])
def test_park_or_solitary_trees_in_a_row_are_not_a_laan(boomgroep):
    gen = generate([LaanSpec(n=25, jitter=0.0, straat="Park Veenhof")], seed=4)
    gen.cols.boomgroep[:] = boomgroep
    assert detect_lanen(gen.cols) == []


def test_only_the_street_trees_of_a_mixed_register_are_used():
    gen = generate([LaanSpec(n=25, jitter=0.0), LaanSpec(n=25, jitter=0.0, straat="Asserbos",
                                                         origin=(231000.0, 556000.0))], seed=4)
    gen.cols.boomgroep[:] = np.where(gen.cols.straat == "Asserbos", "boomweide", "laanboom")
    assert [laan.straat for laan in detect_lanen(gen.cols)] == ["Hoofdlaan"]
