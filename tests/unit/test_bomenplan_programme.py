"""Plan parts of the Bomenplan worked out by hand: planting season, the measures table and the base
map clipped to the printed extent."""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import Polygon, box

from bomenplan.domain.base_map import GEBOUWEN, GROEN, BaseMapFeature
from bomenplan.domain.soil_volume import ShortageSummary
from bomenplan.services.bomenplan_base import clipped_base_map
from bomenplan.services.bomenplan_extras import Extras
from bomenplan.services.bomenplan_programme import SOIL_ROWS, measures, planting_season
from bomenplan.services.bomenplan_report import LaanRow


@pytest.mark.parametrize(("on", "season"), [(date(2026, 11, 30), "plantseizoen 2026-2027"),
                                            (date(2027, 2, 1), "plantseizoen 2026-2027"),
                                            (date(2027, 4, 1), "plantseizoen 2027-2028")])
def test_planting_season_is_the_next_november_to_march_not_yet_over(on, season):
    assert planting_season(on) == season


def _extras(soil=None, standplaats=None) -> Extras:
    return Extras(None, "", standplaats, None, None, None, (), soil, None)


def test_measures_plant_the_missing_trees_per_laan_and_list_the_largest_soil_shortages():
    rows = [LaanRow("Hoofdlaan", "matig", 258, 30, 25, 90.0, "zelfde soort", "Fagus sylvatica"),
            LaanRow("Markt", "goed", 25, 0, 0, 100.0, "zelfde soort", "Acer platanoides")]
    soil = [ShortageSummary(f"straat {i}", 10, 10, 2, float(i)) for i in range(SOIL_ROWS + 2)]
    out = measures(rows, _extras(soil, (3, 4)), date(2026, 11, 30))
    herplant = [m for m in out if m.kind == "herplant"]
    assert [(m.where, m.amount, m.what) for m in herplant] == [("Hoofdlaan", 30, "zelfde soort: Fagus sylvatica")]
    groei = [m for m in out if m.kind == "groeiplaats"]
    assert (groei[0].what, groei[0].amount) == ("openstaande standplaatsproblemen oplossen", 4)
    # 12 straten short 0..11 m³: the 10 largest (11 … 2) each, then the 2 others together (1 + 0)
    assert [m.where for m in groei[1:-1]] == [f"straat {i}" for i in range(11, 1, -1)]
    assert (groei[-1].where, groei[-1].amount) == ("2 andere straten", 4)
    assert "tekort 1 m³" in groei[-1].what


def test_base_map_is_clipped_to_the_extent_in_layer_order_with_holes():
    park = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)], [[(60, 40), (80, 40), (80, 60), (60, 60)]])
    features = [BaseMapFeature(GEBOUWEN, "", "bouwblok", box(10, 10, 20, 20)),
                BaseMapFeature(GROEN, "park", "park", park),
                BaseMapFeature(GEBOUWEN, "", "bouwblok", box(500, 500, 510, 510))]  # off the map
    out = clipped_base_map(features, (50.0, -10.0, 150.0, 90.0))
    assert [layer for layer, _ in out] == [GROEN]  # the block at 10-20 lies left of x = 50
    (outer, hole) = out[0][1]
    # the park's part right of x = 50 and below y = 90: 50 × 90 m, with its 20 × 20 m hole inside
    assert Polygon(outer).area == pytest.approx(50 * 90)
    assert Polygon(hole).area == pytest.approx(20 * 20)
