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
