"""Which measure a risicoboom's recorded maatregel asks for (domain/inspection_work_orders.py)."""

from bomenplan.domain.criteria import Measure
from bomenplan.domain.inspection_work_orders import measure_of
from bomenplan.domain.values import Boomveiligheidsklasse as K


def test_a_risicoboom_gets_the_measure_its_inspector_wrote():
    assert measure_of("Kroon snoeien (dood hout)", K.RISICOBOOM) is Measure.SNOEIEN
    assert measure_of("vellen", K.RISICOBOOM) is Measure.KAPPEN
    assert measure_of("zwam laten bepalen", K.RISICOBOOM) is Measure.INSPECTIE


def test_niet_te_beoordelen_always_means_nader_onderzoek():
    assert measure_of("kappen", K.NIET_TE_BEOORDELEN) is Measure.INSPECTIE
