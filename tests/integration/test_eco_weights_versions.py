"""Weights versions on a real SQLite file: eco-2026.1 (log scale) stays loadable, a catalogue on
the old shipped version moves to eco-2026.2, a municipality's own version is left alone; the
hardiness zone is stored with the species (migration 0016_inspect_eco)."""

import json
from datetime import datetime

from bomenplan.domain.ecology import DEFAULT_WEIGHTS, WEIGHTS_2026_1, EcoWeights
from bomenplan.persistence.tables_species import EcoWeightsRow
from bomenplan.services import species_catalogue as cat

BOTH_BACKENDS = True  # SQLite file and PostgreSQL (tests/integration/conftest.py)


def test_weights_saved_before_the_scale_key_load_as_log(uow_factory):
    with uow_factory() as uow:
        uow.session.add(EcoWeightsRow(version="eco-2026.1", active=True, created_at=datetime.now(),
                                      weights_json=json.dumps(WEIGHTS_2026_1.weights)))
        uow.commit()
    assert cat.current_weights(uow_factory()) == WEIGHTS_2026_1
    assert cat.current_weights(uow_factory()).insect_scale == "log"


def test_old_shipped_version_moves_to_the_new_default(uow_factory):
    with uow_factory() as uow:
        uow.catalogue.save_weights(WEIGHTS_2026_1)
        uow.commit()
    cat.ensure_catalogue(uow_factory())
    assert cat.current_weights(uow_factory()) == DEFAULT_WEIGHTS
    with uow_factory() as uow:
        assert [w.version for w in uow.catalogue.weight_versions()] == ["eco-2026.1", "eco-2026.2"]


def test_own_version_stays_active(uow_factory):
    own = EcoWeights("assen-2027", dict(WEIGHTS_2026_1.weights), insect_scale="log")
    with uow_factory() as uow:
        uow.catalogue.save_weights(own)
        uow.commit()
    cat.ensure_catalogue(uow_factory())
    assert cat.current_weights(uow_factory()) == own


def test_hardiness_zone_is_stored_and_caps_the_score(uow_factory):
    cat.ensure_catalogue(uow_factory())
    celtis = next(e for e in cat.list_entries(uow_factory())
                  if e.species.full_name == "Celtis australis")
    assert celtis.profile.hardiness_zone == "6b"
    _entry, score = cat.get_with_score(uow_factory(), celtis.species.id)
    climate = next(c for c in score.components if c.name == "climate_2050")
    assert climate.raw == "1" and "USDA" in climate.source
