"""Detection and gap analysis on generated lanen with known gaps."""

import pytest
from laan_generator import LaanSpec, generate, precision_recall
from shapely.geometry import LineString

from bomenplan.domain.laan_detection import detect_lanen
from bomenplan.domain.laan_gaps import GapCause, find_laan_gaps
from bomenplan.domain.laan_quality import LaanKwaliteit, QualityThresholds, analyse_lanen

GAPS = dict(missing=(4, 9, 10, 17), stumps=(13, 22))

CASES = {
    "spacing 8 m": LaanSpec(spacing=8.0, **GAPS),
    "spacing 12 m": LaanSpec(spacing=12.0, **GAPS),
    "jitter 0": LaanSpec(jitter=0.0, **GAPS),
    "jitter 0.6 m": LaanSpec(jitter=0.6, **GAPS),
    "gentle curve r=250 m": LaanSpec(curve_radius=250.0, **GAPS),
    "curve r=120 m": LaanSpec(curve_radius=120.0, spacing=9.0, **GAPS),
    "two-sided": LaanSpec(two_sided=True, **GAPS),
    "two-sided curved": LaanSpec(two_sided=True, curve_radius=300.0, angle_deg=35.0, **GAPS),
    "three missing in a row": LaanSpec(missing=(10, 11, 12)),
    "long gap of six": LaanSpec(n=40, missing=(15, 16, 17, 18, 19, 20)),
    "stumps at both ends": LaanSpec(stumps=(0, 1, 29)),
    "stump in a gap": LaanSpec(missing=(11,), stumps=(10, 12)),
    "diagonal street": LaanSpec(angle_deg=57.0, **GAPS),
}


@pytest.mark.parametrize("spec", CASES.values(), ids=CASES.keys())
def test_generated_gaps_found_with_precision_and_recall(spec):
    gen = generate([spec], park_trees=300, seed=3)
    lanen = detect_lanen(gen.cols)
    assert len(lanen) == 1
    assert len(lanen[0].rows) == (2 if spec.two_sided else 1)
    assert lanen[0].spacing_m == pytest.approx(spec.spacing, rel=0.05)
    analysis = analyse_lanen(lanen, gen.cols)
    found = [p for g in analysis.gaps for p in g.positions]
    precision, recall = precision_recall(found, gen.true_gaps, spec.spacing / 2)
    assert precision == 1.0
    assert recall == 1.0


def test_causes_name_the_stump_and_the_missing_tree():
    gen = generate([LaanSpec(missing=(11,), stumps=(10, 12))], seed=5)
    laan = detect_lanen(gen.cols)[0]
    gaps = find_laan_gaps(laan, gen.cols)
    assert len(gaps) == 1
    gap = gaps[0]
    assert gap.n_missing == 3
    assert gap.causes == (GapCause.STOBBE, GapCause.ONTBREEKT, GapCause.STOBBE)
    assert gap.tree_ids[0] in gen.stump_ids and gap.tree_ids[1] is None
    assert gap.cause_text == "stobbe, ontbreekt"


def test_end_gap_when_the_row_line_reaches_beyond_the_last_tree():
    gen = generate([LaanSpec(n=20, spacing=10.0, jitter=0.0)], seed=2)
    laan = detect_lanen(gen.cols)[0]
    (x0, y0), (x1, y1) = laan.rows[0].coords[0], laan.rows[0].coords[-1]
    longer = laan.with_changes(rows=(LineString([(x0, y0), (x1 + 30.0, y1)]),))
    gaps = find_laan_gaps(longer, gen.cols)
    assert [(g.at_end, g.n_missing, g.causes[0]) for g in gaps] == [(True, 3, GapCause.ONTBREEKT)]


def test_random_park_trees_give_almost_never_a_laan_and_never_gaps_outside_lanen():
    parks = [generate([], park_trees=n, seed=seed) for seed in range(10) for n in (300, 800)]
    found = [detect_lanen(p.cols) for p in parks]
    assert sum(len(f) for f in found) <= 1  # 20 random parks: at most one chance alignment
    clean = [p for p, f in zip(parks, found, strict=True) if not f]
    assert analyse_lanen([], clean[0].cols).gaps == []


def test_solitary_trees_far_apart_form_no_laan():
    spec = LaanSpec(n=12, spacing=60.0, jitter=15.0, straat="")
    gen = generate([spec], seed=4)
    assert detect_lanen(gen.cols) == []


def test_two_streets_crossing_stay_separate_lanen():
    a = LaanSpec(n=30, straat="Noordlaan", origin=(230000.0, 555000.0))
    b = LaanSpec(n=30, straat="Dwarsstraat", origin=(230145.0, 554855.0), angle_deg=90.0)
    lanen = detect_lanen(generate([a, b], seed=8).cols)
    assert sorted(laan.straat for laan in lanen) == ["Dwarsstraat", "Noordlaan"]


def test_quality_flags_small_replacements_and_classifies():
    spec = LaanSpec(n=40, missing=tuple(range(5, 35, 3)), small=(2, 4, 36, 38))
    gen = generate([spec], seed=9)
    lanen = detect_lanen(gen.cols)
    q = analyse_lanen(lanen, gen.cols).quality[0]
    assert q.missing == 10 and q.living == 30 and q.expected == 40
    assert q.completeness_pct == 75.0
    assert len(q.misfit_tree_ids) == 4
    assert q.kwaliteit == LaanKwaliteit.SLECHT
    assert q.dominant_species == "Tilia x europaea" and q.species_share == 1.0
    lenient = QualityThresholds(goed_completeness_pct=70, matig_completeness_pct=50,
                                goed_misfit_share=0.2)
    assert analyse_lanen(lanen, gen.cols, thresholds=lenient).quality[0].kwaliteit == LaanKwaliteit.GOED


def test_complete_laan_is_goed_and_has_no_gaps():
    gen = generate([LaanSpec(n=25, two_sided=True)], seed=12)
    analysis = analyse_lanen(detect_lanen(gen.cols), gen.cols)
    assert analysis.gaps == []
    assert analysis.quality[0].completeness_pct == 100.0
    assert analysis.quality[0].kwaliteit == LaanKwaliteit.GOED


def test_structural_trees_mark_a_hoofdbomenstructuur():
    plain = LaanSpec(n=20, straat="Dorpsstraat")
    main = LaanSpec(n=20, straat="Hoofdlaan", origin=(231000.0, 555000.0),
                    beleidsstatus="structuurbepalend")
    lanen = {laan.straat: laan for laan in detect_lanen(generate([plain, main], seed=6).cols)}
    assert lanen["Hoofdlaan"].hoofdbomenstructuur
    assert lanen["Hoofdlaan"].laan_type == "hoofdbomenstructuur"
    assert not lanen["Dorpsstraat"].hoofdbomenstructuur and lanen["Dorpsstraat"].laan_type == "woonstraat"


def test_detection_and_analysis_report_progress_and_can_be_cancelled():
    from bomenplan.domain.errors import Cancelled

    gen = generate([LaanSpec(n=30), LaanSpec(n=30, straat="B", origin=(231000.0, 555000.0))], seed=1)
    seen = []
    lanen = detect_lanen(gen.cols, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4
    with pytest.raises(Cancelled):
        detect_lanen(gen.cols, cancelled=lambda: True)
    seen.clear()
    analyse_lanen(lanen, gen.cols, progress=seen.append)
    assert seen[-1] == 1.0
    with pytest.raises(Cancelled):
        analyse_lanen(lanen, gen.cols, cancelled=lambda: True)
