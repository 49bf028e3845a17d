"""Charts: whole-number count axes, species as horizontal bars with readable names."""

from bomenplan.ui.views.chart_axes import count_ticks
from bomenplan.ui.views.species_statistics_panel import SpeciesStatisticsPanel


def test_count_ticks_are_whole_round_numbers_covering_the_maximum():
    assert count_ticks(3) == [(0, "0"), (1, "1"), (2, "2"), (3, "3")]
    assert [v for v, _ in count_ticks(7)] == [0, 2, 4, 6, 8]
    assert count_ticks(1364) == [(0, "0"), (500, "500"), (1000, "1.000"), (1500, "1.500")]
    assert count_ticks(0) == [(0, "0"), (1, "1")]  # an empty chart still shows whole numbers


def test_species_are_horizontal_bars_named_on_the_left(qtbot):
    panel = SpeciesStatisticsPanel()
    qtbot.addWidget(panel)
    stats = {"n": 5, "mean_score": 55.14, "known": 1234, "native": {"inheems": 5},
             "species": {"Quercus robur": 3, "Tilia × europaea": 2},
             "age": {"0-10": 5}, "size": {"onbekend": 5}}
    panel.show_statistics(stats, "Zichtbare bomen")
    left = panel.species_chart.getAxis("left")._tickLevels[0]
    assert left == [(0, "Quercus robur"), (-1, "Tilia × europaea")]
    assert panel.species_chart.getAxis("bottom")._tickLevels[0] == [(0, "0"), (1, "1"), (2, "2"),
                                                                    (3, "3")]
    assert panel.age_chart.getAxis("left")._tickLevels[0][-1] == (5, "5")
    assert "55,1" in panel.summary.text() and "1.234 bomen met bekende soort" in panel.summary.text()
    assert "5 bomen" in panel.summary.text()


def test_rare_statuses_stay_visible_at_city_zoom():
    import numpy as np

    from bomenplan.ui.views.map_items import splat_points

    # one stump first, then 99 living trees on the same pixel: the stump's colour must win
    x = np.full(100, 5.0)
    y = np.full(100, 5.0)
    groups = np.array([1] + [0] * 99)
    argb = np.array([0xFF00FF00, 0xFF8D6E63], dtype=np.uint32)
    buffer = splat_points(x, y, groups, argb, (0.0, 10.0, 0.0, 10.0), 10, 10, 1)
    assert buffer[5, 5] == 0xFF8D6E63

