"""Santamour 10-20-30 on hand-built stocks with exact percentages."""

import numpy as np
import pytest

from bomenplan.domain.diversity import TaxonColumns, santamour, what_if_plant
from bomenplan.domain.errors import ValidationError


def stock(rows):
    """rows: (species, genus, family, group) tuples."""
    arr = np.array(rows, dtype=object)
    return TaxonColumns(arr[:, 0], arr[:, 1], arr[:, 2]), arr[:, 3]


LIME = ("Tilia cordata", "Tilia", "Malvaceae")
OAK = ("Quercus robur", "Quercus", "Fagaceae")
BEECH = ("Fagus sylvatica", "Fagus", "Fagaceae")
MAPLE = ("Acer campestre", "Acer", "Sapindaceae")
BIRCH = ("Betula pendula", "Betula", "Betulaceae")


def test_whole_stock_percentages_are_exact():
    rows = [(*LIME, "A")] * 3 + [(*OAK, "A")] * 2 + [(*BEECH, "A")] * 2 + [(*MAPLE, "B")] * 2 + [(*BIRCH, "B")]
    taxa, _groups = stock(rows)
    (whole,) = santamour(taxa)
    assert whole.trees == 10
    top = whole.largest("species")
    assert (top.taxon, top.count, top.total, top.percent) == ("Tilia cordata", 3, 10, 30.0)
    fam = whole.largest("family")
    assert (fam.taxon, fam.percent) == ("Fagaceae", 40.0)
    warned = {(w.level, w.taxon) for w in whole.warnings}
    # species > 10 %: lime 30, oak 20, beech 20, maple 20; genus > 20 %: Tilia 30; family > 30 %: Fagaceae 40
    assert warned == {("species", "Tilia cordata"), ("species", "Quercus robur"),
                      ("species", "Fagus sylvatica"), ("species", "Acer campestre"),
                      ("genus", "Tilia"), ("family", "Fagaceae")}


def test_exactly_at_the_limit_is_not_exceeded():
    rows = [(*LIME, "w")] + [(f"sp{i}", f"g{i}", f"f{i}", "w") for i in range(9)]
    (res,) = santamour(stock(rows)[0])
    lime = next(s for s in res.top["species"] if s.taxon == "Tilia cordata")
    assert lime.percent == 10.0 and not lime.exceeded
    assert res.warnings == ()


def test_per_group_and_unknown_taxa():
    rows = [(*OAK, "Noord")] * 4 + [("", "", "", "Noord")] + [(*LIME, "Zuid"), (*MAPLE, "Zuid")]
    taxa, groups = stock(rows)
    result = {r.group: r for r in santamour(taxa, groups)}
    assert set(result) == {"Noord", "Zuid"}
    noord = result["Noord"]
    assert noord.trees == 5 and noord.unknown["species"] == 1
    assert noord.largest("species").percent == 100.0  # 4 of the 4 known
    assert result["Zuid"].largest("genus").percent == 50.0


def test_what_if_planting_changes_the_group_only():
    rows = [(*OAK, "A")] * 2 + [(*LIME, "A")] * 2 + [(*BIRCH, "B")] * 5
    taxa, groups = stock(rows)
    result = what_if_plant(taxa, groups, "A", 4, *MAPLE)
    assert result.before.trees == 4 and result.after.trees == 8
    assert result.share_change("species") == (0.0, 50.0)
    assert result.after.largest("species").taxon == "Acer campestre"
    before_oak = next(s for s in result.before.top["species"] if s.taxon == "Quercus robur")
    after_oak = next(s for s in result.after.top["species"] if s.taxon == "Quercus robur")
    assert (before_oak.percent, after_oak.percent) == (50.0, 25.0)


def test_what_if_rejects_negative_count():
    taxa, groups = stock([(*OAK, "A")])
    with pytest.raises(ValidationError):
        what_if_plant(taxa, groups, "A", -1, *MAPLE)
